import { ActionIcon, Anchor, Popover, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CycleTab } from '../planning/tabs.ts';

interface Props {
  /** The figure's name, for the button's spoken label. */
  name: string;
  /** How the figure is computed. */
  how: string;
  /** The cycle whose records are behind the figure, with the tab that lists them. */
  behind?: { cycleId: string; tab: CycleTab | null; label: string } | null;
}

/** An info button that says how a figure is computed and, for a Plit month, opens what is behind it. */
export function FigureHint({ name, how, behind }: Props) {
  const { t } = useTranslation();
  return (
    <Popover width={300} position="top" withArrow shadow="md">
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          aria-label={t('insights.hint.about', { name })}
          style={{ flexShrink: 0 }}
        >
          <IconInfoCircle size={16} aria-hidden />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            {name}
          </Text>
          <Text size="sm">{how}</Text>
          {behind && <CycleLink {...behind} />}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/** A link to a month's cycle, on the tab that lists the records behind a figure. */
export function CycleLink({ cycleId, tab, label }: { cycleId: string; tab: CycleTab | null; label: string }) {
  return (
    <Anchor
      size="sm"
      renderRoot={(props) => (
        <Link to="/cycles/$cycleId" params={{ cycleId }} search={tab ? { tab } : {}} {...props} />
      )}
    >
      {label}
    </Anchor>
  );
}
