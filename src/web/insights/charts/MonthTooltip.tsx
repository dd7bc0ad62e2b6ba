import { Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChartRow } from './chartRows.ts';
import type { Series } from './MonthChart.tsx';

interface Props {
  active?: boolean;
  label?: unknown;
  rows: ChartRow[];
  series: Series[];
  format: (value: number) => string;
  partialWord: (row: ChartRow) => string;
}

/** The month under the pointer: its values, and whether it was before co-creation. */
export function MonthTooltip({ active, label, rows, series, format, partialWord }: Props) {
  const { t } = useTranslation();
  const row = rows.find((r) => r.label === label);
  if (!active || !row) return null;
  return (
    <Paper withBorder shadow="sm" p="xs" radius="sm">
      <Stack gap={2}>
        <Text size="sm" fw={600}>
          {row.label}
          {row.before && ` · ${t('insights.before.short')}`}
          {row.partial && ` · ${partialWord(row)}`}
        </Text>
        {series.map((s) => (
          <Text size="xs" key={s.key}>
            <span style={{ color: s.color }} aria-hidden>
              ●{' '}
            </span>
            {s.label}: {row.values[s.key] == null ? '—' : format(row.values[s.key] as number)}
          </Text>
        ))}
        {row.cycleId && (
          <Text size="xs" c="dimmed">
            {t('insights.chart.clickToOpen')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
