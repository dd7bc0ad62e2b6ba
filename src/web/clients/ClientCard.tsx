import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconClock } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../shared/api/index.ts';
import { CycleStage } from './CycleStage.tsx';

/**
 * The months a card shows: the one running and, when there is one, the plan being prepared for
 * the next; the next first while it is the agency's move there (the agency's home is where it
 * picks up that work).
 */
function monthsOnCard(client: Client): Array<Client['currentCycle']> {
  const { currentCycle: current, nextCycle: next } = client;
  if (!next) return [current];
  return next.owner === 'agency' ? [next, current] : [current, next];
}

export function ClientCard({ client }: { client: Client }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="lg" className="card-with-link">
      <Stack gap="sm" h="100%">
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <Title order={2} fz="lg" lineClamp={2} title={client.name} style={{ overflowWrap: 'anywhere' }}>
            <Anchor
              className="stretched-link"
              renderRoot={(props) => (
                <Link to="/clients/$clientId" params={{ clientId: client.id }} {...props} />
              )}
              inherit
              c="var(--mantine-color-text)"
              underline="hover"
              aria-describedby={`client-${client.id}-meta`}
            >
              {client.name}
            </Anchor>
          </Title>
          {client.archived && (
            <Badge color="gray" variant="light" style={{ flexShrink: 0 }}>
              {t('clients.archivedBadge')}
            </Badge>
          )}
        </Group>
        <Stack gap={6} id={`client-${client.id}-meta`}>
          {monthsOnCard(client).map((cycle, i) => (
            <CycleStage key={cycle?.id ?? i} cycle={cycle} />
          ))}
          <Group gap={6} wrap="nowrap">
            <IconClock size={16} aria-hidden style={{ flexShrink: 0 }} />
            <Text size="sm" c="dimmed" truncate="end" title={client.timezone}>
              {client.timezone.replaceAll('_', ' ')}
            </Text>
          </Group>
          <Text size="sm" c="dimmed">
            {[
              t('clients.counts.channels', { count: client.counts.channels }),
              t('clients.counts.rubrics', { count: client.counts.rubrics }),
              t('clients.counts.contacts', { count: client.counts.contacts }),
            ].join(' · ')}
          </Text>
        </Stack>
      </Stack>
    </Card>
  );
}
