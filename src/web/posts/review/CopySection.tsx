import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconQuote } from '@tabler/icons-react';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostFull, PostVersion } from '../../../shared/api/index.ts';
import { type CopyNode, copyDocOf, copyTextOf } from '../../../shared/posts/copyText.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { ChannelCell } from '../list/ChannelCell.tsx';
import { publishLabelLong } from '../list/postTime.ts';
import type { CommentTarget } from './CommentComposer.tsx';
import { locatePhrase } from './copyOffsets.ts';
import { PostExtras } from './PostExtras.tsx';
import { type PickedPhrase, ReadOnlyCopy } from './ReadOnlyCopy.tsx';

/** The mark of a phrase whose comment is being written. */
const DRAFT = 'draft';

const isDoc = (value: Record<string, unknown>): value is Record<string, unknown> & CopyNode =>
  value.type === 'doc';

/** The version's copy as a document, and its plain text (what comment offsets point into). */
export function useVersionCopy(version: PostVersion | undefined) {
  return useMemo(() => {
    const doc: CopyNode = version
      ? isDoc(version.copyDoc)
        ? version.copyDoc
        : copyDocOf(version.copyText)
      : copyDocOf('');
    return { doc, text: copyTextOf(doc) };
  }, [version]);
}

interface Props {
  data: PostFull;
  version: PostVersion;
  doc: CopyNode;
  text: string;
  canComment: boolean;
  target: CommentTarget | null;
  onTarget: (target: CommentTarget) => void;
  activeId: string | null;
  onPickComment: (commentId: string) => void;
  /** The comment box, when it is about a phrase. */
  composer: ReactNode;
}

/**
 * The post as it goes out: channel and time, the copy (phrases with open comments marked,
 * selecting words offers a comment), then hashtags, link and first comment.
 */
export function CopySection(props: Props) {
  const { data, version, doc, text, canComment, target, onTarget, activeId } = props;
  const { t } = useTranslation();
  const language = currentLanguage();

  // Open comments' phrases, found in the version shown (the offsets may be the live copy's),
  // and the phrase whose comment is being written.
  const marks = useMemo(() => {
    const open = data.comments.flatMap((c) => {
      if (c.resolvedAt || c.anchor?.kind !== 'text' || c.anchor.orphaned) return [];
      const found = locatePhrase(text, c.anchor);
      return found ? [{ commentId: c.id, ...found }] : [];
    });
    if (target?.kind === 'text' && target.start !== null && target.end !== null) {
      open.push({ commentId: DRAFT, start: target.start, end: target.end });
    }
    return open;
  }, [data.comments, text, target]);
  const drafting = marks.some((m) => m.commentId === DRAFT);
  const commentPhrase = (phrase: PickedPhrase) => onTarget({ kind: 'text', ...phrase });

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="copy-heading">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap" align="flex-start">
          <ChannelCell network={data.post.network} label={data.post.channelLabel} format={data.post.format} />
          <Text size="sm" fw={600}>
            {publishLabelLong(data.post.publishAt, data.client.timezone, language)}
          </Text>
        </Group>
        <Title order={2} size="h4" id="copy-heading">
          {t('postReview.review.copyTitle', { revision: version.revision })}
        </Title>
        {text.trim() ? (
          <>
            {canComment && (
              <Text size="xs" c="dimmed">
                {t('postReview.review.selectHint')}
              </Text>
            )}
            <ReadOnlyCopy
              doc={doc}
              marks={marks}
              activeId={drafting ? DRAFT : activeId}
              onPickComment={props.onPickComment}
              onCommentPhrase={canComment ? commentPhrase : undefined}
              labelledBy="copy-heading"
            />
            {canComment && target?.kind !== 'text' && (
              <Group>
                <Button
                  size="xs"
                  variant="subtle"
                  leftSection={<IconQuote size={14} aria-hidden />}
                  onClick={() => onTarget({ kind: 'text', start: null, end: null, quote: '' })}
                >
                  {t('postReview.review.commentOnPhrase')}
                </Button>
              </Group>
            )}
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t('postReview.review.emptyCopy')}
          </Text>
        )}
        {props.composer}
        <PostExtras version={version} />
      </Stack>
    </Paper>
  );
}
