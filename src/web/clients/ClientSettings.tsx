import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconArchive, IconArchiveOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { endpoints } from '../../shared/api/catalogue.ts';
import type { BodyOf } from '../../shared/api/endpoint.ts';
import type { Client } from '../../shared/api/index.ts';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { SectionHeader } from '../components/SectionHeader.tsx';
import { StaleVersionAlert } from '../components/StaleVersionAlert.tsx';
import { TimeZoneSelect } from '../components/TimeZoneSelect.tsx';
import { notifyError, notifySuccess } from '../lib/errors.ts';
import { useVersionedForm } from '../lib/useVersionedForm.ts';
import { maxLength, required, validate } from '../lib/validate.ts';
import { ApprovalLeadForm } from './ApprovalLeadForm.tsx';
import { ClientDeadlinesForm } from './ClientDeadlinesForm.tsx';
import { ClientLanguageSetting } from './ClientLanguageSetting.tsx';
import { FactRemindersForm } from './FactRemindersForm.tsx';
import { useArchiveClient, useUpdateClient } from './mutations.ts';
import { PostReviewSetting } from './PostReviewSetting.tsx';

export function ClientSettings({ client }: { client: Client }) {
  return (
    <Stack gap="xl">
      {client.abilities.update && <ClientDetailsForm client={client} />}
      {client.abilities.update && <ClientLanguageSetting client={client} />}
      {client.abilities.update && client.stageDays && (
        <ClientDeadlinesForm client={client} stageDays={client.stageDays} readOnly={false} />
      )}
      {client.abilities.update && <FactRemindersForm client={client} />}
      {client.abilities.update && <ApprovalLeadForm client={client} />}
      {client.abilities.update && client.postInternalReview !== null && (
        <PostReviewSetting client={client} enabled={client.postInternalReview} />
      )}
      {client.abilities.archive && <ArchiveSection client={client} />}
    </Stack>
  );
}

function ClientDetailsForm({ client }: { client: Client }) {
  const { t } = useTranslation();
  const update = useUpdateClient(client.id);
  const form = useVersionedForm(['name', 'timezone']);
  const [name, setName] = useState(client.name);
  const [timezone, setTimezone] = useState(client.timezone);
  const dirty = name.trim() !== client.name || timezone !== client.timezone;

  const check = () => validate({ name }, { name: [required, maxLength(200)] }, t);
  const submit = form.handleSubmit(check, () => {
    const body: BodyOf<typeof endpoints.updateClient> = { version: client.version };
    if (name.trim() !== client.name) body.name = name.trim();
    if (timezone !== client.timezone) body.timezone = timezone;
    update.mutate(body, {
      onSuccess: () => notifySuccess(t('clientSettings.saved')),
      onError: form.onError,
    });
  });

  return (
    <section aria-labelledby="client-details-heading">
      <SectionHeader id="client-details-heading" title={t('clientSettings.details')} />
      <Paper withBorder radius="md" p="lg" maw={640}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {form.stale && <StaleVersionAlert current={`${client.name} · ${client.timezone}`} />}
            <TextInput
              label={t('clients.fields.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={form.errors.name}
              required
            />
            <TimeZoneSelect value={timezone} onChange={setTimezone} error={form.errors.timezone} />
            <Group justify="flex-end">
              <Button type="submit" loading={update.isPending} disabled={!dirty && !form.stale}>
                {form.stale ? t('stale.saveAgain') : t('common.saveChanges')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </section>
  );
}

function ArchiveSection({ client }: { client: Client }) {
  const { t } = useTranslation();
  const archive = useArchiveClient(client.id);
  const run = (toArchive: boolean) =>
    archive.mutateAsync(toArchive, {
      onSuccess: () =>
        notifySuccess(toArchive ? t('clientSettings.archived') : t('clientSettings.unarchived')),
      onError: (error) => notifyError(error, t),
    });

  return (
    <section aria-labelledby="client-archive-heading">
      <SectionHeader id="client-archive-heading" title={t('clientSettings.archiveTitle')} />
      <Paper withBorder radius="md" p="lg" maw={640}>
        <Stack gap="md" align="flex-start">
          <Text size="sm">
            {client.archived ? t('clientSettings.archivedHint') : t('clientSettings.archiveHint')}
          </Text>
          {client.archived ? (
            <Button
              variant="default"
              leftSection={<IconArchiveOff size={18} aria-hidden />}
              loading={archive.isPending}
              onClick={() => void run(false).catch(() => {})}
            >
              {t('clientSettings.unarchive')}
            </Button>
          ) : (
            <ConfirmButton
              variant="outline"
              size="sm"
              label={t('clientSettings.archive')}
              leftSection={<IconArchive size={18} aria-hidden />}
              title={t('clientSettings.archiveConfirmTitle')}
              message={t('clientSettings.archiveConfirm', { name: client.name })}
              confirmLabel={t('clientSettings.archive')}
              onConfirm={() => run(true)}
              loading={archive.isPending}
            >
              {t('clientSettings.archive')}
            </ConfirmButton>
          )}
        </Stack>
      </Paper>
    </section>
  );
}
