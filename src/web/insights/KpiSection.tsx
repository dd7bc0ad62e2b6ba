import { Alert, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { InsightMonth } from '../../shared/api/index.ts';
import { verdictOf } from '../../shared/insights.ts';
import { currentLanguage } from '../i18n/index.ts';
import { formatMonth } from '../lib/dates.ts';
import {
  averageOf,
  comparedBefore,
  type FigureKey,
  figureDefs,
  headlineMonth,
  unplannedTotal,
} from './figures.ts';
import { KpiCard, type KpiCardProps } from './KpiCard.tsx';
import { formatFigure } from './numbers.ts';
import { useFigureText } from './useFigureText.ts';

const compared: FigureKey[] = [
  'firstRoundShare',
  'averageRounds',
  'situational',
  'replacements',
  'rewrites',
  'factTurnaroundDays',
  'factItemsOverdue',
  'approvalTurnaroundHours',
  'approvalsOverdue',
];

/**
 * The headline month in cards, each next to the average of the finished months before
 * co-creation; a month still running is shown but not judged (no better/worse).
 */
export function KpiSection({ months }: { months: InsightMonth[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const text = useFigureText();
  const month = headlineMonth(months);
  if (!month) return null;
  const before = comparedBefore(months);
  const since = months.filter((m) => !m.before && !m.partial);
  const judged = !month.partial;
  const f = month.figures;
  const behind = (key: FigureKey) =>
    month.cycleId
      ? { cycleId: month.cycleId, tab: figureDefs[key].tab, label: text.open(key, month.month) }
      : null;

  const card = (key: FigureKey): KpiCardProps => {
    const def = figureDefs[key];
    const value = def.value(f);
    const average = before.length ? averageOf(key, before) : null;
    return {
      label: text.label(key),
      how: text.how(key),
      value: formatFigure(value, def.kind, language),
      before: before.length ? formatFigure(average, def.kind, language) : undefined,
      verdict: judged ? verdictOf(value, average, def.better) : null,
      behind: behind(key),
    };
  };

  const cards: (KpiCardProps & { key: string })[] = compared.map((key) => ({ key, ...card(key) }));
  cards[0]!.detail = t('insights.kpi.firstRoundOf', { count: f.postsApproved, first: f.approvedFirstRound });
  cards[4]!.detail = t('insights.kpi.covered', { count: unplannedTotal(f), covered: f.covered });
  const missed = card('deadlinesMissed');
  cards.push({
    ...missed,
    key: 'deadlines',
    detail: f.deadlines
      ? t('insights.kpi.deadlinesMet', { met: f.deadlines.met, count: f.deadlines.met + f.deadlines.missed })
      : undefined,
  });
  cards.push({
    key: 'meeting',
    label: t('insights.kpi.meeting'),
    how: t('insights.kpi.meetingHow'),
    value: f.meeting ? t(`insights.meeting.${f.meeting}`) : '—',
    textValue: true,
    detail: t('insights.kpi.meetingCount', {
      held: since.filter((m) => m.figures.meeting === 'held').length,
      fire: since.filter((m) => m.figures.meeting === 'fire_mode').length,
      count: since.length,
    }),
    behind: month.cycleId
      ? { cycleId: month.cycleId, tab: 'meeting', label: text.openMeeting(month.month) }
      : null,
  });

  return (
    <Stack gap="sm">
      <Text size="sm">
        {t(month.partial ? 'insights.kpi.headlineRunning' : 'insights.kpi.headlineClosed', {
          month: formatMonth(month.month, language),
        })}{' '}
        {before.length > 0 && judged && t('insights.kpi.comparedWith', { count: before.length })}
        {before.length > 0 && !judged && t('insights.kpi.notJudged')}
      </Text>
      {before.length === 0 && (
        <Alert variant="light" color="gray" icon={<IconInfoCircle />} p="xs">
          <Text size="sm">{t('insights.kpi.noBefore')}</Text>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, md: 3, lg: 5 }} spacing="sm">
        {cards.map(({ key, ...props }) => (
          <KpiCard key={key} {...props} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
