import { Button, Group, Stack, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  initial: string;
  saving: boolean;
  onCancel: () => void;
  onSave: (answer: string) => void;
}

/** The answer, typed in place under the question. */
export function AnswerForm({ initial, saving, onCancel, onSave }: Props) {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!answer.trim()) {
      setError(t('validation.required'));
      return;
    }
    onSave(answer.trim());
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Textarea
          label={t('meeting.questions.fields.answer')}
          autosize
          minRows={2}
          maxRows={8}
          value={answer}
          onChange={(e) => setAnswer(e.currentTarget.value)}
          error={error}
          autoFocus
        />
        <Group gap="xs" justify="flex-end">
          <Button size="compact-sm" variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button size="compact-sm" type="submit" loading={saving}>
            {t('meeting.questions.saveAnswer')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
