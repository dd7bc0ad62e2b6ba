import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCalendarPlus, IconCalendarStats, IconShare } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Client, Cycle } from '../../shared/api/index.ts';
import { localParts, nextMonth } from '../../shared/time.ts';
import { EmptyBlock } from '../components/EmptyBlock.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { LoadingState } from '../components/LoadingState.tsx';
import { OverdueBadge } from '../components/OverdueBadge.tsx';
import { SectionHeader } from '../components/SectionHeader.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { formatLocalDate, formatMonth } from '../lib/dates.ts';
import { stageLabel } from '../planning/labels.ts';
import { moveText } from '../planning/moveText.ts';
import { cyclesQuery } from '../planning/queries.ts';
import { StartCycleModal } from './StartCycleModal.tsx';

/** The client's monthly plans, newest first, and the button that starts the next one. */
export function ClientCycles({ client }: { client: Client }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const cycles = useQuery(cyclesQuery(client.id));
  const [starting, { open, close }] = useDisclosure(false);
  const newest = cycles.data?.[0];
  const month = newest
    ? nextMonth(newest.month)
    : nextMonth(localParts(new Date(), client.timezone).date.slice(0, 7));
  const canStart = client.abilities.update;

  const startButton = canStart && cycles.data && (
    <Button leftSection={<IconCalendarPlus size={18} aria-hidden />} onClick={open}>
      {t('cycles.start', { month: formatMonth(month, language) })}
    </Button>
  );

  return (
    <section aria-labelledby="cycles-heading">
      <SectionHeader
        id="cycles-heading"
        title={t('cycles.title')}
        description={t('cycles.description')}
        actions={cycles.data?.length ? startButton : null}
      />
      {cycles.isPending ? (
        <LoadingState rows={3} />
      ) : cycles.isError ? (
        <ErrorState error={cycles.error} onRetry={() => void cycles.refetch()} />
      ) : cycles.data.length === 0 ? (
        <EmptyBlock
          order={3}
          icon={<IconCalendarStats />}
          title={t('cycles.emptyTitle')}
          description={canStart ? t('cycles.emptyHint') : t('cycles.emptyContact')}
          action={startButton}
        />
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {cycles.data.map((cycle) => (
            <CycleRow key={cycle.id} cycle={cycle} />
          ))}
        </Stack>
      )}
      <StartCycleModal
        clientId={client.id}
        month={month}
        canCopy={Boolean(newest)}
        opened={starting}
        onClose={close}
      />
    </section>
  );
}

function CycleRow({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const deadline = cycle.deadlines[cycle.stage];
  return (
    <Paper withBorder radius="md" p="md" component="li" className="card-with-link">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Stack gap={4} miw={0}>
          <Group gap="xs" wrap="wrap">
            <Anchor
              className="stretched-link"
              fw={600}
              renderRoot={(props) => <Link to="/cycles/$cycleId" params={{ cycleId: cycle.id }} {...props} />}
            >
              {formatMonth(cycle.month, language)}
            </Anchor>
            <Badge variant="light" color="indigo">
              {stageLabel(cycle.stage, t)}
            </Badge>
            {cycle.overdue && <OverdueBadge deadline={deadline} />}
            {cycle.shared && (
              <Badge color="teal" variant="light" leftSection={<IconShare size={12} aria-hidden />}>
                {t('share.shared')}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {[
              moveText(cycle, t, language),
              deadline && !cycle.overdue && cycle.waiting.every((w) => w.due === null)
                ? t('cycle.due', { date: formatLocalDate(deadline, language) })
                : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Stack>
        <Text size="sm" c="dimmed">
          {[
            t('cycles.counts.slots', { count: cycle.counts.slots }),
            t('cycles.counts.topics', { count: cycle.counts.topics }),
            t('cycles.counts.free', { count: cycle.counts.slotsWithoutTopic }),
          ].join(' · ')}
        </Text>
      </Group>
    </Paper>
  );
}
