import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeKinds, type UnplannedChange } from '../../../shared/api/index.ts';

/** The month in numbers: how much came outside the plan, and how much of it was foreseen. */
export function ChangeCounts({ changes }: { changes: UnplannedChange[] }) {
  const { t } = useTranslation();
  const covered = changes.filter((c) => c.covered).length;
  const stats = [
    { key: 'total', value: changes.length, label: t('changes.counts.total', { count: changes.length }) },
    { key: 'covered', value: covered, label: t('changes.counts.covered', { count: covered }) },
    ...changeKinds.map((kind) => {
      const count = changes.filter((c) => c.kind === kind).length;
      return { key: kind, value: count, label: t(`changes.counts.${kind}`, { count }) };
    }),
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="sm">
      {stats.map((s) => (
        // The number, then its words: read in order, "3 situational posts". A figure, not a
        // paragraph: a big bold <p> reads as a would-be heading.
        <Paper key={s.key} withBorder radius="md" p="sm">
          <Text component="div" fz={26} fw={700} lh={1.1}>
            {s.value}
          </Text>
          <Text size="sm" c="dimmed">
            {s.label}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
