import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../../../../shared/api/index.ts';
import { PanelSection } from './PanelSection.tsx';

/** An item of the agency's own: the room talks, the notes keep what was said. */
export function OtherPanel({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  return (
    <PanelSection item={item}>
      <Paper withBorder radius="md" p="md">
        <Text size="sm" c="dimmed">
          {t('meeting.other.hint', { minutes: item.minutes })}
        </Text>
      </Paper>
    </PanelSection>
  );
}
