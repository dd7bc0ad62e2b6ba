import { Button } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../lib/errors.ts';
import { usePlanData } from '../../planning/PlanContext.tsx';
import { useCreatePost } from '../mutations.ts';

/** Starts the post of a slot with a topic and opens its editor. */
export function WriteButton({ slotId, title }: { slotId: string; title: string }) {
  const { t } = useTranslation();
  const { cycle } = usePlanData();
  const create = useCreatePost(cycle.id);
  const navigate = useNavigate();
  const start = async () => {
    try {
      const post = await create.mutateAsync(slotId);
      await navigate({ to: '/posts/$postId', params: { postId: post.post.id } });
    } catch (error) {
      notifyError(error, t);
    }
  };
  return (
    <Button
      size="xs"
      leftSection={<IconPencil size={14} aria-hidden />}
      loading={create.isPending}
      onClick={() => void start()}
      aria-label={t('postReview.queue.writeFor', { title })}
    >
      {t('postReview.queue.write')}
    </Button>
  );
}
