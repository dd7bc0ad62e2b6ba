import { Anchor, Badge, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconClock, IconMoodEmpty } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../shared/api/index.ts';
import { ApiError } from '../api/client.ts';
import { EmptyBlock } from '../components/EmptyBlock.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { LoadingState } from '../components/LoadingState.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { ClientInsights } from '../insights/ClientInsights.tsx';
import { timeZoneOffset } from '../lib/format.ts';
import { useMe } from '../lib/useMe.ts';
import { usePageTitle } from '../lib/usePageTitle.ts';
import { TodoList } from '../todo/TodoList.tsx';
import { ClientActivity } from './ClientActivity.tsx';
import { ClientChannels } from './ClientChannels.tsx';
import { ClientContacts } from './ClientContacts.tsx';
import { ClientCycles } from './ClientCycles.tsx';
import { ClientReserve } from './ClientReserve.tsx';
import { ClientRubrics } from './ClientRubrics.tsx';
import { ClientSettings } from './ClientSettings.tsx';
import { CycleStage } from './CycleStage.tsx';
import { clientQuery } from './queries.ts';
import type { ClientTab } from './tabs.ts';

const route = getRouteApi('/_app/clients/$clientId');

export function ClientPage() {
  const { t } = useTranslation();
  const { clientId } = route.useParams();
  const client = useQuery(clientQuery(clientId));
  usePageTitle(client.data?.name ?? t('client.title'));

  if (client.isPending) return <LoadingState rows={4} />;
  if (client.isError) {
    if (client.error instanceof ApiError && client.error.status === 404) {
      return (
        <EmptyBlock
          order={1}
          icon={<IconMoodEmpty />}
          title={t('client.notFound')}
          description={t('client.notFoundHint')}
          action={
            <Button renderRoot={(props) => <Link to="/" {...props} />}>{t('client.backToClients')}</Button>
          }
        />
      );
    }
    return <ErrorState error={client.error} onRetry={() => void client.refetch()} />;
  }
  return <ClientView client={client.data} />;
}

function ClientView({ client }: { client: Client }) {
  const { t } = useTranslation();
  const me = useMe();
  const tab = route.useSearch({ select: (s) => s.tab ?? 'plan' });
  const navigate = route.useNavigate();
  const canSeeSettings = client.abilities.update || client.abilities.archive;
  // The reserve is the agency's working list; client contacts see shared plans only.
  const canSeeReserve = Boolean(me.agency);
  const hidden = (tab === 'settings' && !canSeeSettings) || (tab === 'reserve' && !canSeeReserve);
  const active: ClientTab = hidden ? 'plan' : tab;
  const showBack = me.agency || me.clientMemberships.length > 1;
  // A contact's page of their client opens on what waits for them (the phone's home).
  const isContact = me.clientMemberships.some((m) => m.clientId === client.id);

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        {showBack && (
          <Anchor size="sm" renderRoot={(props) => <Link to="/" {...props} />} w="fit-content">
            <Group gap={4} component="span">
              <IconArrowLeft size={14} aria-hidden />
              {t('client.backToClients')}
            </Group>
          </Anchor>
        )}
        <Group gap="sm" align="center" wrap="wrap">
          <Title order={1} fz="h2" style={{ overflowWrap: 'anywhere' }} maw="100%">
            {client.name}
          </Title>
          {client.archived && (
            <Badge color="gray" variant="light">
              {t('clients.archivedBadge')}
            </Badge>
          )}
        </Group>
        <Group gap="lg" wrap="wrap">
          <Group gap={6} wrap="nowrap">
            <IconClock size={16} aria-hidden />
            <Text size="sm" c="dimmed">
              {t('client.timezone', {
                zone: client.timezone.replaceAll('_', ' '),
                offset: timeZoneOffset(client.timezone, currentLanguage()),
              })}
            </Text>
          </Group>
          {/* A contact's to-do below names whose move each month is. */}
          {!isContact && <CycleStage cycle={client.currentCycle} />}
        </Group>
      </Stack>

      {isContact && <TodoList clientId={client.id} />}

      <Tabs
        value={active}
        onChange={(next) =>
          void navigate({ search: { tab: (next as ClientTab) ?? undefined }, replace: true })
        }
        keepMounted={false}
      >
        <Tabs.List style={{ flexWrap: 'wrap' }}>
          <Tabs.Tab value="plan">{t('client.tabs.plan')}</Tabs.Tab>
          <Tabs.Tab value="insights">{t('client.tabs.insights')}</Tabs.Tab>
          {canSeeReserve && <Tabs.Tab value="reserve">{t('client.tabs.reserve')}</Tabs.Tab>}
          <Tabs.Tab value="activity">{t('client.tabs.activity')}</Tabs.Tab>
          <Tabs.Tab value="channels">{t('client.tabs.channels')}</Tabs.Tab>
          <Tabs.Tab value="rubrics">{t('client.tabs.rubrics')}</Tabs.Tab>
          <Tabs.Tab value="contacts">{t('client.tabs.contacts')}</Tabs.Tab>
          {canSeeSettings && <Tabs.Tab value="settings">{t('client.tabs.settings')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="plan" pt="lg">
          <ClientCycles client={client} />
        </Tabs.Panel>
        {canSeeReserve && (
          <Tabs.Panel value="reserve" pt="lg">
            <ClientReserve client={client} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="insights" pt="lg">
          <ClientInsights client={client} />
        </Tabs.Panel>
        <Tabs.Panel value="activity" pt="lg">
          <ClientActivity client={client} />
        </Tabs.Panel>
        <Tabs.Panel value="channels" pt="lg">
          <ClientChannels client={client} />
        </Tabs.Panel>
        <Tabs.Panel value="rubrics" pt="lg">
          <ClientRubrics client={client} />
        </Tabs.Panel>
        <Tabs.Panel value="contacts" pt="lg">
          <ClientContacts client={client} />
        </Tabs.Panel>
        {canSeeSettings && (
          <Tabs.Panel value="settings" pt="lg">
            <ClientSettings client={client} />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
