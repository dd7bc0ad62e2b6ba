import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../shared/api/index.ts';
import { useUpdateClient } from '../clients/mutations.ts';
import { currentLanguage } from '../i18n/index.ts';
import { formatMonth } from '../lib/dates.ts';
import { notifyError, notifySuccess } from '../lib/errors.ts';
import { addMonths, monthNow } from './months.ts';

/** The month the client started planning together: the line between "before" and "since". */
export function CoCreationSinceModal({
  client,
  opened,
  onClose,
}: {
  client: Client;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('insights.since.title')} centered>
      {opened && <SinceForm client={client} onDone={onClose} />}
    </Modal>
  );
}

function SinceForm({ client, onDone }: { client: Client; onDone: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const update = useUpdateClient(client.id);
  const [month, setMonth] = useState<string | null>(client.coCreationSince);
  // Next month too: a cycle is planned the month before it runs. Four years back covers any history.
  const now = monthNow(client.timezone);
  const options = Array.from({ length: 50 }, (_, i) => addMonths(now, 1 - i)).map((m) => ({
    value: m,
    label: formatMonth(m, language),
  }));
  if (month && !options.some((o) => o.value === month))
    options.push({ value: month, label: formatMonth(month, language) });

  const save = () => {
    // The field rides on the client's ordinary update, guarded by its version.
    const body = { coCreationSince: month, version: client.version };
    update.mutate(body, {
      onSuccess: () => {
        notifySuccess(t('insights.since.saved'));
        onDone();
      },
      onError: (e) => notifyError(e, t),
    });
  };

  return (
    <Stack gap="md">
      <Text size="sm">{t('insights.since.hint')}</Text>
      <Select
        label={t('insights.since.label')}
        placeholder={t('insights.since.notSet')}
        data={options}
        value={month}
        onChange={setMonth}
        clearable
        searchable
        comboboxProps={{ withinPortal: true }}
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button onClick={save} loading={update.isPending}>
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
