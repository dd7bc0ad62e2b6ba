import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconEqual } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CycleTab } from '../planning/tabs.ts';
import { FigureHint } from './FigureHint.tsx';

export interface KpiCardProps {
  label: string;
  how: string;
  value: string;
  detail?: ReactNode;
  /** The "before" average, formatted; undefined when there is nothing to compare with. */
  before?: string;
  /** Whether the month is better than before; null when equal or not comparable. */
  verdict?: 'better' | 'worse' | 'same' | null;
  /** A word rather than a number: set smaller so it fits the card. */
  textValue?: boolean;
  behind?: { cycleId: string; tab: CycleTab | null; label: string } | null;
}

const verdictLook = {
  better: { color: 'teal', icon: IconCircleCheck },
  worse: { color: 'orange', icon: IconAlertCircle },
  same: { color: 'gray', icon: IconEqual },
} as const;

/** One figure of the headline month next to its average before co-creation. */
export function KpiCard({ label, how, value, detail, before, verdict, behind, textValue }: KpiCardProps) {
  const { t } = useTranslation();
  const look = verdict ? verdictLook[verdict] : null;
  return (
    // A named region: a screen reader (and a test) finds each figure by its name.
    <Paper withBorder radius="md" p="md" h="100%" component="section" aria-label={label}>
      <Stack gap={6} h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap={4}>
          <Text size="sm" c="dimmed" fw={500} style={{ overflowWrap: 'anywhere' }}>
            {label}
          </Text>
          <FigureHint name={label} how={how} behind={behind} />
        </Group>
        {/* The figure is a value, not a paragraph (a big bold <p> reads as a would-be heading). */}
        <Text component="div" fz={textValue ? 20 : 26} fw={700} lh={1.1}>
          {value}
        </Text>
        {detail && (
          <Text size="xs" c="dimmed">
            {detail}
          </Text>
        )}
        {before !== undefined && (
          <Group gap={6} mt="auto" wrap="wrap">
            <Text size="xs">{t('insights.kpi.before', { value: before })}</Text>
            {look && verdict && (
              <Badge
                size="sm"
                variant="light"
                color={look.color}
                tt="none"
                leftSection={<look.icon size={12} aria-hidden />}
              >
                {t(`insights.kpi.verdict.${verdict}`)}
              </Badge>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
