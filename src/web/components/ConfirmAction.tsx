import { Button, type ButtonProps, Group, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props extends Omit<ButtonProps, 'onClick'> {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  /** Resolves when done; a rejection keeps the dialog open (the caller reported it). */
  onConfirm: () => Promise<unknown>;
  loading?: boolean;
  describedBy?: string;
}

/** A weighty but not destructive step (next stage, sharing): the button asks first. */
export function ConfirmAction({
  title,
  message,
  confirmLabel,
  onConfirm,
  loading,
  describedBy,
  ...button
}: Props) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const confirm = async () => {
    try {
      await onConfirm();
      close();
    } catch {
      // Reported by the caller; the dialog stays for another try.
    }
  };
  return (
    <>
      <Button onClick={open} aria-describedby={describedBy} {...button} />
      <Modal opened={opened} onClose={close} title={title} centered>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {message}
        </Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void confirm()} loading={loading} data-autofocus>
            {confirmLabel}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
