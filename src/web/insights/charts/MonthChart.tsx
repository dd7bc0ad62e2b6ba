import { Box, ColorSwatch, Group, Paper, Stack, Text, Title, useMantineTheme } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  CartesianGrid,
  Cell,
  ComposedChart,
  Legend,
  Line,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { CycleTab } from '../../planning/tabs.ts';
import { FigureHint } from '../FigureHint.tsx';
import { beforeRuns, type ChartRow } from './chartRows.ts';
import { MonthTooltip } from './MonthTooltip.tsx';

/** The data key of a line's dashed run into a partial month. */
const PARTIAL = '__partial';

export interface Series {
  key: string;
  label: string;
  color: string;
}

interface Props {
  id: string;
  title: string;
  how: string;
  rows: ChartRow[];
  series: Series[];
  kind: 'bars' | 'stacked' | 'line';
  format: (value: number) => string;
  /** The cycle tab a click on a month opens. */
  tab: CycleTab;
  yMax?: number;
  allowDecimals?: boolean;
  controls?: ReactNode;
  /** The current month in the client's zone: a partial month is "in progress", a later one "ahead". */
  current: string;
}

/**
 * A figure month by month. Months before co-creation are shaded and labelled (and single
 * bars drawn in grey), so the change shows without relying on colour alone; the chart is one
 * image for screen readers, its numbers spoken in the label and listed in the table below.
 */
export function MonthChart({
  id,
  title,
  how,
  rows,
  series,
  kind,
  format,
  tab,
  yMax,
  allowDecimals,
  controls,
  current,
}: Props) {
  const { t } = useTranslation();
  const theme = useMantineTheme();
  const navigate = useNavigate();
  const runs = beforeRuns(rows);
  const grey = theme.colors.gray[5];
  const partialWord = (r: ChartRow) =>
    t(r.month === current ? 'insights.partial.current' : 'insights.partial.ahead');
  // A line runs solid through finished months and dashed into a partial one: two series, the
  // second holding the partial months and the finished month just before them.
  const data = rows.map((r, i) => {
    const row: Record<string, unknown> = { label: r.label, ...r.values };
    if (kind === 'line')
      for (const s of series) {
        row[s.key] = r.partial ? null : r.values[s.key];
        row[`${s.key}${PARTIAL}`] = r.partial || rows[i + 1]?.partial ? r.values[s.key] : null;
      }
    return row;
  });
  const anyPartial = rows.some((r) => r.partial);
  const empty = rows.every((r) => series.every((s) => r.values[s.key] == null));

  const summary = `${title}. ${rows
    .map(
      (r) =>
        `${r.label}${r.before ? ` (${t('insights.before.short')})` : ''}${r.partial ? ` (${partialWord(r)})` : ''}: ${series
          .map((s) => `${s.label} ${r.values[s.key] == null ? '—' : format(r.values[s.key] as number)}`)
          .join(', ')}`,
    )
    .join('; ')}`;

  const open = (index: unknown) => {
    const row = rows[Number(index)];
    if (row?.cycleId)
      void navigate({ to: '/cycles/$cycleId', params: { cycleId: row.cycleId }, search: { tab } });
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={`${id}-title`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <Title order={3} fz="h5" id={`${id}-title`}>
            {title}
          </Title>
          <FigureHint name={title} how={`${how} ${t('insights.chart.clickHint')}`} />
        </Group>
        {controls}
        {empty ? (
          <Text size="sm" c="dimmed" py="xl" ta="center">
            {t('insights.chart.noData')}
          </Text>
        ) : (
          <Box role="img" aria-label={summary} h={240}>
            <ResponsiveContainer width="100%" height="100%">
              <ComposedChart
                data={data}
                margin={{ top: 16, right: 8, bottom: 0, left: 0 }}
                accessibilityLayer={false}
                onClick={(state) => open(state.activeIndex)}
                style={{ cursor: 'pointer' }}
              >
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                {runs.map((run) => (
                  <ReferenceArea
                    key={run.from}
                    x1={run.from}
                    x2={run.to}
                    fill={grey}
                    fillOpacity={0.15}
                    ifOverflow="extendDomain"
                    label={{
                      value: t('insights.before.short'),
                      position: 'insideTop',
                      fontSize: 11,
                      fill: theme.colors.gray[7],
                    }}
                  />
                ))}
                <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" minTickGap={8} />
                <YAxis
                  tick={{ fontSize: 12 }}
                  tickFormatter={(v: number) => format(v)}
                  domain={[0, yMax ?? 'auto']}
                  ticks={allowDecimals ? wholeTicks(rows, series, yMax) : undefined}
                  allowDecimals={allowDecimals ?? false}
                  width={44}
                />
                <Tooltip
                  content={(props) => (
                    <MonthTooltip
                      active={props.active}
                      label={props.label}
                      rows={rows}
                      series={series}
                      format={format}
                      partialWord={partialWord}
                    />
                  )}
                />
                {/* In the order of the series (the stack's order), not alphabetical. */}
                <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} formatter={legendText} />
                {series.map((s) =>
                  kind === 'line' ? (
                    <Line
                      key={s.key}
                      dataKey={s.key}
                      name={s.label}
                      stroke={s.color}
                      strokeWidth={2}
                      dot={{ r: 3 }}
                      connectNulls={false}
                      isAnimationActive={false}
                    />
                  ) : (
                    <Bar
                      key={s.key}
                      dataKey={s.key}
                      name={s.label}
                      fill={s.color}
                      stackId={kind === 'stacked' ? 'all' : undefined}
                      maxBarSize={40}
                      isAnimationActive={false}
                    >
                      {rows.map((r) => (
                        <Cell
                          key={r.month}
                          fill={kind === 'bars' && series.length === 1 && r.before ? grey : s.color}
                          // A partial month: pale with a dashed outline, not a finished bar.
                          fillOpacity={r.partial ? 0.35 : 1}
                          stroke={r.partial ? s.color : undefined}
                          strokeDasharray={r.partial ? '3 2' : undefined}
                        />
                      ))}
                    </Bar>
                  ),
                )}
                {kind === 'line' &&
                  anyPartial &&
                  series.map((s) => (
                    <Line
                      key={`${s.key}${PARTIAL}`}
                      dataKey={`${s.key}${PARTIAL}`}
                      name={`${s.label} (${t('insights.partial.current')})`}
                      legendType="none"
                      stroke={s.color}
                      strokeWidth={2}
                      strokeDasharray="4 3"
                      dot={(props: { cx?: number; cy?: number; index?: number; value?: unknown }) =>
                        // Only the partial month's own point, hollow; none where it has no value.
                        rows[props.index ?? -1]?.partial && props.value != null && props.cy != null ? (
                          <circle
                            key={props.index}
                            cx={props.cx}
                            cy={props.cy}
                            r={4}
                            fill="var(--mantine-color-body)"
                            stroke={s.color}
                            strokeWidth={2}
                          />
                        ) : (
                          <g key={props.index} />
                        )
                      }
                      activeDot={false}
                      connectNulls={false}
                      isAnimationActive={false}
                    />
                  ))}
              </ComposedChart>
            </ResponsiveContainer>
          </Box>
        )}
        {anyPartial && !empty && (
          <Group gap={6} wrap="nowrap">
            <ColorSwatch color={grey} size={12} style={{ opacity: 0.35, flexShrink: 0 }} aria-hidden />
            <Text size="xs" c="dimmed">
              {t('insights.chart.partialNote')}
            </Text>
          </Group>
        )}
        {runs.length > 0 && !empty && (
          <Group gap={6} wrap="nowrap">
            <ColorSwatch color={grey} size={12} style={{ opacity: 0.5, flexShrink: 0 }} aria-hidden />
            <Text size="xs" c="dimmed">
              {t('insights.chart.beforeNote')}
            </Text>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** Legend words in the text colour: a pale series colour would be hard to read as text. */
export const legendText = (value: string) => (
  <span style={{ color: 'var(--mantine-color-text)' }}>{value}</span>
);

/** Whole-number ticks for small decimal figures (rounds per post: 0, 1, 2, 3 rather than 0.65 steps). */
function wholeTicks(rows: ChartRow[], series: Series[], yMax?: number): number[] | undefined {
  if (yMax !== undefined) return undefined;
  const values = rows.flatMap((r) => series.map((s) => r.values[s.key] ?? 0));
  const top = Math.ceil(Math.max(0, ...values));
  return top >= 1 && top <= 6 ? Array.from({ length: top + 1 }, (_, i) => i) : undefined;
}
