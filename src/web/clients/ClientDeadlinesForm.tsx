import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../shared/api/index.ts';
import { SectionHeader } from '../components/SectionHeader.tsx';
import { StaleVersionAlert } from '../components/StaleVersionAlert.tsx';
import { notifySuccess } from '../lib/errors.ts';
import { useVersionedForm } from '../lib/useVersionedForm.ts';
import { useUpdateClient } from './mutations.ts';

const stages = ['preparation', 'meeting', 'facts', 'content'] as const;
/** Only the agency is sent these (a contact gets null): its own schedule. */
type Days = NonNullable<Client['stageDays']>;

/** The client's default stage deadlines, which every new monthly plan starts from. */
export function ClientDeadlinesForm({
  client,
  stageDays,
  readOnly,
}: {
  client: Client;
  stageDays: Days;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const update = useUpdateClient(client.id);
  const form = useVersionedForm([...stages]);
  const [days, setDays] = useState<Days>(stageDays);
  const dirty = stages.some((s) => days[s] !== stageDays[s]);
  const summary = (d: Days) => stages.map((s) => `${t(`cycle.stages.${s}`)} ${d[s]}`).join(' · ');

  const submit = form.handleSubmit(
    () => ({}),
    () =>
      update.mutate(
        { stageDays: days, version: client.version },
        { onSuccess: () => notifySuccess(t('clientSettings.deadlinesSaved')), onError: form.onError },
      ),
  );

  return (
    <section aria-labelledby="client-deadlines-heading">
      <SectionHeader id="client-deadlines-heading" title={t('clientSettings.deadlines')} />
      <Paper withBorder radius="md" p="lg" maw={640}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {t('clientSettings.deadlinesHint')}
            </Text>
            {form.stale && <StaleVersionAlert current={summary(stageDays)} />}
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              {stages.map((stage) => (
                <NumberInput
                  key={stage}
                  label={t('clientSettings.deadlineDay', { stage: t(`cycle.stages.${stage}`) })}
                  description={t('clientSettings.deadlineDayHint')}
                  min={1}
                  max={31}
                  clampBehavior="strict"
                  allowDecimal={false}
                  value={days[stage]}
                  onChange={(v) => setDays((d) => ({ ...d, [stage]: typeof v === 'number' ? v : d[stage] }))}
                  error={form.errors[stage]}
                  disabled={readOnly}
                />
              ))}
            </SimpleGrid>
            {!readOnly && (
              <Group justify="flex-end">
                <Button type="submit" loading={update.isPending} disabled={!dirty && !form.stale}>
                  {form.stale ? t('stale.saveAgain') : t('common.saveChanges')}
                </Button>
              </Group>
            )}
          </Stack>
        </form>
      </Paper>
    </section>
  );
}
