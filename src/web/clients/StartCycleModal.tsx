import { Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { currentLanguage } from '../i18n/index.ts';
import { formatMonth, formatMonthInText } from '../lib/dates.ts';
import { notifyError, notifySuccess } from '../lib/errors.ts';
import { useStartCycle } from '../planning/mutations.ts';

interface Props {
  clientId: string;
  month: string;
  /** Only a client with an earlier cycle has a cadence to copy. */
  canCopy: boolean;
  opened: boolean;
  onClose: () => void;
}

/** "Plan December 2026": starts the month's cycle, by default with last month's cadence. */
export function StartCycleModal({ clientId, month, canCopy, opened, onClose }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const start = useStartCycle(clientId);
  const [copyCadence, setCopyCadence] = useState(true);
  const label = formatMonth(month, currentLanguage());
  const inText = formatMonthInText(month, currentLanguage());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate(
      { month, copyCadence: canCopy && copyCadence },
      {
        onSuccess: ({ cycle }) => {
          notifySuccess(t('cycles.started', { month: inText }));
          onClose();
          void navigate({ to: '/cycles/$cycleId', params: { cycleId: cycle.id } });
        },
        onError: (error) =>
          error instanceof ApiError && error.code === 'conflict'
            ? notifications.show({ color: 'red', title: t('errors.title'), message: t('cycles.exists') })
            : notifyError(error, t),
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('cycles.start', { month: label })} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('cycles.startHint', { month: inText })}</Text>
          {canCopy && (
            <Checkbox
              label={t('cycles.copyCadence')}
              description={t('cycles.copyCadenceHint')}
              checked={copyCadence}
              onChange={(e) => setCopyCadence(e.currentTarget.checked)}
            />
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={start.isPending} data-autofocus>
              {t('cycles.start', { month: label })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
