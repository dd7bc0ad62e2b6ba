import { Button, Group, Modal, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { StaleVersionAlert } from './StaleVersionAlert.tsx';

interface FormModalProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** The form; mounted only while open, so every opening starts from fresh state. */
  children: ReactNode;
}

/** A centred dialog holding one form. */
export function FormModal({ opened, onClose, title, children }: FormModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      {opened && children}
    </Modal>
  );
}

interface FormModalBodyProps {
  onSubmit: (event: FormEvent) => void;
  onCancel: () => void;
  submitLabel: string;
  saving: boolean;
  /**
   * After a 409 stale_version: the value someone else saved meanwhile. Shows it above the
   * fields and turns the submit button into "Save again".
   */
  staleCurrent?: ReactNode;
  /** The fields. */
  children: ReactNode;
}

/** A dialog's form: its fields, then Cancel and the submit button. */
export function FormModalBody({
  onSubmit,
  onCancel,
  submitLabel,
  saving,
  staleCurrent,
  children,
}: FormModalBodyProps) {
  const { t } = useTranslation();
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        {staleCurrent && <StaleVersionAlert current={staleCurrent} />}
        {children}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {staleCurrent ? t('stale.saveAgain') : submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
