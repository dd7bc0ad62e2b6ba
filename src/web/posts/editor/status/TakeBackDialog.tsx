import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The client has it now (else it is in the team's own review). */
  fromClient: boolean;
  pending: boolean;
  onConfirm: (note: string) => void;
}

/** Back to draft, with an optional word on why (kept in the post's history). */
export function TakeBackDialog({ opened, onClose, fromClient, pending, onConfirm }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={fromClient ? t('postEditor.takeBack.title') : t('postEditor.takeBack.titleTeam')}
      centered
    >
      {opened && (
        <TakeBackForm fromClient={fromClient} pending={pending} onClose={onClose} onConfirm={onConfirm} />
      )}
    </Modal>
  );
}

function TakeBackForm({ fromClient, pending, onClose, onConfirm }: Omit<Props, 'opened'>) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onConfirm(note.trim());
      }}
    >
      <Stack gap="md">
        <Text size="sm">
          {fromClient ? t('postEditor.takeBack.bodyClient') : t('postEditor.takeBack.bodyTeam')}
        </Text>
        <Textarea
          label={t('postEditor.takeBack.note')}
          description={t('postEditor.takeBack.noteHint')}
          autosize
          minRows={2}
          maxLength={2000}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          data-autofocus
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {fromClient ? t('postEditor.takeBack.submit') : t('postEditor.takeBack.submitTeam')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
