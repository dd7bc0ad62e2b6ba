import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostFull } from '../../../shared/api/index.ts';
import { errorMessage } from '../../lib/errors.ts';
import { useAddComment } from '../mutations.ts';

/** A comment on the post as a whole (no phrase, no file). */
export function CommentForm({ data }: { data: PostFull }) {
  const { t } = useTranslation();
  const add = useAddComment(data.post.id);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (!body.trim()) {
      setError(t('postReview.composer.bodyRequired'));
      return;
    }
    setError(null);
    try {
      await add.mutateAsync({ revision: data.post.revision, body: body.trim(), anchor: null });
      setBody('');
    } catch (e) {
      setError(errorMessage(e, t));
    }
  };
  return (
    <form
      aria-label={t('postReview.comments.general')}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack gap={6}>
        <Textarea
          label={t('postReview.comments.general')}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={5000}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={error}
          onKeyDown={(e) => {
            // Ctrl/Cmd+Enter sends, as in most comment boxes.
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void submit();
            }
          }}
        />
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text size="xs" c="dimmed">
            {t('postReview.comments.sendHint')}
          </Text>
          <Button type="submit" size="xs" loading={add.isPending}>
            {t('postReview.composer.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
