import { Button, Group, Stack, Textarea } from '@mantine/core';
import { IconCheck, IconPencil, IconSend } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Side } from '../../../shared/roles.ts';
import { notifyError, notifySuccess } from '../../lib/errors.ts';
import type { CommentInput } from './meetingReviewMutations.ts';

interface Props {
  side: Side;
  subject: string;
  /** Resolves once the comment is saved; rejects when it was refused. */
  send: (input: Pick<CommentInput, 'body' | 'verdict'>) => Promise<unknown>;
  /** Shown at the start of the buttons' row (the agency's decision buttons). */
  aside?: ReactNode;
}

/**
 * The client comments, accepts or asks for changes (which needs a word on what); the agency
 * answers in words only: verdicts are the client's to give.
 */
export function Composer({ side, subject, send, aside }: Props) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [sending, setSending] = useState<'accept' | 'changes' | 'comment' | null>(null);

  const submit = async (verdict: 'accept' | 'changes' | null) => {
    const text = body.trim();
    if (verdict === 'changes' && !text) return setError(t('review.changesRequired'));
    if (!verdict && !text) return setError(t('validation.required'));
    setError(undefined);
    setSending(verdict ?? 'comment');
    try {
      await send({ body: text, verdict });
      setBody('');
      notifySuccess(t('review.sent'));
    } catch (e) {
      notifyError(e, t);
    } finally {
      setSending(null);
    }
  };

  return (
    <Stack gap="xs">
      <Textarea
        aria-label={t('review.commentLabel', { subject })}
        placeholder={side === 'client' ? t('review.commentPlaceholder') : t('review.answerPlaceholder')}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        error={error}
        autosize
        minRows={1}
        maxRows={8}
        maxLength={5000}
      />
      <Group gap="xs" justify={aside ? 'space-between' : 'flex-end'} wrap="wrap">
        {aside}
        {side === 'client' ? (
          <>
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconSend size={14} aria-hidden />}
              loading={sending === 'comment'}
              onClick={() => void submit(null)}
            >
              {t('review.send')}
            </Button>
            <Button
              size="xs"
              variant="light"
              color="orange"
              leftSection={<IconPencil size={14} aria-hidden />}
              loading={sending === 'changes'}
              onClick={() => void submit('changes')}
            >
              {t('review.askChanges')}
            </Button>
            <Button
              size="xs"
              // teal.9: white on it reads at 4.9:1 (the default teal shade is 3.9:1).
              color="approve"
              leftSection={<IconCheck size={14} aria-hidden />}
              loading={sending === 'accept'}
              onClick={() => void submit('accept')}
            >
              {t('review.accept')}
            </Button>
          </>
        ) : (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconSend size={14} aria-hidden />}
            loading={sending === 'comment'}
            onClick={() => void submit(null)}
          >
            {t('review.answer')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
