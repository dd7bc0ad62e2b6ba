import type { HocuspocusProvider } from '@hocuspocus/provider';
import { Badge, Group, Loader, Paper, Text } from '@mantine/core';
import { IconCheck, IconWifiOff } from '@tabler/icons-react';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { renderCaret } from '../collab/caret.ts';
import { caretColor } from '../collab/caretColor.ts';
import type { CollabStatus } from '../collab/useCollabConnection.ts';
import { useNotesConnection } from './useNotesConnection.ts';
import '../collab/carets.css';
import './NotesEditor.css';

export interface NotesEditorProps {
  meetingId: string;
  userName: string;
  side: 'agency' | 'client';
  readOnly?: boolean;
}

/** The Yjs field the server reads the notes from (src/server/collab/notesText.ts). */
const NOTES_FIELD = 'default';

/**
 * The meeting's shared notes: everyone types at once, each caret labelled with its person's
 * name. Typing goes on offline; the changes merge when the connection is back.
 */
export function NotesEditor({ meetingId, userName, side, readOnly = false }: NotesEditorProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const { provider, status, serverReadOnly } = useNotesConnection(meetingId);
  const locked = readOnly || serverReadOnly;

  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-labelledby={titleId}>
      <Group justify="space-between" gap="xs" mb="xs" wrap="wrap">
        <Text fw={600} id={titleId}>
          {t('notes.title')}
        </Text>
        <Group gap="xs">
          {locked && status !== 'unavailable' && (
            <Badge variant="light" color="gray" tt="none">
              {t('notes.readOnly')}
            </Badge>
          )}
          <ConnectionBadge status={status} />
        </Group>
      </Group>
      {status === 'unavailable' ? (
        <Text c="dimmed" size="sm">
          {t('notes.unavailable')}
        </Text>
      ) : provider ? (
        <NotesBody
          key={meetingId}
          provider={provider}
          userName={userName}
          side={side}
          editable={!locked}
          label={t('notes.label')}
        />
      ) : null}
    </Paper>
  );
}

function NotesBody(props: {
  provider: HocuspocusProvider;
  userName: string;
  side: 'agency' | 'client';
  editable: boolean;
  label: string;
}) {
  const { provider, userName, side, editable, label } = props;
  const color = caretColor(side, userName);
  // ProseMirror reads the attributes on every update, so the flag stays current.
  const editableNow = useRef(editable);
  editableNow.current = editable;

  const editor = useEditor(
    {
      extensions: [
        // Collaboration brings its own undo, which only undoes one's own typing.
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ document: provider.document, field: NOTES_FIELD }),
        CollaborationCaret.configure({ provider, user: { name: userName, color }, render: renderCaret }),
      ],
      editable,
      editorProps: {
        attributes: () => ({
          class: 'notes-editor__content',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          'aria-readonly': String(!editableNow.current),
        }),
      },
    },
    [provider, label],
  );

  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);

  useEffect(() => {
    editor?.commands.updateUser({ name: userName, color });
  }, [editor, userName, color]);

  return <EditorContent editor={editor} className="notes-editor" />;
}

/** Quiet green when typing reaches everyone now; says so when it waits to be merged. */
function ConnectionBadge({ status }: { status: CollabStatus }) {
  const { t } = useTranslation();
  // Always rendered, so screen readers hear the change when the text does.
  return (
    <span role="status">
      {status === 'connected' && (
        <Badge color="teal" variant="light" tt="none" leftSection={<IconCheck size={12} aria-hidden />}>
          {t('notes.connected')}
        </Badge>
      )}
      {(status === 'connecting' || status === 'reconnecting') && (
        <Badge
          color="orange"
          variant="light"
          tt="none"
          leftSection={<Loader size={10} color="orange" aria-hidden />}
        >
          {t(status === 'connecting' ? 'notes.connecting' : 'notes.reconnecting')}
        </Badge>
      )}
      {status === 'offline' && (
        <Badge color="red" variant="light" tt="none" leftSection={<IconWifiOff size={12} aria-hidden />}>
          {t('notes.offline')}
        </Badge>
      )}
    </span>
  );
}
