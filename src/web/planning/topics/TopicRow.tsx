import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ActionIcon, Anchor, Badge, ColorSwatch, Group, Menu, Paper, Stack, Text } from '@mantine/core';
import {
  IconArchive,
  IconCalendarMinus,
  IconCalendarPlus,
  IconDots,
  IconGripVertical,
  IconPencil,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Topic } from '../../../shared/api/index.ts';
import { ReadyBadge, useReadyTopics } from '../../facts/ReadyBadge.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { formatLabel } from '../../lib/channelLabels.ts';
import { notifySuccess } from '../../lib/errors.ts';
import { sourceLabel, statusColor, statusLabel } from '../labels.ts';
import { useDeleteTopic, useParkTopic, useUpdateTopic } from '../mutations.ts';
import { slotLabel, usePlanData } from '../PlanContext.tsx';
import { useSlotActions } from '../schedule/useSlotActions.ts';
import { reportQuickError } from '../staleNotice.tsx';
import { DeleteTopicModal } from './DeleteTopicModal.tsx';
import { PlacementNote } from './PlacementNote.tsx';
import type { TopicDialog } from './TopicsTab.tsx';

const quickStatuses = ['proposed', 'accepted', 'changed', 'dropped'] as const;
type QuickStatus = (typeof quickStatuses)[number];

/** One topic: rubric colour, title, status, source, tags, its slot, and its actions. */
export function TopicRow({ topic, onOpen }: { topic: Topic; onOpen: (dialog: TopicDialog) => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const data = usePlanData();
  const { can, cycle, client } = data;
  const sortable = useSortable({ id: topic.id, data: { label: topic.title }, disabled: !can.addTopics });
  const park = useParkTopic(cycle.id);
  const remove = useDeleteTopic(cycle.id);
  const update = useUpdateTopic(cycle.id);
  const { placeTopic } = useSlotActions();
  const [deleting, setDeleting] = useState(false);
  const ready = useReadyTopics().has(topic.id);
  const rubric = topic.rubricId ? data.rubricById.get(topic.rubricId) : undefined;
  const channel = topic.channelId ? data.channelById.get(topic.channelId) : undefined;
  const slot = topic.slotId ? data.plan.slots.find((s) => s.id === topic.slotId) : undefined;

  const setStatus = (status: QuickStatus) =>
    update.mutate(
      { id: topic.id, version: topic.version, status },
      { onError: (error) => reportQuickError(error, t, () => setStatus(status)) },
    );

  const parkIt = () =>
    park.mutate(
      { id: topic.id, version: topic.version, clientId: client.id },
      {
        onSuccess: () => notifySuccess(t('topics.parked', { title: topic.title })),
        onError: (error) => reportQuickError(error, t, parkIt),
      },
    );

  return (
    <Paper
      component="li"
      ref={sortable.setNodeRef}
      withBorder
      radius="md"
      p="sm"
      style={{
        transform: CSS.Transform.toString(sortable.transform),
        transition: sortable.transition,
        opacity: topic.status === 'dropped' ? 0.6 : 1,
        position: 'relative',
        zIndex: sortable.isDragging ? 2 : undefined,
        boxShadow: sortable.isDragging ? 'var(--mantine-shadow-md)' : undefined,
        borderLeft: `4px solid ${rubric?.color ?? 'var(--mantine-color-gray-3)'}`,
      }}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        {can.addTopics && (
          <ActionIcon
            variant="subtle"
            color="gray"
            {...sortable.attributes}
            {...sortable.listeners}
            aria-label={t('topics.reorder', { title: topic.title })}
            style={{ cursor: 'grab', touchAction: 'none', flexShrink: 0 }}
          >
            <IconGripVertical size={18} aria-hidden />
          </ActionIcon>
        )}
        <Stack gap={4} miw={0} style={{ flex: 1 }}>
          <Group gap="xs" wrap="wrap">
            <Anchor
              component="button"
              type="button"
              fw={600}
              c="var(--mantine-color-text)"
              ta="left"
              onClick={() => onOpen({ kind: 'edit', topicId: topic.id })}
              style={{ overflowWrap: 'anywhere' }}
            >
              {topic.title}
            </Anchor>
            <Badge color={statusColor[topic.status]} variant="light" tt="none">
              {statusLabel(topic.status, t)}
            </Badge>
            {ready && <ReadyBadge size="xs" />}
          </Group>
          {topic.angle && (
            <Text size="sm" c="dimmed" lineClamp={2}>
              {topic.angle}
            </Text>
          )}
          <Group gap={6} wrap="wrap">
            {rubric && (
              <Badge
                variant="light"
                color="gray"
                tt="none"
                leftSection={<ColorSwatch color={rubric.color} size={8} aria-hidden />}
              >
                {rubric.name}
              </Badge>
            )}
            {channel && (
              <Badge variant="outline" color="gray" tt="none">
                {topic.format ? `${channel.handle} · ${formatLabel(topic.format, t)}` : channel.handle}
              </Badge>
            )}
            {topic.tags.map((tag) => (
              <Badge key={tag} variant="outline" color="gray" tt="none">
                #{tag}
              </Badge>
            ))}
            <Text size="xs" c="dimmed">
              {topic.authorName
                ? t('topics.sourceBy', { source: sourceLabel(topic.source, t), author: topic.authorName })
                : sourceLabel(topic.source, t)}
            </Text>
          </Group>
          <Text size="xs" c={slot ? 'teal.9' : 'dimmed'}>
            {slot ? t('topics.inSlot', { slot: slotLabel(slot, data, t, language) }) : t('topics.noSlot')}
          </Text>
          <PlacementNote topic={topic} slot={slot} />
        </Stack>
        {(can.addTopics || can.editPlan) && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('topics.actionsFor', { title: topic.title })}
              >
                <IconDots size={18} aria-hidden />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              {can.addTopics && (
                <Menu.Item
                  leftSection={<IconPencil size={16} aria-hidden />}
                  onClick={() => onOpen({ kind: 'edit', topicId: topic.id })}
                >
                  {t('common.edit')}
                </Menu.Item>
              )}
              {can.editPlan && (
                <Menu.Item
                  leftSection={<IconCalendarPlus size={16} aria-hidden />}
                  onClick={() => onOpen({ kind: 'slot', topicId: topic.id })}
                >
                  {slot ? t('topics.moveSlot') : t('topics.putInSlot')}
                </Menu.Item>
              )}
              {can.editPlan && slot && (
                <Menu.Item
                  leftSection={<IconCalendarMinus size={16} aria-hidden />}
                  onClick={() => placeTopic(slot, null)}
                >
                  {t('topics.takeOut')}
                </Menu.Item>
              )}
              {can.addTopics && (
                <>
                  <Menu.Divider />
                  <Menu.Label>{t('topics.fields.status')}</Menu.Label>
                  {quickStatuses
                    .filter((status) => status !== topic.status)
                    .map((status) => (
                      <Menu.Item
                        key={status}
                        leftSection={
                          <ColorSwatch
                            color={`var(--mantine-color-${statusColor[status]}-6)`}
                            size={10}
                            aria-hidden
                          />
                        }
                        onClick={() => setStatus(status)}
                      >
                        {t(`topics.setStatus.${status}`)}
                      </Menu.Item>
                    ))}
                  <Menu.Item leftSection={<IconArchive size={16} aria-hidden />} onClick={parkIt}>
                    {t('topics.park')}
                  </Menu.Item>
                  <Menu.Divider />
                  <Menu.Item
                    color="red"
                    leftSection={<IconTrash size={16} aria-hidden />}
                    onClick={() => setDeleting(true)}
                  >
                    {t('common.delete')}
                  </Menu.Item>
                </>
              )}
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
      <DeleteTopicModal
        topic={topic}
        opened={deleting}
        onClose={() => setDeleting(false)}
        onConfirm={() => remove.mutateAsync(topic.id)}
        loading={remove.isPending}
      />
    </Paper>
  );
}
