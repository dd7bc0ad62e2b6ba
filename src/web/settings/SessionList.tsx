import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconDevices, IconLogout, IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../shared/api/index.ts';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { LoadingState } from '../components/LoadingState.tsx';
import { SectionHeader } from '../components/SectionHeader.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { notifyError, notifySuccess } from '../lib/errors.ts';
import { formatDateTime } from '../lib/format.ts';
import { useRevokeAllSessions, useRevokeSession } from './mutations.ts';
import { sessionsQuery } from './queries.ts';
import { describeUserAgent } from './userAgent.ts';

/** Where this account is signed in; any session can be ended from here. */
export function SessionList() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const sessions = useQuery(sessionsQuery);
  const revokeAll = useRevokeAllSessions();

  const logOutEverywhere = () =>
    revokeAll.mutateAsync(undefined, {
      onSuccess: () => void navigate({ to: '/login', search: { redirect: undefined } }),
      onError: (error) => notifyError(error, t),
    });

  return (
    <section aria-labelledby="sessions-heading">
      <SectionHeader
        id="sessions-heading"
        title={t('sessions.title')}
        description={t('sessions.description')}
        actions={
          <ConfirmButton
            variant="outline"
            size="sm"
            label={t('sessions.logoutEverywhere')}
            leftSection={<IconLogout size={16} aria-hidden />}
            title={t('sessions.logoutEverywhere')}
            message={t('sessions.logoutEverywhereConfirm')}
            confirmLabel={t('sessions.logoutEverywhere')}
            onConfirm={logOutEverywhere}
            loading={revokeAll.isPending}
          >
            {t('sessions.logoutEverywhere')}
          </ConfirmButton>
        }
      />
      {sessions.isPending ? (
        <LoadingState rows={2} />
      ) : sessions.isError ? (
        <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <Stack gap="sm" role="list">
          {sessions.data.map((session) => (
            <SessionRow key={session.id} session={session} />
          ))}
        </Stack>
      )}
    </section>
  );
}

function SessionRow({ session }: { session: Session }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const revoke = useRevokeSession();
  const device = describeUserAgent(session.userAgent) ?? t('sessions.unknownDevice');

  return (
    <Paper withBorder radius="md" p="md" role="listitem">
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
        <Group gap="sm" wrap="nowrap" align="flex-start" miw={0}>
          <IconDevices size={22} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <Stack gap={2} miw={0}>
            <Group gap={8} wrap="wrap">
              <Text fw={600} size="sm">
                {device}
              </Text>
              {session.current && (
                <Badge variant="light" color="teal">
                  {t('sessions.current')}
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed" truncate="end" title={session.userAgent ?? undefined}>
              {session.userAgent ?? '—'}
            </Text>
            <Text size="xs" c="dimmed">
              {t('sessions.meta', {
                ip: session.ip ?? '—',
                lastSeen: formatDateTime(session.lastSeenAt, language),
                created: formatDateTime(session.createdAt, language),
              })}
            </Text>
          </Stack>
        </Group>
        {!session.current && (
          <Button
            variant="subtle"
            color="red"
            size="xs"
            leftSection={<IconX size={14} aria-hidden />}
            aria-label={t('sessions.revokeNamed', { device })}
            loading={revoke.isPending}
            style={{ flexShrink: 0 }}
            onClick={() =>
              revoke.mutate(session.id, {
                onSuccess: () => notifySuccess(t('sessions.revoked')),
                onError: (error) => notifyError(error, t),
              })
            }
          >
            {t('sessions.revoke')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
