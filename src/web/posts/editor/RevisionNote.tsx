import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconMessageExclamation } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostComment, PostFull } from '../../../shared/api/index.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { linkify } from '../../lib/linkify.tsx';
import comments from '../comments/comments.module.css';
import classes from './editor.module.css';

interface Props {
  data: PostFull;
  activeId: string | null;
  /** Picks a comment: its phrase is highlighted and brought into view in the copy. */
  onPick: (comment: PostComment) => void;
}

const byTime = (a: { at: string }, b: { at: string }) => Date.parse(a.at) - Date.parse(b.at);

/** The client's note of the latest "changes requested", while the post is waiting for them. */
function changeNote(data: PostFull) {
  if (data.post.status !== 'changes_requested') return null;
  const asked = data.history.filter((h) => h.to === 'changes_requested').sort(byTime);
  return asked.at(-1) ?? null;
}

/** What a comment is about, in a line: the phrase as it reads now, or the file, or the post. */
function About({ comment, active, onPick }: { comment: PostComment; active: boolean; onPick: () => void }) {
  const { t } = useTranslation();
  const anchor = comment.anchor;
  if (anchor?.kind === 'visual') {
    return (
      <Text size="xs" c="dimmed">
        {t('postReview.comments.onVisual')}
      </Text>
    );
  }
  if (anchor?.kind !== 'text') return null;
  if (anchor.orphaned) {
    return (
      <span className={`${comments.quote} ${comments.orphaned}`}>
        {t('postReview.quoted', { text: anchor.quote })}
        <span className="visually-hidden"> {t('postReview.comments.orphaned')}</span>
      </span>
    );
  }
  const now = anchor.current ?? anchor.quote;
  return (
    <button
      type="button"
      className={comments.quote}
      onClick={onPick}
      aria-pressed={active}
      title={t('postReview.comments.showPhrase')}
    >
      {t('postReview.quoted', { text: now })}
      {now !== anchor.quote && (
        <Text span size="xs" c="dimmed" fs="normal">
          {' '}
          {t('postEditor.revision.was', { text: anchor.quote })}
        </Text>
      )}
    </button>
  );
}

/**
 * Why the writer is back at this post, at the top of the editor: the client's note asking for
 * changes and the open comments, each with its phrase (a click shows it in the copy). Compact,
 * so on a phone the copy still starts on the first screen.
 */
export function RevisionNote({ data, activeId, onPick }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const titleId = useId();
  const note = changeNote(data);
  const open = data.comments
    .filter((c) => !c.resolvedAt)
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  if (!note && open.length === 0) return null;

  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      component="section"
      aria-labelledby={titleId}
      className={classes.revision}
    >
      <Stack gap={6}>
        <Group gap={6} wrap="nowrap">
          <IconMessageExclamation size={18} aria-hidden style={{ flex: 'none' }} />
          <Title order={2} size="h5" id={titleId}>
            {note ? t('postEditor.revision.title') : t('postEditor.revision.openTitle')}
          </Title>
        </Group>
        {note && (
          <div>
            <Text size="sm" className="pre-wrap" style={{ overflowWrap: 'anywhere' }}>
              {note.note ? linkify(note.note) : t('postEditor.revision.noNote')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('postEditor.revision.by', {
                name: note.actorName ?? t('postEditor.status.someone'),
                when: formatDateTime(note.at, language, data.client.timezone),
              })}
            </Text>
          </div>
        )}
        {open.length > 0 && (
          <>
            <Text size="xs" fw={600} c="dimmed">
              {t('postEditor.revision.openComments', { count: open.length })}
            </Text>
            <ul className={comments.list} aria-label={t('postReview.comments.openList')}>
              {open.map((comment) => (
                <li
                  key={comment.id}
                  className={`${classes.revisionComment} ${comment.id === activeId ? classes.revisionActive : ''}`}
                >
                  <About comment={comment} active={comment.id === activeId} onPick={() => onPick(comment)} />
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    <Text span size="sm" fw={600} c={comment.side === 'client' ? 'teal.9' : 'indigo.9'}>
                      {comment.authorName ?? t(`postReview.comments.sides.${comment.side}`)}:
                    </Text>{' '}
                    {linkify(comment.body)}
                  </Text>
                </li>
              ))}
            </ul>
          </>
        )}
      </Stack>
    </Paper>
  );
}
