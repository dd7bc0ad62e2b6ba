import { Button, Group, Select, Stack, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../../lib/errors.ts';
import { useAskQuestion } from '../../../mutations.ts';
import { useRoom } from '../../RoomContext.tsx';
import { useReportError } from '../../useReportError.ts';

interface Props {
  /** Asked about this topic; without it, the person may pick one. */
  topicId?: string;
  onDone?: () => void;
  onCancel?: () => void;
}

/** Ask a question, in general or about a topic; it stays on the list until answered. */
export function QuestionForm({ topicId, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const { meeting, topics } = useRoom();
  const ask = useAskQuestion(meeting);
  const report = useReportError();
  const [text, setText] = useState('');
  const [about, setAbout] = useState<string | null>(topicId ?? null);
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setError(t('validation.required'));
      return;
    }
    if (text.trim().length > 2000) {
      setError(t('validation.maxLength', { count: 2000 }));
      return;
    }
    setError(null);
    ask.mutate(
      { text: text.trim(), topicId: about },
      {
        onSuccess: () => {
          setText('');
          if (!topicId) setAbout(null);
          notifySuccess(t('meeting.questions.asked'));
          onDone?.();
        },
        onError: report,
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Textarea
          label={t('meeting.questions.fields.text')}
          placeholder={t('meeting.questions.fields.textPlaceholder')}
          autosize
          minRows={2}
          maxRows={6}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={error}
          required
          data-autofocus
        />
        {!topicId && (
          <Select
            label={t('meeting.questions.fields.topic')}
            placeholder={t('meeting.questions.fields.noTopic')}
            data={topics.filter((x) => x.status !== 'parked').map((x) => ({ value: x.id, label: x.title }))}
            value={about}
            onChange={setAbout}
            clearable
            searchable
          />
        )}
        <Group justify="flex-end" gap="xs">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={ask.isPending}>
            {t('meeting.questions.ask')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
