import { Button, Grid, Group, Stack } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostComment, PostFull } from '../../../shared/api/index.ts';
import { CommentList } from '../comments/CommentList.tsx';
import { PostHistory } from '../history/PostHistory.tsx';
import { CommentComposer, type CommentTarget } from './CommentComposer.tsx';
import { CopySection, useVersionCopy } from './CopySection.tsx';
import { ReviewActions } from './ReviewActions.tsx';
import { ReviewHeader } from './ReviewHeader.tsx';
import { ReviewStatus } from './ReviewStatus.tsx';
import { VisualSection } from './VisualSection.tsx';

/**
 * The client's review of the version sent to them: the copy as it will read, the visual, the
 * extras; a comment on any phrase or file; then approve, or ask for changes. Also shown after
 * the decision, saying what happens now, with the history of every round.
 */
export function PostReview({ data }: { data: PostFull }) {
  const { t } = useTranslation();
  const version = data.versions.at(-1);
  const { doc, text } = useVersionCopy(version);
  const [target, setTarget] = useState<CommentTarget | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const canComment = data.permissions.comment && Boolean(version);

  const pickAnchor = useCallback((comment: PostComment) => setActiveId(comment.id), []);
  const pickFromCopy = useCallback((id: string) => {
    setActiveId(id);
    document.getElementById(`comment-${id}`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, []);
  const composer = (kind: CommentTarget['kind']) =>
    target?.kind === kind ? (
      <CommentComposer
        key={JSON.stringify(target)}
        data={data}
        target={target}
        text={text}
        onClose={() => setTarget(null)}
      />
    ) : null;

  return (
    <Stack gap="lg">
      <ReviewHeader data={data} />
      <ReviewStatus data={data} />
      {version && (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="md">
              <CopySection
                data={data}
                version={version}
                doc={doc}
                text={text}
                canComment={canComment}
                target={target}
                onTarget={setTarget}
                activeId={activeId}
                onPickComment={pickFromCopy}
                composer={composer('text')}
              />
              <VisualSection
                version={version}
                canComment={canComment}
                onComment={setTarget}
                composer={composer('visual')}
              />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="md">
              <ReviewActions data={data} />
              <CommentList data={data} onPickAnchor={pickAnchor} activeId={activeId} />
            </Stack>
          </Grid.Col>
        </Grid>
      )}
      {data.versions.length > 0 && (
        <Stack gap="sm" component="section" aria-label={t('postReview.history.title')}>
          <Group>
            <Button
              variant="default"
              leftSection={<IconHistory size={16} aria-hidden />}
              onClick={() => setHistoryOpen((open) => !open)}
              aria-expanded={historyOpen}
              aria-controls="post-history"
            >
              {historyOpen
                ? t('postReview.history.hide')
                : t('postReview.history.show', { count: data.versions.length })}
            </Button>
          </Group>
          {historyOpen && (
            <div id="post-history">
              <PostHistory data={data} />
            </div>
          )}
        </Stack>
      )}
    </Stack>
  );
}
