import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export const rangeSizes = [6, 12, 24, 36] as const;
export type RangeSize = (typeof rangeSizes)[number];

/** How many months back the figures go (36 is the most the server answers). */
export function RangePicker({ value, onChange }: { value: RangeSize; onChange: (size: RangeSize) => void }) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('insights.range.label')}
      value={String(value)}
      onChange={(v) => onChange(Number(v) as RangeSize)}
      data={rangeSizes.map((size) => ({
        value: String(size),
        label: t('insights.range.months', { count: size }),
      }))}
    />
  );
}
