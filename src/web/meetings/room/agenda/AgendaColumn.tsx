import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoom } from '../RoomContext.tsx';
import { AgendaItemForm } from './AgendaItemForm.tsx';
import { AgendaItemRow } from './AgendaItemRow.tsx';
import { TimerBlock } from './TimerBlock.tsx';

/** The agenda: time boxes in order, the facilitator's item marked; editable for whoever runs it. */
export function AgendaColumn({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { meeting, can } = useRoom();
  const titleId = useId();
  const [adding, setAdding] = useState(false);
  const total = meeting.agenda.reduce((sum, a) => sum + a.minutes, 0);
  return (
    <Stack gap="sm" component="section" aria-labelledby={titleId}>
      <Group justify="space-between" align="baseline" gap="xs">
        <Title order={2} size="h4" id={titleId}>
          {t('meeting.agenda.title')}
        </Title>
        <Text size="sm" c={total > meeting.durationMinutes ? 'orange.8' : 'dimmed'}>
          {t('meeting.agenda.total', { minutes: total, of: meeting.durationMinutes })}
        </Text>
      </Group>
      {meeting.status === 'live' && <TimerBlock />}
      <Stack gap={4} component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
        {meeting.agenda.map((item, index) => (
          <li key={item.id}>
            <AgendaItemRow item={item} index={index} onNavigate={onNavigate} />
          </li>
        ))}
      </Stack>
      {meeting.agenda.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('meeting.agenda.emptyTitle')}
        </Text>
      )}
      {can.run && (
        <Button
          variant="light"
          size="sm"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => setAdding(true)}
        >
          {t('meeting.agenda.add')}
        </Button>
      )}
      <AgendaItemForm opened={adding} onClose={() => setAdding(false)} />
    </Stack>
  );
}
