import { Button, Group, List, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  opened: boolean;
  onClose: () => void;
  to: 'internal_review' | 'client_review';
  /** What the network would refuse or spoil, in words. */
  problems: string[];
  pending: boolean;
  onConfirm: () => void;
}

/** The post has problems for its network: say them before it goes out anyway. */
export function SendDialog({ opened, onClose, to, problems, pending, onConfirm }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('postEditor.send.title')} centered>
      <Text size="sm">{t('postEditor.send.body')}</Text>
      <List size="sm" mt="sm" spacing={4}>
        {problems.map((problem) => (
          <List.Item key={problem}>{problem}</List.Item>
        ))}
      </List>
      <Group justify="flex-end" mt="lg" gap="xs">
        <Button variant="default" onClick={onClose}>
          {t('postEditor.send.fix')}
        </Button>
        <Button onClick={onConfirm} loading={pending}>
          {to === 'client_review' ? t('postEditor.send.anywayClient') : t('postEditor.send.anywayTeam')}
        </Button>
      </Group>
    </Modal>
  );
}
