import { Button, Group, Paper, Radio, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type EmailNotificationMode, emailNotificationModes } from '../../../shared/api/index.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { SectionHeader } from '../../components/SectionHeader.tsx';
import { notifyError, notifySuccess } from '../../lib/errors.ts';
import { notificationSettingsQuery, useSaveNotificationSettings } from './notificationSettings.ts';

/** Settings: email at once, one daily digest instead of a flood, or none (the bell still shows all). */
export function NotificationSettingsForm() {
  const { t } = useTranslation();
  const settings = useQuery(notificationSettingsQuery);
  return (
    <section aria-labelledby="email-notifications-heading">
      <SectionHeader
        id="email-notifications-heading"
        title={t('changes.notifications.title')}
        description={t('changes.notifications.description')}
      />
      <Paper withBorder radius="md" p="lg">
        {settings.isError ? (
          <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
        ) : settings.data ? (
          <ModeForm key={settings.data.email} saved={settings.data.email} />
        ) : (
          <Stack gap="sm" aria-busy>
            <Skeleton height={56} />
            <Skeleton height={56} />
            <Skeleton height={56} />
          </Stack>
        )}
      </Paper>
    </section>
  );
}

function ModeForm({ saved }: { saved: EmailNotificationMode }) {
  const { t } = useTranslation();
  const save = useSaveNotificationSettings();
  const [mode, setMode] = useState(saved);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { email: mode },
      {
        onSuccess: () => notifySuccess(t('changes.notifications.saved')),
        onError: (error) => notifyError(error, t),
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Radio.Group
          label={t('changes.notifications.label')}
          value={mode}
          onChange={(v) => setMode(v as EmailNotificationMode)}
        >
          <Stack gap="sm" mt="xs">
            {emailNotificationModes.map((value) => (
              <Radio.Card key={value} value={value} radius="md" p="sm">
                <Group wrap="nowrap" align="flex-start" gap="sm">
                  <Radio.Indicator mt={2} />
                  <div>
                    <Text fw={600} size="sm">
                      {t(`changes.notifications.modes.${value}`)}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {t(`changes.notifications.hints.${value}`)}
                    </Text>
                  </div>
                </Group>
              </Radio.Card>
            ))}
          </Stack>
        </Radio.Group>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} disabled={mode === saved}>
            {t('common.saveChanges')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
