import { Badge, Group, Paper, SegmentedControl, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Topic } from '../../../../../shared/api/index.ts';
import { statusColor, statusLabel } from '../../../../planning/labels.ts';
import { useRoom } from '../../RoomContext.tsx';
import classes from '../../room.module.css';

export type TopicOrder = 'plan' | 'votes';

interface Props {
  topics: Topic[];
  currentId: string;
  order: TopicOrder;
  onOrder: (order: TopicOrder) => void;
  onPick: (topicId: string) => void;
}

/** Every topic with its status and dots, to jump to; the facilitator's one marked. */
export function RoomTopicList({ topics, currentId, order, onOrder, onPick }: Props) {
  const { t } = useTranslation();
  const { meeting } = useRoom();
  const titleId = useId();
  const dots = new Map(meeting.tallies.map((x) => [x.topicId, x.dots]));
  const focusId = meeting.status === 'live' ? meeting.focus?.topicId : null;
  return (
    <Paper withBorder radius="md" p="sm" component="nav" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Title order={3} size="h6" id={titleId}>
          {t('meeting.topics.all', { count: topics.length })}
        </Title>
        <SegmentedControl
          size="xs"
          fullWidth
          value={order}
          onChange={(v) => onOrder(v as TopicOrder)}
          aria-label={t('meeting.topics.orderLabel')}
          data={[
            { value: 'plan', label: t('meeting.topics.orderPlan') },
            { value: 'votes', label: t('meeting.topics.orderVotes') },
          ]}
        />
        <Stack gap={2} component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
          {topics.map((topic) => (
            <li key={topic.id}>
              <UnstyledButton
                className={classes.topicRow}
                data-viewed={topic.id === currentId || undefined}
                data-focus={topic.id === focusId || undefined}
                aria-current={topic.id === currentId ? 'true' : undefined}
                onClick={() => onPick(topic.id)}
              >
                <Text
                  size="sm"
                  lineClamp={2}
                  fw={topic.id === currentId ? 600 : 400}
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {topic.title}
                </Text>
                <Group gap={6} mt={2}>
                  <Badge size="xs" variant="light" color={statusColor[topic.status]} tt="none">
                    {statusLabel(topic.status, t)}
                  </Badge>
                  {(dots.get(topic.id) ?? 0) > 0 && (
                    <Text size="xs" c="dimmed">
                      {t('meeting.votes.dots', { count: dots.get(topic.id) ?? 0 })}
                    </Text>
                  )}
                </Group>
              </UnstyledButton>
            </li>
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}
