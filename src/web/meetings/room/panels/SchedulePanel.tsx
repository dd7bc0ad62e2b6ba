import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCalendarOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, Slot } from '../../../../shared/api/index.ts';
import { EmptyBlock } from '../../../components/EmptyBlock.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatDayShort, isoWeekday } from '../../../lib/dates.ts';
import { formatLabel } from '../../../pages/clients/channelLabels.ts';
import { statusColor, statusLabel } from '../../../pages/cycle/labels.ts';
import { byDateTime, channelName } from '../../../pages/cycle/PlanContext.tsx';
import { useRoom, useRoomView } from '../RoomContext.tsx';
import { PanelSection } from './PanelSection.tsx';

/** The Monday of a local date's week, as a local date. */
function weekOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - (isoWeekday(date) - 1));
  return day.toISOString().slice(0, 10);
}

/** The month's posting schedule at a glance, week by week, in the client's local time. */
export function SchedulePanel({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { plan, channelById, topicById, meeting, client } = useRoom();
  const view = useRoomView();
  const topicsItem = meeting.agenda.find((a) => a.kind === 'topics');
  const slots = [...plan.slots].sort(byDateTime);
  const free = slots.filter((s) => !s.topicId).length;
  const weeks = new Map<string, Slot[]>();
  for (const slot of slots) {
    const key = weekOf(slot.date);
    weeks.set(key, [...(weeks.get(key) ?? []), slot]);
  }

  return (
    <PanelSection
      item={item}
      hint={t('meeting.schedule.hint', { zone: client.timezone })}
      actions={
        slots.length > 0 && (
          <Group gap={6}>
            <Badge variant="light" tt="none">
              {t('meeting.schedule.slots', { count: slots.length })}
            </Badge>
            <Badge variant="light" color={free ? 'orange' : 'teal'} tt="none">
              {t('meeting.schedule.free', { count: free })}
            </Badge>
          </Group>
        )
      }
    >
      {slots.length === 0 ? (
        <EmptyBlock
          order={3}
          icon={<IconCalendarOff />}
          title={t('meeting.schedule.emptyTitle')}
          description={t('meeting.schedule.emptyHint')}
        />
      ) : (
        [...weeks].map(([monday, weekSlots]) => (
          <Paper key={monday} withBorder radius="md" p="sm">
            <Title order={3} size="h6" mb={6}>
              {t('meeting.schedule.weekOf', { day: formatDayShort(monday, language) })}
            </Title>
            <Stack gap={8}>
              {weekSlots.map((slot) => {
                const topic = slot.topicId ? topicById.get(slot.topicId) : undefined;
                return (
                  <Group key={slot.id} gap="sm" wrap="nowrap" align="flex-start">
                    <Text size="sm" fw={600} w={{ base: 92, xs: 140 }} style={{ flexShrink: 0 }}>
                      {formatDayShort(slot.date, language)}, {slot.time}
                    </Text>
                    <div style={{ minWidth: 0, flex: 1 }}>
                      {topic ? (
                        <Group gap={6} wrap="wrap" style={{ rowGap: 0 }}>
                          {topicsItem ? (
                            <Anchor
                              component="button"
                              type="button"
                              size="sm"
                              c="var(--mantine-color-text)"
                              underline="always"
                              ta="start"
                              onClick={() => view.goTo(topicsItem.id, topic.id)}
                              style={{ overflowWrap: 'anywhere' }}
                            >
                              {topic.title}
                            </Anchor>
                          ) : (
                            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                              {topic.title}
                            </Text>
                          )}
                          <Badge size="xs" variant="light" color={statusColor[topic.status]} tt="none">
                            {statusLabel(topic.status, t)}
                          </Badge>
                        </Group>
                      ) : (
                        <Text size="sm" c="orange.9" fs="italic">
                          {t('schedule.free')}
                        </Text>
                      )}
                      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                        {channelName(channelById.get(slot.channelId), t)} · {formatLabel(slot.format, t)}
                      </Text>
                    </div>
                  </Group>
                );
              })}
            </Stack>
          </Paper>
        ))
      )}
    </PanelSection>
  );
}
