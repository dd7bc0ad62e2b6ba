import type { HocuspocusProvider } from '@hocuspocus/provider';
import { Grid, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Editor, JSONContent } from '@tiptap/core';
import type { TFunction } from 'i18next';
import { useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostComment, PostFull } from '../../../shared/api/index.ts';
import { copyDocOf } from '../../../shared/posts/copyText.ts';
import { checkPost } from '../../../shared/posts/limits.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useMe } from '../../lib/useMe.ts';
import { PostAssets } from './assets/PostAssets.tsx';
import { CopyEditor } from './copy/CopyEditor.tsx';
import { CopyMeter, problemText } from './copy/CopyMeter.tsx';
import { commentHighlightKey, type HighlightAnchor } from './copy/commentHighlight.ts';
import { copySaved } from './copy/copySaved.ts';
import { PostFieldsForm } from './fields/PostFieldsForm.tsx';
import { usePostFields } from './fields/usePostFields.ts';
import { formatPublishAt } from './labels.ts';
import { PostHeader } from './PostHeader.tsx';
import { RevisionNote } from './RevisionNote.tsx';
import { initialSideTab, SidePanel, type SideTab } from './SidePanel.tsx';
import { PostStatusBar } from './status/PostStatusBar.tsx';

/**
 * The agency's post: the copy written together, checked against the network as it is typed,
 * beside the topic, the meeting's decisions and the client's facts; then sent for review.
 */
export function PostEditor({ data }: { data: PostFull }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const me = useMe();
  const copyTitleId = useId();
  const meterId = useId();
  const editable = data.permissions.edit;
  const fields = usePostFields(data, editable);
  const [editor, setEditor] = useState<Editor | null>(null);
  const provider = useRef<HocuspocusProvider | null>(null);
  const keepProvider = useCallback((next: HocuspocusProvider | null) => {
    provider.current = next;
  }, []);
  // What is sent for review is what the writer sees: pending fields saved, typing stored.
  const beforeMove = useCallback(async () => {
    await fields.flush();
    await copySaved(provider.current);
  }, [fields.flush]);
  const [typed, setTyped] = useState(data.post.copyText);
  // Without a live editor (no access to the shared document) the server's copy is the copy.
  const copy = editor ? typed : data.post.copyText;
  const [activeComment, setActiveComment] = useState<string | null>(null);
  const network = data.post.network;
  const hasMedia = data.post.assets.some((a) => /^(image|video)\//.test(a.contentType));

  const check = checkPost(network, {
    copy,
    hashtags: fields.form.hashtags,
    firstComment: fields.form.firstComment,
    hasMedia,
  });
  const networkName = t(`networks.${network}`);
  const problems = check.problems.map((p) => problemText(p, networkName, language, t));

  // The preview may lag a keystroke behind; the editor never does.
  const previewCopy = useDeferredValue(copy);
  const preview = useMemo(
    () => ({
      accountName: data.client.name,
      copy: previewCopy,
      hashtags: fields.form.hashtags,
      link: fields.form.link,
      firstComment: fields.form.firstComment,
      assets: data.post.assets,
      when: formatPublishAt(data.post.publishAt, language, data.client.timezone),
    }),
    [data, previewCopy, fields.form, language],
  );

  /**
   * A fact's answer into the copy where the writer's cursor was: one line joins the sentence
   * being written, several become paragraphs of their own.
   */
  const insert = useCallback(
    (text: string) => {
      if (!editor?.isEditable) return;
      const { from } = editor.state.selection;
      const before = from > 1 ? editor.state.doc.textBetween(from - 1, from) : '';
      // Right after a word the fact needs a space, or it glues onto it.
      const spaced = before && !/\s/.test(before) ? ` ${text}` : text;
      const content: JSONContent | JSONContent[] = text.includes('\n')
        ? ((copyDocOf(text).content ?? []) as JSONContent[])
        : { type: 'text', text: spaced };
      editor.chain().focus().insertContent(content).run();
      notifications.show({ message: t('postEditor.facts.inserted'), autoClose: 2000 });
    },
    [editor, t],
  );

  const [sideTab, setSideTab] = useState<SideTab>(() => initialSideTab(data));
  // Every open comment's phrase is highlighted in the live copy, wherever edits have moved it.
  const anchors = useMemo(() => highlightAnchors(data.comments), [data.comments]);
  /** A highlighted phrase clicked in the copy: its comment is shown beside it. */
  const pickFromCopy = useCallback((commentId: string) => {
    setActiveComment(commentId);
    setSideTab('comments');
    // The comments tab mounts on this render: look for the comment after it.
    requestAnimationFrame(() =>
      document
        .getElementById(`comment-${commentId}`)
        ?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }),
    );
  }, []);
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.view.dispatch(
      editor.state.tr.setMeta(commentHighlightKey, {
        anchors,
        activeId: activeComment,
        onPick: pickFromCopy,
      }),
    );
  }, [editor, anchors, activeComment, pickFromCopy]);

  /** Shows the phrase a comment is about in the live copy, wherever edits have moved it. */
  const pickAnchor = useCallback(
    (comment: PostComment) => {
      const next = activeComment === comment.id || comment.anchor?.kind !== 'text' ? null : comment.id;
      setActiveComment(next);
      if (!editor || !next) return;
      const range = commentHighlightKey.getState(editor.state)?.ranges.get(next);
      if (!range) return;
      const { node } = editor.view.domAtPos(range.from);
      const element = node instanceof Element ? node : node.parentElement;
      element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    },
    [editor, activeComment],
  );

  return (
    <Stack gap="md">
      <PostHeader data={data} />
      <RevisionNote data={data} activeId={activeComment} onPick={pickAnchor} />
      <PostStatusBar
        data={data}
        beforeMove={beforeMove}
        problems={problems}
        editedAfterApproval={data.post.editedAfterApproval || copyEditedAfterApproval(data, copy)}
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <CopyEditor
              documentName={data.post.copyDocument}
              fallbackText={data.post.copyText}
              userName={me.user.name}
              editable={editable}
              lockedReason={editable ? null : lockedReason(data, t)}
              labelledBy={copyTitleId}
              describedBy={meterId}
              onEditor={setEditor}
              onProvider={keepProvider}
              onCopyChange={setTyped}
            >
              <CopyMeter id={meterId} network={network} hasMedia={hasMedia} check={check} />
            </CopyEditor>
            <PostFieldsForm data={data} fields={fields} editable={editable} />
            <PostAssets data={data} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <SidePanel
            data={data}
            preview={preview}
            onInsert={editable && editor ? insert : null}
            onPickAnchor={pickAnchor}
            activeComment={activeComment}
            tab={sideTab}
            onTab={setSideTab}
          />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/**
 * The copy typed now differs from the version the client approved. The server says so on the
 * next load; the writer sees it as they type.
 */
function copyEditedAfterApproval(data: PostFull, copy: string): boolean {
  const approved = data.versions.at(-1);
  return data.post.status === 'approved' && approved !== undefined && approved.copyText !== copy;
}

/** Why the writer cannot change the post now, and what would let them. */
function lockedReason(data: PostFull, t: TFunction): string {
  switch (data.post.status) {
    case 'client_review':
      return t('postEditor.locked.client_review');
    case 'published':
      return t('postEditor.locked.published');
    default:
      return t('postEditor.locked.other');
  }
}

/** The open comments' phrases, as the live editor finds them again from their Yjs positions. */
function highlightAnchors(comments: PostComment[]): HighlightAnchor[] {
  return comments.flatMap((c) =>
    !c.resolvedAt && c.anchor?.kind === 'text' && c.anchor.relStart && c.anchor.relEnd
      ? [
          {
            commentId: c.id,
            start: c.anchor.relStart,
            end: c.anchor.relEnd,
            before: c.anchor.relBefore,
            after: c.anchor.relAfter,
            following: c.anchor.following,
          },
        ]
      : [],
  );
}
