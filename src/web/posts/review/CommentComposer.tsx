import { Button, Group, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateCommentBody, PostFull } from '../../../shared/api/index.ts';
import { errorMessage, notifySuccess } from '../../lib/errors.ts';
import { useAddComment } from '../mutations.ts';

/** What a new comment is about: a phrase of the copy, or the visual (the brief or one file). */
export type CommentTarget =
  | { kind: 'text'; start: number | null; end: number | null; quote: string }
  | { kind: 'visual'; assetId: string | null; label: string };

interface Props {
  data: PostFull;
  target: CommentTarget;
  /** The copy's plain text: a phrase typed by hand is looked up in it. */
  text: string;
  onClose: () => void;
}

/** The occurrence of a phrase nearest to where it was picked (the same words can repeat). */
function findPhrase(
  text: string,
  phrase: string,
  near: number | null,
): { start: number; end: number } | null {
  if (!phrase) return null;
  let best: number | null = null;
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    if (best === null || Math.abs(at - (near ?? 0)) < Math.abs(best - (near ?? 0))) best = at;
  }
  return best === null ? null : { start: best, end: best + phrase.length };
}

/**
 * A comment box tied to what it is about. A phrase comes from a selection, or is typed (or
 * corrected) by hand: the way in for keyboards, and for phones where selecting is fiddly.
 */
export function CommentComposer({ data, target, text, onClose }: Props) {
  const { t } = useTranslation();
  const add = useAddComment(data.post.id);
  const [phrase, setPhrase] = useState(target.kind === 'text' ? target.quote : '');
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<{ phrase?: string; body?: string; form?: string }>({});

  const submit = async () => {
    const next: typeof errors = {};
    let anchor: CreateCommentBody['anchor'] = null;
    if (target.kind === 'text') {
      const found = findPhrase(text, phrase.trim(), target.start);
      if (!phrase.trim()) next.phrase = t('postReview.composer.phraseRequired');
      else if (!found) next.phrase = t('postReview.composer.phraseNotFound');
      else
        anchor = {
          kind: 'text',
          start: found.start,
          end: found.end,
          quote: text.slice(found.start, found.end),
        };
    } else {
      anchor = { kind: 'visual', assetId: target.assetId };
    }
    if (!body.trim()) next.body = t('postReview.composer.bodyRequired');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    try {
      await add.mutateAsync({ revision: data.post.revision, body: body.trim(), anchor });
      notifySuccess(t('postReview.composer.sent'));
      onClose();
    } catch (error) {
      setErrors({ form: errorMessage(error, t) });
    }
  };

  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      component="form"
      aria-label={t('postReview.composer.label')}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      bg="var(--mantine-color-yellow-0)"
    >
      <Stack gap="xs">
        {target.kind === 'text' ? (
          <TextInput
            label={t('postReview.composer.phrase')}
            description={t('postReview.composer.phraseHint')}
            value={phrase}
            onChange={(e) => setPhrase(e.currentTarget.value)}
            error={errors.phrase}
            autoFocus={!target.quote}
          />
        ) : (
          <Text size="sm">
            {t('postReview.composer.onVisual')}{' '}
            <Text span fw={600} style={{ overflowWrap: 'anywhere' }}>
              {target.label}
            </Text>
          </Text>
        )}
        <Textarea
          label={t('postReview.composer.body')}
          placeholder={t('postReview.composer.bodyPlaceholder')}
          autosize
          minRows={2}
          maxRows={8}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={errors.body}
          autoFocus={target.kind === 'visual' || Boolean(target.quote)}
          maxLength={5000}
        />
        {errors.form && (
          <Text size="sm" c="red" role="alert">
            {errors.form}
          </Text>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('postReview.composer.send')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
