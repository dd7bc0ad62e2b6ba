import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowsMove, IconCalendarOff, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, Slot } from '../../../../shared/api/index.ts';
import { EmptyBlock } from '../../../components/EmptyBlock.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatLabel } from '../../../lib/channelLabels.ts';
import { formatDayShort, isoWeekday } from '../../../lib/dates.ts';
import { statusColor, statusLabel } from '../../../planning/labels.ts';
import { byDateTime, channelName } from '../../../planning/PlanContext.tsx';
import type { ScheduleDialog } from '../../../planning/schedule/ScheduleUi.tsx';
import { useRoom, useRoomView } from '../RoomContext.tsx';
import { PanelSection } from './PanelSection.tsx';
import { RoomScheduleDialogs } from './RoomScheduleDialogs.tsx';
import classes from './SchedulePanel.module.css';
import { slotText } from './topic/slotText.ts';

/** The Monday of a local date's week, as a local date. */
function weekOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - (isoWeekday(date) - 1));
  return day.toISOString().slice(0, 10);
}

/**
 * The month's posting schedule at a glance, week by week, in the client's local time. Whoever
 * runs the meeting adds and moves slots here as the room agrees, with the cycle page's forms.
 */
export function SchedulePanel({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { plan, channelById, topicById, meeting, client, can } = useRoom();
  const view = useRoomView();
  const [dialog, setDialog] = useState<ScheduleDialog | null>(null);
  const manage = can.run && plan.cycle.abilities.editPlan;
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
        (slots.length > 0 || manage) && (
          <>
            {slots.length > 0 && (
              <Group gap={6}>
                <Badge variant="light" tt="none">
                  {t('meeting.schedule.slots', { count: slots.length })}
                </Badge>
                <Badge variant="light" color={free ? 'orange' : 'teal'} tt="none">
                  {t('meeting.schedule.free', { count: free })}
                </Badge>
              </Group>
            )}
            {manage && (
              <Button
                size="compact-sm"
                leftSection={<IconPlus size={14} aria-hidden />}
                onClick={() => setDialog({ kind: 'create', date: `${plan.cycle.month}-01` })}
              >
                {t('schedule.add')}
              </Button>
            )}
          </>
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
        <Stack gap="md" className={classes.weeks}>
          {[...weeks].map(([monday, weekSlots]) => (
            <Paper key={monday} withBorder radius="md" p="sm">
              <Title order={3} size="h6" mb={6}>
                {t('meeting.schedule.weekOf', { day: formatDayShort(monday, language) })}
              </Title>
              <Stack gap={8}>
                {weekSlots.map((slot) => {
                  const topic = slot.topicId ? topicById.get(slot.topicId) : undefined;
                  return (
                    <div key={slot.id} className={classes.slot} data-movable={manage || undefined}>
                      <Text size="sm" fw={600} className={classes.when}>
                        {formatDayShort(slot.date, language)}, {slot.time}
                      </Text>
                      <div className={classes.what}>
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
                          <Text size="sm" c="var(--mantine-color-orange-light-color)" fs="italic">
                            {t('schedule.free')}
                          </Text>
                        )}
                        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                          {channelName(channelById.get(slot.channelId), t)} · {formatLabel(slot.format, t)}
                        </Text>
                      </div>
                      {manage && (
                        <Button
                          className={classes.move}
                          variant="default"
                          size="compact-xs"
                          leftSection={<IconArrowsMove size={12} aria-hidden />}
                          onClick={() => setDialog({ kind: 'move', slotId: slot.id })}
                          aria-label={t('meeting.schedule.moveSlot', {
                            slot: slotText(slot, channelById, t, language),
                          })}
                        >
                          {t('meeting.schedule.move')}
                        </Button>
                      )}
                    </div>
                  );
                })}
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
      {manage && <RoomScheduleDialogs dialog={dialog} onClose={() => setDialog(null)} />}
    </PanelSection>
  );
}
