import { SegmentedControl, SimpleGrid, useMantineTheme } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InsightMonth } from '../../../shared/api/index.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { monthNow } from '../months.ts';
import { formatFigure } from '../numbers.ts';
import { useFigureText } from '../useFigureText.ts';
import { chartRows } from './chartRows.ts';
import { MonthChart } from './MonthChart.tsx';

/** The trends: revisions, unplanned changes, topics, facts and posts, month by month. */
export function InsightCharts({ months, timezone }: { months: InsightMonth[]; timezone: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const text = useFigureText();
  const { colors } = useMantineTheme();
  const [topicsBy, setTopicsBy] = useState<'outcome' | 'source'>('outcome');
  const count = (v: number) => formatFigure(v, 'count', language);
  const rows = (pick: Parameters<typeof chartRows>[2]) => chartRows(months, language, pick);
  const current = monthNow(timezone);

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <MonthChart
        current={current}
        id="chart-first-round"
        title={text.label('firstRoundShare')}
        how={text.how('firstRoundShare')}
        kind="bars"
        tab="posts"
        yMax={1}
        format={(v) => formatFigure(v, 'percent', language)}
        rows={rows((m) => ({ share: m.figures.firstRoundShare }))}
        series={[{ key: 'share', label: text.label('firstRoundShare'), color: colors.teal[6] }]}
      />
      <MonthChart
        current={current}
        id="chart-rounds"
        title={text.label('averageRounds')}
        how={text.how('averageRounds')}
        kind="line"
        tab="posts"
        allowDecimals
        format={(v) => formatFigure(v, 'decimal', language)}
        rows={rows((m) => ({ rounds: m.figures.averageRounds }))}
        series={[{ key: 'rounds', label: text.label('averageRounds'), color: colors.indigo[6] }]}
      />
      <MonthChart
        current={current}
        id="chart-changes"
        title={t('insights.chart.changes')}
        how={t('insights.chart.changesHow')}
        kind="stacked"
        tab="changes"
        format={count}
        rows={rows((m) => ({
          situational: m.figures.situational,
          replacements: m.figures.replacements,
          rewrites: m.figures.rewrites,
        }))}
        series={[
          { key: 'situational', label: text.label('situational'), color: colors.orange[6] },
          { key: 'replacements', label: text.label('replacements'), color: colors.grape[6] },
          { key: 'rewrites', label: text.label('rewrites'), color: colors.red[7] },
        ]}
      />
      <MonthChart
        current={current}
        id="chart-topics"
        title={t('insights.chart.topics')}
        how={t(topicsBy === 'outcome' ? 'insights.chart.topicsHowOutcome' : 'insights.chart.topicsHowSource')}
        kind="stacked"
        tab="topics"
        format={count}
        controls={
          <SegmentedControl
            size="xs"
            value={topicsBy}
            onChange={(v) => setTopicsBy(v as 'outcome' | 'source')}
            aria-label={t('insights.chart.topicsBy')}
            data={[
              { value: 'outcome', label: t('insights.chart.byOutcome') },
              { value: 'source', label: t('insights.chart.bySource') },
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
        }
        rows={rows((m): Record<string, number | null> => {
          const topics = m.figures.topics;
          return topicsBy === 'outcome'
            ? {
                accepted: topics?.accepted ?? null,
                parked: topics?.parked ?? null,
                dropped: topics?.dropped ?? null,
              }
            : {
                client: topics?.fromClient ?? null,
                meeting: topics?.fromMeeting ?? null,
                reserve: topics?.fromReserve ?? null,
              };
        })}
        series={
          topicsBy === 'outcome'
            ? [
                { key: 'accepted', label: text.label('topicsAccepted'), color: colors.teal[6] },
                { key: 'parked', label: text.label('topicsParked'), color: colors.yellow[6] },
                { key: 'dropped', label: text.label('topicsDropped'), color: colors.gray[6] },
              ]
            : [
                { key: 'client', label: text.label('fromClient'), color: colors.indigo[6] },
                { key: 'meeting', label: text.label('fromMeeting'), color: colors.cyan[6] },
                { key: 'reserve', label: text.label('fromReserve'), color: colors.lime[7] },
              ]
        }
      />
      <MonthChart
        current={current}
        id="chart-facts"
        title={text.label('factTurnaroundDays')}
        how={text.how('factTurnaroundDays')}
        kind="line"
        tab="facts"
        allowDecimals
        format={(v) => formatFigure(v, 'days', language)}
        rows={rows((m) => ({ days: m.figures.factTurnaroundDays }))}
        series={[{ key: 'days', label: text.label('factTurnaroundDays'), color: colors.cyan[7] }]}
      />
      <MonthChart
        current={current}
        id="chart-posts"
        title={t('insights.chart.posts')}
        how={t('insights.chart.postsHow')}
        kind="bars"
        tab="posts"
        format={count}
        rows={rows((m) => ({ planned: m.figures.postsPlanned, published: m.figures.postsPublished }))}
        series={[
          { key: 'planned', label: text.label('postsPlanned'), color: colors.indigo[3] },
          { key: 'published', label: text.label('postsPublished'), color: colors.indigo[7] },
        ]}
      />
    </SimpleGrid>
  );
}
