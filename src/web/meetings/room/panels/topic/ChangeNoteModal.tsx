import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  opened: boolean;
  title: string;
  saving: boolean;
  onClose: () => void;
  onSubmit: (note: string) => void;
}

/** "Change" needs to say what changes: that note goes into the summary and the fact request. */
export function ChangeNoteModal({ opened, title, saving, onClose, onSubmit }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('meeting.decisions.changeTitle')} centered>
      {opened && <NoteForm title={title} saving={saving} onClose={onClose} onSubmit={onSubmit} />}
    </Modal>
  );
}

function NoteForm({ title, saving, onClose, onSubmit }: Omit<Props, 'opened'>) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!note.trim()) {
      setError(t('meeting.decisions.changeRequired'));
      return;
    }
    onSubmit(note.trim());
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Text>
        <Textarea
          label={t('meeting.decisions.changeLabel')}
          placeholder={t('meeting.decisions.changePlaceholder')}
          autosize
          minRows={3}
          maxRows={8}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={error}
          required
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="yellow" loading={saving}>
            {t('meeting.decisions.changeSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
