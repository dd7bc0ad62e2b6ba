import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../shared/api/index.ts';
import { OverdueBadge } from '../components/OverdueBadge.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { formatLocalDate, formatMonth } from '../lib/dates.ts';
import { ownerLabel, stageLabel } from '../planning/labels.ts';

/**
 * Where the client's monthly cycle stands: month (a link to its plan), stage, whose move it
 * is and the stage's deadline; a quiet placeholder until the first cycle.
 */
export function CycleStage({ cycle }: { cycle: Client['currentCycle'] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (!cycle) {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        {t('cycle.none')}
      </Text>
    );
  }
  const deadline = cycle.deadline ? formatLocalDate(cycle.deadline, language) : null;
  return (
    <Stack gap={4}>
      <Group gap={6} wrap="wrap">
        <Anchor
          className="above-stretched"
          size="sm"
          fw={600}
          renderRoot={(props) => <Link to="/cycles/$cycleId" params={{ cycleId: cycle.id }} {...props} />}
        >
          {formatMonth(cycle.month, language)}
        </Anchor>
        <Badge variant="light" color="indigo">
          {stageLabel(cycle.stage, t)}
        </Badge>
        {cycle.overdue && <OverdueBadge deadline={cycle.deadline} />}
      </Group>
      {cycle.owner !== 'nobody' && (
        <Text size="sm" c="dimmed">
          {t('cycle.whoseMove', { owner: ownerLabel(cycle.owner, t) })}
          {deadline && !cycle.overdue && ` · ${t('cycle.due', { date: deadline })}`}
        </Text>
      )}
    </Stack>
  );
}
