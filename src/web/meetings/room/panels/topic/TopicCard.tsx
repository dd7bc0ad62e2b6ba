import { Badge, Button, ColorSwatch, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Topic } from '../../../../../shared/api/index.ts';
import { currentLanguage } from '../../../../i18n/index.ts';
import { sourceLabel, statusColor, statusLabel } from '../../../../planning/labels.ts';
import { useRoom } from '../../RoomContext.tsx';
import { DecisionButtons } from './DecisionButtons.tsx';
import { DecisionHistory } from './DecisionHistory.tsx';
import { ReactionButtons } from './ReactionButtons.tsx';
import { slotText } from './slotText.ts';
import { TopicQuestions } from './TopicQuestions.tsx';
import { VoteControl } from './VoteControl.tsx';

interface Props {
  topic: Topic;
  position: number;
  total: number;
  onPrev?: () => void;
  onNext?: () => void;
}

/** The topic under discussion: what it is, where it sits, how the room feels, what was decided. */
export function TopicCard({ topic, position, total, onPrev, onNext }: Props) {
  const { t } = useTranslation();
  const { plan, rubricById, channelById } = useRoom();
  const rubric = topic.rubricId ? rubricById.get(topic.rubricId) : undefined;
  const slot = topic.slotId ? plan.slots.find((s) => s.id === topic.slotId) : undefined;
  const source = sourceLabel(topic.source, t);
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      style={{ borderTop: `4px solid ${rubric?.color ?? 'var(--mantine-color-gray-3)'}` }}
    >
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Text size="sm" c="dimmed">
            {t('meeting.topics.position', { position, total })}
          </Text>
          <Group gap={4}>
            <Button
              size="compact-sm"
              variant="default"
              onClick={onPrev}
              disabled={!onPrev}
              aria-label={t('meeting.topics.prevLabel')}
              leftSection={<IconChevronLeft size={14} aria-hidden />}
            >
              {t('meeting.topics.prev')}
            </Button>
            <Button
              size="compact-sm"
              variant="default"
              onClick={onNext}
              disabled={!onNext}
              aria-label={t('meeting.topics.nextLabel')}
              rightSection={<IconChevronRight size={14} aria-hidden />}
            >
              {t('meeting.topics.next')}
            </Button>
          </Group>
        </Group>
        <Group justify="space-between" align="flex-start" gap="sm">
          <Title order={3} size="h3" style={{ overflowWrap: 'anywhere' }} aria-live="polite">
            {topic.title}
          </Title>
          <Badge
            color={statusColor[topic.status]}
            variant="light"
            tt="none"
            size="lg"
            style={{ flexShrink: 0 }}
          >
            {statusLabel(topic.status, t)}
          </Badge>
        </Group>
        <Group gap="xs" wrap="wrap">
          {rubric && (
            <Badge
              variant="outline"
              color="gray"
              tt="none"
              leftSection={<ColorSwatch color={rubric.color} size={10} withShadow={false} />}
            >
              {rubric.name}
            </Badge>
          )}
          <Text size="sm" c="dimmed">
            {topic.authorName ? t('topics.sourceBy', { source, author: topic.authorName }) : source}
          </Text>
        </Group>
        <Text size="sm">
          {slot
            ? t('topics.inSlot', { slot: slotText(slot, channelById, t, currentLanguage()) })
            : t('topics.noSlot')}
        </Text>
        {topic.angle ? (
          <Text className="pre-wrap">{topic.angle}</Text>
        ) : (
          <Text size="sm" c="dimmed" fs="italic">
            {t('meeting.topics.noAngle')}
          </Text>
        )}
        <Divider />
        <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
          <VoteControl topic={topic} />
          <ReactionButtons topic={topic} />
        </Group>
        <Divider />
        <DecisionButtons topic={topic} />
        <DecisionHistory topicId={topic.id} />
        <TopicQuestions topic={topic} />
      </Stack>
    </Paper>
  );
}
