import { useDraggable } from '@dnd-kit/core';
import { ColorSwatch, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconGripVertical } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Topic } from '../../../shared/api/index.ts';
import { usePlanData } from '../PlanContext.tsx';

export interface TopicDragData {
  kind: 'topic';
  topic: Topic;
  label: string;
}

/**
 * Topics still without a slot, to drag onto the calendar. The keyboard way is a slot's
 * "Put a topic…" or a topic's "Put in slot…".
 */
export function UnplacedTopics() {
  const { t } = useTranslation();
  const { plan } = usePlanData();
  const waiting = plan.topics.filter((x) => !x.slotId && x.status !== 'dropped');
  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-labelledby="unplaced-heading">
      <Title order={2} fz="sm" id="unplaced-heading" mb={4}>
        {t('schedule.unplaced', { count: waiting.length })}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('schedule.unplacedHint')}
      </Text>
      {waiting.length === 0 ? (
        <Text size="sm" c="dimmed" fs="italic">
          {t('schedule.unplacedNone')}
        </Text>
      ) : (
        <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {waiting.map((topic) => (
            <DraggableTopic key={topic.id} topic={topic} />
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function DraggableTopic({ topic }: { topic: Topic }) {
  const { rubricById } = usePlanData();
  const rubric = topic.rubricId ? rubricById.get(topic.rubricId) : undefined;
  const drag = useDraggable({
    id: `topic:${topic.id}`,
    data: { kind: 'topic', topic, label: topic.title } satisfies TopicDragData,
  });
  return (
    <li
      ref={drag.setNodeRef}
      {...drag.listeners}
      style={{ opacity: drag.isDragging ? 0.4 : 1, touchAction: 'none' }}
    >
      <Paper withBorder p={6} radius="sm" style={{ cursor: 'grab' }}>
        <Group gap={6} wrap="nowrap">
          <IconGripVertical
            size={14}
            aria-hidden
            style={{ flexShrink: 0, color: 'var(--mantine-color-gray-6)' }}
          />
          {rubric && <ColorSwatch color={rubric.color} size={10} style={{ flexShrink: 0 }} aria-hidden />}
          <Text size="xs" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
            {topic.title}
          </Text>
        </Group>
      </Paper>
    </li>
  );
}
