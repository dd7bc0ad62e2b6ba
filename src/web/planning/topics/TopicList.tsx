import {
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Plan, Topic } from '../../../shared/api/index.ts';
import { useUpdateTopic } from '../mutations.ts';
import { usePlanData } from '../PlanContext.tsx';
import { planKeys } from '../queries.ts';
import { reportQuickError } from '../staleNotice.tsx';
import { useDndAnnouncements } from '../useDndAnnouncements.ts';
import { positionBetween } from './position.ts';
import { TopicRow } from './TopicRow.tsx';
import type { TopicDialog } from './TopicsTab.tsx';

const byPosition = (a: Topic, b: Topic) => a.position - b.position || a.createdAt.localeCompare(b.createdAt);

/** Topics in the agreed order; drag a row's handle (or focus it, Space, arrows) to reorder. */
export function TopicList({ onOpen }: { onOpen: (dialog: TopicDialog) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { plan, cycle, can } = usePlanData();
  const update = useUpdateTopic(cycle.id);
  const announcements = useDndAnnouncements();
  const topics = [...plan.topics].sort(byPosition);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const reorder = (topicId: string, targetId: string) => {
    const list = [...(queryClient.getQueryData<Plan>(planKeys.plan(cycle.id))?.topics ?? [])].sort(
      byPosition,
    );
    const from = list.findIndex((x) => x.id === topicId);
    const to = list.findIndex((x) => x.id === targetId);
    if (from < 0 || to < 0 || from === to) return;
    const moved = arrayMove(list, from, to);
    const topic = moved[to]!;
    const position = positionBetween(moved[to - 1]?.position, moved[to + 1]?.position);
    update.mutate(
      { id: topic.id, version: topic.version, position },
      { onError: (error) => reportQuickError(error, t, () => reorder(topicId, targetId)) },
    );
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over && active.id !== over.id) reorder(String(active.id), String(over.id));
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('dnd.instructions') } }}
    >
      <SortableContext
        items={topics.map((x) => x.id)}
        strategy={verticalListSortingStrategy}
        disabled={!can.addTopics}
      >
        <Stack
          gap="xs"
          component="ol"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
          aria-label={t('topics.listLabel')}
        >
          {topics.map((topic) => (
            <TopicRow key={topic.id} topic={topic} onOpen={onOpen} />
          ))}
        </Stack>
      </SortableContext>
    </DndContext>
  );
}
