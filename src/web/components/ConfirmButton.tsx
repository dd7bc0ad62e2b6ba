import { Button, type ButtonProps, Group, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props extends Omit<ButtonProps, 'children' | 'onClick'> {
  /** What the trigger says; for an icon-only trigger pass `icon` only. */
  children?: ReactNode;
  /** Accessible name; when there is visible text, it starts with that text ("Revoke: ann@…"). */
  label: string;
  icon?: ReactNode;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<unknown> | undefined;
  loading?: boolean;
}

/** A destructive action that asks first. The modal returns focus to the trigger when closed. */
export function ConfirmButton({
  children,
  label,
  icon,
  title,
  message,
  confirmLabel,
  onConfirm,
  loading,
  ...buttonProps
}: Props) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const confirm = async () => {
    try {
      await onConfirm();
      close();
    } catch {
      // The caller reported the error; keep the dialog so the person can retry or cancel.
    }
  };
  return (
    <>
      <Button
        variant="subtle"
        color="red"
        size="xs"
        aria-label={label}
        title={children ? undefined : label}
        onClick={open}
        px={children ? undefined : 6}
        {...buttonProps}
      >
        {children ?? icon}
      </Button>
      <Modal opened={opened} onClose={close} title={title} centered>
        <Text style={{ overflowWrap: 'anywhere' }}>{message}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={() => void confirm()} loading={loading}>
            {confirmLabel}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
