import type { HocuspocusProvider } from '@hocuspocus/provider';
import { ActionIcon, Alert, Group, Paper, Skeleton, Text, Title } from '@mantine/core';
import { IconBold, IconItalic, IconLock } from '@tabler/icons-react';
import type { Editor } from '@tiptap/core';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { copyTextOf } from '../../../../shared/posts/copyText.ts';
import { renderCaret } from '../../../collab/caret.ts';
import { caretColor } from '../../../collab/caretColor.ts';
import { useCollabConnection } from '../../../collab/useCollabConnection.ts';
import { CopyStatusBadge } from './CopyStatusBadge.tsx';
import { copyExtensions } from './copyExtensions.ts';
import '../../../collab/carets.css';
import './CopyEditor.css';

interface Props {
  /** The shared document's name; null when this person may not open it. */
  documentName: string | null;
  /** The copy as the server last read it: shown when the live document is not available. */
  fallbackText: string;
  userName: string;
  editable: boolean;
  /** Why the copy is read-only now, said above it. */
  lockedReason: string | null;
  /** The heading that names the editor. */
  labelledBy: string;
  /** The counter and problems under the editor. */
  describedBy: string;
  onEditor: (editor: Editor | null) => void;
  /** The live connection of the copy, to wait for its edits to be stored before a status move. */
  onProvider?: (provider: HocuspocusProvider | null) => void;
  onCopyChange: (text: string) => void;
  /** Under the text: the counter and the network's problems. */
  children?: ReactNode;
}

/**
 * The post's copy, written together: every writer's caret shows with their name, typing goes
 * on offline and merges later. It reports the plain text on every change, for the counter and
 * the preview.
 */
export function CopyEditor(props: Props) {
  const { t } = useTranslation();
  // Editable or not decides what the server grants: a change reconnects to be granted anew.
  const connection = useCollabConnection(props.documentName, props.editable);
  const locked = !props.editable || connection.serverReadOnly;
  const { onProvider } = props;
  useEffect(() => {
    onProvider?.(connection.provider);
  }, [connection.provider, onProvider]);

  return (
    <Paper withBorder radius="md" p="sm">
      <Group justify="space-between" gap="xs" mb={6} wrap="wrap">
        <Title order={2} fz="md" id={props.labelledBy}>
          {t('postEditor.copy.title')}
        </Title>
        {/* Read-only, "saved" says nothing; the lock note says why instead. */}
        {connection.status !== 'unavailable' && !locked && (
          <CopyStatusBadge status={connection.status} unsaved={connection.unsaved} />
        )}
      </Group>
      {props.lockedReason && locked && (
        <Alert variant="light" color="gray" icon={<IconLock size={18} aria-hidden />} p="xs" mb="xs">
          <Text size="sm">{props.lockedReason}</Text>
        </Alert>
      )}
      {connection.status === 'unavailable' || !connection.provider ? (
        connection.status === 'unavailable' ? (
          <Text
            className="post-copy__content"
            contentEditable={false}
            aria-labelledby={props.labelledBy}
            aria-describedby={props.describedBy}
          >
            {props.fallbackText || t('postEditor.copy.empty')}
          </Text>
        ) : (
          <Skeleton height={192} radius="sm" />
        )
      ) : (
        <CopyBody
          key={props.documentName}
          {...props}
          provider={connection.provider}
          synced={connection.synced}
          editable={!locked}
        />
      )}
      {props.children && <div style={{ marginTop: 'var(--mantine-spacing-xs)' }}>{props.children}</div>}
    </Paper>
  );
}

function CopyBody(props: Props & { provider: HocuspocusProvider; synced: boolean; editable: boolean }) {
  const { t } = useTranslation();
  const { provider, userName, editable, synced, onEditor, onCopyChange } = props;
  const color = caretColor('agency', userName);
  // ProseMirror reads the attributes on every update, so the flag stays current.
  const editableNow = useRef(editable);
  editableNow.current = editable;
  const report = useRef(onCopyChange);
  report.current = onCopyChange;
  const syncedNow = useRef(synced);
  syncedNow.current = synced;

  const editor = useEditor(
    {
      extensions: copyExtensions(provider, { name: userName, color }, renderCaret),
      editable,
      // Until the document has loaded the editor is empty: that is not the copy, so not counted.
      onUpdate: ({ editor: e }) => {
        if (syncedNow.current) report.current(copyTextOf(e.getJSON()));
      },
      editorProps: {
        attributes: () => ({
          class: 'post-copy__content',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': props.labelledBy,
          'aria-describedby': props.describedBy,
          'aria-readonly': String(!editableNow.current),
        }),
      },
    },
    [provider],
  );

  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);

  useEffect(() => {
    editor?.commands.updateUser({ name: userName, color });
  }, [editor, userName, color]);

  useEffect(() => {
    if (editor && synced) report.current(copyTextOf(editor.getJSON()));
  }, [editor, synced]);

  useEffect(() => {
    onEditor(editor);
    return () => onEditor(null);
  }, [editor, onEditor]);

  return (
    <>
      {editable && editor && <Toolbar editor={editor} />}
      {!synced && (
        <>
          <Skeleton height={192} radius="sm" aria-hidden />
          <Text size="xs" c="dimmed" mt={4} role="status">
            {t('postEditor.copy.loading')}
          </Text>
        </>
      )}
      {/* Mounted while hidden, so the binding is ready the moment the text arrives. */}
      <div hidden={!synced}>
        <EditorContent editor={editor} />
      </div>
    </>
  );
}

/** Bold and italic: the only formatting a social post keeps (as the writer's emphasis). */
function Toolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const marks = useEditorState({
    editor,
    selector: ({ editor: e }) => ({ bold: e.isActive('bold'), italic: e.isActive('italic') }),
  });
  return (
    <Group gap={4} mb={6} role="toolbar" aria-label={t('postEditor.copy.toolbar')}>
      <ActionIcon
        variant={marks.bold ? 'filled' : 'default'}
        size="lg"
        aria-label={t('postEditor.copy.bold')}
        aria-pressed={marks.bold}
        title={`${t('postEditor.copy.bold')} (Ctrl+B)`}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => editor.chain().focus().toggleBold().run()}
      >
        <IconBold size={18} aria-hidden />
      </ActionIcon>
      <ActionIcon
        variant={marks.italic ? 'filled' : 'default'}
        size="lg"
        aria-label={t('postEditor.copy.italic')}
        aria-pressed={marks.italic}
        title={`${t('postEditor.copy.italic')} (Ctrl+I)`}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => editor.chain().focus().toggleItalic().run()}
      >
        <IconItalic size={18} aria-hidden />
      </ActionIcon>
    </Group>
  );
}
