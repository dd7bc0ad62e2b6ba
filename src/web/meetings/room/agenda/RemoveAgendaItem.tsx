import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  opened: boolean;
  name: string;
  onClose: () => void;
  onConfirm: () => void;
  loading: boolean;
}

/** Asks before an agenda item goes (its timer goes with it). */
export function RemoveAgendaItem({ opened, name, onClose, onConfirm, loading }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('meeting.agenda.removeTitle')} centered>
      <Text style={{ overflowWrap: 'anywhere' }}>{t('meeting.agenda.removeConfirm', { name })}</Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button color="red" onClick={onConfirm} loading={loading}>
          {t('meeting.agenda.remove')}
        </Button>
      </Group>
    </Modal>
  );
}
