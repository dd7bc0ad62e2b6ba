import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostComment, PostFull } from '../../../shared/api/index.ts';
import { CommentForm } from './CommentForm.tsx';
import { CommentItem } from './CommentItem.tsx';
import classes from './comments.module.css';

export interface CommentListProps {
  data: PostFull;
  /** Called when a person picks a comment whose anchor is a phrase: the editor highlights it. */
  onPickAnchor?: (comment: PostComment) => void;
  /** The comment whose anchor is highlighted now. */
  activeId?: string | null;
}

const byTime = (a: PostComment, b: PostComment) => Date.parse(a.createdAt) - Date.parse(b.createdAt);

/**
 * A post's comments: the open ones first in the order they were written, the resolved ones
 * folded away below, and a form for a comment on the whole post. Used by both sides.
 */
export function CommentList({ data, onPickAnchor, activeId = null }: CommentListProps) {
  const { t } = useTranslation();
  const [showResolved, setShowResolved] = useState(false);
  const open = data.comments.filter((c) => !c.resolvedAt).sort(byTime);
  const resolved = data.comments.filter((c) => c.resolvedAt).sort((a, b) => byTime(b, a));
  // A resolved comment picked elsewhere (the editor's copy) unfolds the resolved ones.
  const resolvedShown = showResolved || resolved.some((c) => c.id === activeId);
  const item = (comment: PostComment) => (
    <CommentItem
      key={comment.id}
      comment={comment}
      data={data}
      active={comment.id === activeId}
      onPickAnchor={onPickAnchor}
    />
  );

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="comments-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="comments-heading">
          {t('postReview.comments.title')}
          {open.length > 0 && (
            <Text span c="dimmed" fw={400} size="sm">
              {' '}
              {t('postReview.comments.openCount', { count: open.length })}
            </Text>
          )}
        </Title>
        {open.length === 0 ? (
          <Text size="sm" c="dimmed">
            {data.comments.length === 0
              ? t('postReview.comments.none')
              : t('postReview.comments.allResolved')}
          </Text>
        ) : (
          <ul className={classes.list} aria-label={t('postReview.comments.openList')}>
            {open.map(item)}
          </ul>
        )}
        {resolved.length > 0 && (
          <>
            <Button
              variant="subtle"
              size="xs"
              color="gray"
              onClick={() => setShowResolved(!resolvedShown)}
              aria-expanded={resolvedShown}
              rightSection={
                resolvedShown ? (
                  <IconChevronUp size={14} aria-hidden />
                ) : (
                  <IconChevronDown size={14} aria-hidden />
                )
              }
              style={{ alignSelf: 'flex-start' }}
            >
              {t('postReview.comments.resolvedToggle', { count: resolved.length })}
            </Button>
            {resolvedShown && (
              <ul className={classes.list} aria-label={t('postReview.comments.resolvedList')}>
                {resolved.map(item)}
              </ul>
            )}
          </>
        )}
        {data.permissions.comment && <CommentForm data={data} />}
      </Stack>
    </Paper>
  );
}
