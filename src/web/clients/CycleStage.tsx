import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../shared/api/index.ts';
import { OverdueBadge } from '../components/OverdueBadge.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { formatLocalDate, formatMonth } from '../lib/dates.ts';
import { stageLabel } from '../planning/labels.ts';
import { moveText } from '../planning/moveText.ts';

/**
 * Where a month of the client stands: month (a link to its plan), stage, whose move it is and
 * what waits for them ("Whose move: client — 3 posts to approve by 12 Dec"); the stage's own
 * deadline only when nothing that waits carries a date of its own (a fire-mode review is due by
 * its date, not the stage's). A quiet placeholder until the first cycle.
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
  const move = moveText(cycle, t, language);
  const stageDue =
    cycle.deadline && !cycle.overdue && cycle.waiting.every((w) => w.due === null)
      ? formatLocalDate(cycle.deadline, language)
      : null;
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
      {move && (
        <Text size="sm" c={cycle.owner === 'client' ? undefined : 'dimmed'} data-testid="whose-move">
          {move}
          {stageDue && ` · ${t('cycle.due', { date: stageDue })}`}
        </Text>
      )}
    </Stack>
  );
}
