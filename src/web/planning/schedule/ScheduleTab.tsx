import {
  type CollisionDetection,
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { Button, Grid, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useLocalStorage, useMediaQuery } from '@mantine/hooks';
import { IconListCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlanData } from '../PlanContext.tsx';
import { useDndAnnouncements } from '../useDndAnnouncements.ts';
import { MonthGrid } from './MonthGrid.tsx';
import { ScheduleCounts } from './ScheduleCounts.tsx';
import { ScheduleDialogs } from './ScheduleDialogs.tsx';
import { ScheduleList } from './ScheduleList.tsx';
import { type ScheduleDialog, ScheduleUiProvider } from './ScheduleUi.tsx';
import { SlotSelection } from './SlotSelection.tsx';
import { UnplacedTopics } from './UnplacedTopics.tsx';
import { useSlotActions } from './useSlotActions.ts';

/** A slot goes to a day, a topic goes into a slot: each drag only sees its own targets. */
const collision: CollisionDetection = (args) => {
  const want = args.active.data.current?.kind === 'slot' ? 'day' : 'slot-target';
  const droppableContainers = args.droppableContainers.filter((c) => c.data.current?.kind === want);
  const hits = pointerWithin({ ...args, droppableContainers });
  return hits.length > 0 ? hits : rectIntersection({ ...args, droppableContainers });
};

/** The posting schedule: month calendar or list, counts, and topics waiting for a slot. */
export function ScheduleTab() {
  const { t } = useTranslation();
  const data = usePlanData();
  const [view, setView] = useLocalStorage<'calendar' | 'list'>({
    key: 'plit.scheduleView',
    defaultValue: 'calendar',
  });
  const [dialog, setDialog] = useState<ScheduleDialog | null>(null);
  const [selecting, setSelecting] = useState(false);
  const [dragLabel, setDragLabel] = useState<string | null>(null);
  const { moveSlot, placeTopic } = useSlotActions();
  const announcements = useDndAnnouncements();
  const narrow = useMediaQuery('(max-width: 48em)');
  // A click opens the slot's menu; only a real movement starts a drag.
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));

  const onDragStart = ({ active }: DragStartEvent) => setDragLabel(String(active.data.current?.label ?? ''));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragLabel(null);
    const from = active.data.current;
    const to = over?.data.current;
    if (!from || !to) return;
    if (from.kind === 'slot' && to.kind === 'day') moveSlot(from.slot, to.date);
    if (from.kind === 'topic' && to.kind === 'slot-target') placeTopic(to.slot, from.topic.id);
  };

  const showTopics = data.can.editPlan;
  return (
    <ScheduleUiProvider value={setDialog}>
      <DndContext
        sensors={sensors}
        collisionDetection={collision}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragLabel(null)}
        accessibility={{
          announcements,
          screenReaderInstructions: { draggable: t('dnd.instructionsSchedule') },
        }}
      >
        <Stack gap="md">
          <Group justify="space-between" gap="sm" wrap="wrap">
            <SegmentedControl
              aria-label={t('schedule.view')}
              value={view}
              onChange={(v) => setView(v as 'calendar' | 'list')}
              data={[
                { value: 'calendar', label: t('schedule.calendarView') },
                { value: 'list', label: t('schedule.listView') },
              ]}
            />
            {data.can.editPlan && view === 'calendar' && !selecting && (
              <Text size="sm" c="dimmed">
                {narrow ? t('schedule.hintNarrow') : t('schedule.hint')}
              </Text>
            )}
            {data.can.editPlan && !selecting && data.plan.slots.length > 0 && (
              <Button
                variant="default"
                size="xs"
                leftSection={<IconListCheck size={16} aria-hidden />}
                onClick={() => setSelecting(true)}
              >
                {t('schedule.select')}
              </Button>
            )}
          </Group>
          <ScheduleCounts />
          <Grid gap="md">
            <Grid.Col span={{ base: 12, xl: showTopics ? 9 : 12 }} order={{ base: 2, xl: 1 }}>
              {selecting ? (
                <SlotSelection onDone={() => setSelecting(false)} />
              ) : view === 'calendar' ? (
                <MonthGrid />
              ) : (
                <ScheduleList />
              )}
            </Grid.Col>
            {showTopics && (
              // Dragging onto the calendar needs a wide screen; narrow ones use "Put a topic…".
              <Grid.Col span={{ base: 12, xl: 3 }} order={{ base: 1, xl: 2 }} visibleFrom="md">
                <UnplacedTopics />
              </Grid.Col>
            )}
          </Grid>
        </Stack>
        <DragOverlay dropAnimation={null}>
          {dragLabel ? (
            <Paper shadow="md" p={6} radius="sm" withBorder maw={220} fz="xs" style={{ cursor: 'grabbing' }}>
              {dragLabel}
            </Paper>
          ) : null}
        </DragOverlay>
      </DndContext>
      <ScheduleDialogs dialog={dialog} onClose={() => setDialog(null)} />
    </ScheduleUiProvider>
  );
}
