import { Group, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../../../../shared/api/index.ts';
import { agendaName } from '../labels.ts';

interface Props {
  item: AgendaItem;
  /** One line on what this part of the meeting is for. */
  hint?: string;
  /** Buttons beside the heading (add a plan, add an idea). */
  actions?: ReactNode;
  children: ReactNode;
}

/** A panel of the room: the agenda item's name as its heading, then its content. */
export function PanelSection({ item, hint, actions, children }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Stack gap="md" component="section" aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <div style={{ minWidth: 0, flex: '1 1 240px' }}>
          <Title order={2} size="h3" id={titleId} style={{ overflowWrap: 'anywhere' }}>
            {agendaName(item, t)}
          </Title>
          {hint && (
            <Text size="sm" c="dimmed" mt={2}>
              {hint}
            </Text>
          )}
        </div>
        {actions && (
          <Group gap="xs" wrap="wrap">
            {actions}
          </Group>
        )}
      </Group>
      {children}
    </Stack>
  );
}
