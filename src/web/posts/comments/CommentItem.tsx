import { Badge, Button, Group, Text } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconPhoto, IconUnlink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PostComment, PostFull } from '../../../shared/api/index.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { notifyError } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { linkify } from '../../lib/linkify.tsx';
import { useResolveComment } from '../mutations.ts';
import classes from './comments.module.css';

interface Props {
  comment: PostComment;
  data: PostFull;
  active: boolean;
  onPickAnchor?: (comment: PostComment) => void;
}

/** The name of the file a visual comment is about, from any version that carried it. */
function assetName(data: PostFull, assetId: string): string | null {
  const live = data.post.assets.find((a) => a.id === assetId);
  if (live) return live.name;
  for (const version of data.versions) {
    const sent = version.assets.find((a) => a.id === assetId);
    if (sent) return sent.name;
  }
  return null;
}

/** What the comment points at: a phrase (clickable, or removed since), the visual, or the post. */
function Anchor({ comment, data, onPickAnchor }: Omit<Props, 'active'>) {
  const { t } = useTranslation();
  const anchor = comment.anchor;
  if (!anchor) return null;
  if (anchor.kind === 'visual') {
    const name = anchor.assetId ? assetName(data, anchor.assetId) : null;
    return (
      <Group gap={4} wrap="nowrap" my={4}>
        <IconPhoto size={14} aria-hidden style={{ flex: 'none' }} />
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {name ? t('postReview.comments.onFile', { name }) : t('postReview.comments.onVisual')}
        </Text>
      </Group>
    );
  }
  if (anchor.orphaned) {
    return (
      <>
        <span className={`${classes.quote} ${classes.orphaned}`}>
          <span className="visually-hidden">{t('postReview.comments.quoteLabel')} </span>
          {t('postReview.quoted', { text: anchor.quote })}
        </span>
        <Group gap={4} wrap="nowrap">
          <IconUnlink size={14} aria-hidden style={{ flex: 'none' }} />
          <Text size="xs" c="dimmed">
            {t('postReview.comments.orphaned')}
          </Text>
        </Group>
      </>
    );
  }
  const changed = anchor.current !== null && anchor.current !== anchor.quote;
  const quote = (
    <>
      <span className="visually-hidden">{t('postReview.comments.quoteLabel')} </span>
      {t('postReview.quoted', { text: anchor.quote })}
    </>
  );
  return (
    <>
      {onPickAnchor && !comment.resolvedAt ? (
        <button
          type="button"
          className={classes.quote}
          onClick={() => onPickAnchor(comment)}
          title={t('postReview.comments.showPhrase')}
        >
          {quote}
        </button>
      ) : (
        <span className={classes.quote}>{quote}</span>
      )}
      {changed && (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {t('postReview.comments.nowReads', { text: anchor.current })}
        </Text>
      )}
    </>
  );
}

/** One comment: who (and which side), when, on which version, about what, and resolve / reopen. */
export function CommentItem({ comment, data, active, onPickAnchor }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const resolve = useResolveComment(data.post.id);
  const resolved = Boolean(comment.resolvedAt);
  const zone = data.client.timezone;
  const toggle = () =>
    resolve.mutate(
      { commentId: comment.id, resolved: !resolved },
      { onError: (error) => notifyError(error, t) },
    );
  const className = [
    classes.comment,
    comment.side === 'client' ? classes.client : '',
    resolved ? classes.resolved : '',
    active ? classes.active : '',
  ].join(' ');

  return (
    <li id={`comment-${comment.id}`} className={className} aria-current={active ? 'true' : undefined}>
      <Group gap={6} wrap="wrap">
        <Text size="sm" fw={600}>
          {comment.authorName ?? '—'}
        </Text>
        <Badge size="xs" variant="filled" color={comment.side === 'client' ? 'teal.9' : 'indigo.9'} tt="none">
          {t(`postReview.comments.sides.${comment.side}`)}
        </Badge>
        <Text size="xs" c="dimmed">
          {formatDateTime(comment.createdAt, language, zone)}
        </Text>
        <Badge size="xs" variant="light" color="gray" tt="none">
          {comment.revision > 0
            ? t('postReview.comments.roundVersion', { round: comment.round, revision: comment.revision })
            : t('postReview.comments.roundDraft', { round: comment.round })}
        </Badge>
      </Group>
      <Anchor comment={comment} data={data} onPickAnchor={onPickAnchor} />
      <Text size="sm" mt={2} className="pre-wrap">
        {linkify(comment.body)}
      </Text>
      <Group justify="space-between" gap={6} mt={4} wrap="wrap">
        {resolved ? (
          <Text size="xs" c="dimmed">
            {t('postReview.comments.resolvedBy', {
              name: comment.resolvedByName ?? '—',
              when: formatDateTime(comment.resolvedAt!, language, zone),
            })}
          </Text>
        ) : (
          <span />
        )}
        {data.permissions.comment && (
          <Button
            size="compact-xs"
            variant="subtle"
            color={resolved ? 'gray' : 'teal'}
            leftSection={
              resolved ? <IconArrowBackUp size={12} aria-hidden /> : <IconCheck size={12} aria-hidden />
            }
            loading={resolve.isPending}
            onClick={toggle}
            aria-label={
              resolved
                ? t('postReview.comments.reopenLabel', { name: comment.authorName ?? '—' })
                : t('postReview.comments.resolveLabel', { name: comment.authorName ?? '—' })
            }
          >
            {resolved ? t('postReview.comments.reopen') : t('postReview.comments.resolve')}
          </Button>
        )}
      </Group>
    </li>
  );
}
