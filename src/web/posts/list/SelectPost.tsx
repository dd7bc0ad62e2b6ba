import { Checkbox } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PostSummary } from '../../../shared/api/index.ts';

/** Picks a post for "Approve selected"; its label names the post. */
export function SelectPost({
  post,
  checked,
  onChange,
}: {
  post: PostSummary;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <Checkbox
      checked={checked}
      onChange={(e) => onChange(e.currentTarget.checked)}
      aria-label={t('postReview.bulk.select', { title: post.topicTitle ?? t('postReview.list.untitled') })}
      size="md"
    />
  );
}
