import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Topic } from '../../../shared/api/index.ts';
import { notifyError, notifySuccess } from '../../lib/errors.ts';

interface Props {
  topic: Topic;
  opened: boolean;
  onClose: () => void;
  onConfirm: () => Promise<unknown>;
  loading: boolean;
}

/** Deleting is final; parking keeps the topic for later, so the dialog says so. */
export function DeleteTopicModal({ topic, opened, onClose, onConfirm, loading }: Props) {
  const { t } = useTranslation();
  const confirm = async () => {
    try {
      await onConfirm();
      notifySuccess(t('topics.deleted'));
      onClose();
    } catch (error) {
      notifyError(error, t);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('topics.deleteTitle')} centered>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {t('topics.deleteConfirm', { title: topic.title })}
      </Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button color="red" onClick={() => void confirm()} loading={loading}>
          {t('common.delete')}
        </Button>
      </Group>
    </Modal>
  );
}
