import { Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Slot, Topic } from '../../../shared/api/index.ts';
import { placementNote, usePlanData } from '../PlanContext.tsx';

/**
 * "Will go out as: Telegram @kyivcoffee · Post (planned as …)": shown where a topic sits in a
 * slot whose channel or format is not the one it was meant for. Nothing when they agree.
 */
export function PlacementNote({ topic, slot }: { topic: Topic; slot: Slot | undefined }) {
  const { t } = useTranslation();
  const note = placementNote(topic, slot, usePlanData(), t);
  if (!note) return null;
  return (
    <Group gap={4} wrap="nowrap" align="flex-start" data-testid="placement-note">
      <IconAlertTriangle
        size={14}
        aria-hidden
        color="var(--mantine-color-orange-9)"
        style={{ flexShrink: 0, marginTop: 2 }}
      />
      {/* The theme's readable orange: Mantine's orange 9 on white is 4.29:1, under AA. */}
      <Text size="xs" c="var(--mantine-color-orange-light-color)">
        {note}
      </Text>
    </Group>
  );
}
