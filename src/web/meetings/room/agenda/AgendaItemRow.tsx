import { ActionIcon, Badge, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconDots, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../../../../shared/api/index.ts';
import { useDeleteAgendaItem, useUpdateAgendaItem } from '../../mutations.ts';
import { agendaName, countdownText } from '../labels.ts';
import { useRoom, useRoomView } from '../RoomContext.tsx';
import classes from '../room.module.css';
import { useCountdown } from '../useCountdown.ts';
import { useReportError } from '../useReportError.ts';
import { AgendaItemForm } from './AgendaItemForm.tsx';
import { RemoveAgendaItem } from './RemoveAgendaItem.tsx';

interface Props {
  item: AgendaItem;
  index: number;
  onNavigate?: () => void;
}

/** One agenda item: a button to look at it (the facilitator's moves everyone), and its menu. */
export function AgendaItemRow({ item, index, onNavigate }: Props) {
  const { t } = useTranslation();
  const { meeting, can } = useRoom();
  const view = useRoomView();
  const update = useUpdateAgendaItem(meeting);
  const remove = useDeleteAgendaItem(meeting);
  const report = useReportError();
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const timer = meeting.timer?.itemId === item.id ? meeting.timer : null;
  const left = useCountdown(timer, meeting.clockOffsetMs);
  const name = agendaName(item, t);
  const items = meeting.agenda;
  const isFocus = meeting.status === 'live' && meeting.focus?.itemId === item.id;
  const viewed = view.itemId === item.id;

  const moveTo = (position: number) =>
    update.mutate({ id: item.id, version: item.version, position }, { onError: report });
  const moveUp = () => {
    const prev = items[index - 1];
    if (!prev) return;
    const before = items[index - 2];
    moveTo(before ? (before.position + prev.position) / 2 : prev.position - 1);
  };
  const moveDown = () => {
    const next = items[index + 1];
    if (!next) return;
    const after = items[index + 2];
    moveTo(after ? (next.position + after.position) / 2 : next.position + 1);
  };

  return (
    <Group gap={4} wrap="nowrap" align="stretch">
      <UnstyledButton
        className={classes.agendaItem}
        data-viewed={viewed || undefined}
        data-focus={isFocus || undefined}
        aria-current={viewed ? 'step' : undefined}
        onClick={() => {
          view.goTo(item.id);
          onNavigate?.();
        }}
      >
        <Text size="sm" fw={viewed ? 600 : 500} style={{ overflowWrap: 'anywhere' }}>
          {name}
        </Text>
        <Group gap={6} mt={2}>
          <Text size="xs" c="dimmed">
            {t('meeting.agenda.minutes', { count: item.minutes })}
          </Text>
          {isFocus && (
            <Badge size="xs" color="orange" variant="light" tt="none">
              {t('meeting.agenda.now')}
            </Badge>
          )}
          {left !== null && (
            <Text size="xs" className={classes.countdown} data-over={left < 0 || undefined}>
              {countdownText(left)}
            </Text>
          )}
        </Group>
      </UnstyledButton>
      {can.run && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={t('meeting.agenda.actionsFor', { name })}
              mt={6}
            >
              <IconDots size={16} aria-hidden />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setEditing(true)}>
              {t('meeting.agenda.edit')}
            </Menu.Item>
            <Menu.Item
              leftSection={<IconArrowUp size={14} aria-hidden />}
              disabled={index === 0}
              onClick={moveUp}
            >
              {t('meeting.agenda.moveUp')}
            </Menu.Item>
            <Menu.Item
              leftSection={<IconArrowDown size={14} aria-hidden />}
              disabled={index === items.length - 1}
              onClick={moveDown}
            >
              {t('meeting.agenda.moveDown')}
            </Menu.Item>
            <Menu.Item
              color="red"
              leftSection={<IconTrash size={14} aria-hidden />}
              onClick={() => setRemoving(true)}
            >
              {t('meeting.agenda.remove')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      )}
      <AgendaItemForm opened={editing} onClose={() => setEditing(false)} item={item} />
      <RemoveAgendaItem
        opened={removing}
        name={name}
        onClose={() => setRemoving(false)}
        onConfirm={() => remove.mutate(item.id, { onError: report, onSettled: () => setRemoving(false) })}
        loading={remove.isPending}
      />
    </Group>
  );
}
