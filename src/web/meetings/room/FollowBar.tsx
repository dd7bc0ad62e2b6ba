import { Button, Group, Paper, Text } from '@mantine/core';
import { IconEye, IconPointer, IconUserCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { TimerChip } from './agenda/TimerChip.tsx';
import { agendaName } from './labels.ts';
import { useRoom, useRoomView } from './RoomContext.tsx';

/** Whom this person follows, or that they are looking around, with the way back. */
export function FollowBar() {
  const { t } = useTranslation();
  const { meeting } = useRoom();
  const view = useRoomView();
  const facilitator = meeting.facilitatorName ?? t('meeting.facilitator.nobody');
  const focusItem = meeting.agenda.find((a) => a.id === meeting.focus?.itemId);
  const where = focusItem ? agendaName(focusItem, t) : '';

  if (view.leading) {
    return (
      <Paper withBorder radius="md" px="sm" py={6} role="status">
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Group gap={6} wrap="nowrap">
            <IconPointer size={16} aria-hidden />
            <Text size="sm">{t('meeting.follow.leading')}</Text>
          </Group>
          <TimerChip />
        </Group>
      </Paper>
    );
  }
  if (view.following) {
    return (
      <Paper withBorder radius="md" px="sm" py={6} role="status">
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Group gap={6} wrap="nowrap" miw={0}>
            <IconUserCheck size={16} aria-hidden />
            <Text size="sm" truncate="end">
              {t('meeting.follow.following', { name: facilitator })}
            </Text>
          </Group>
          <TimerChip />
        </Group>
      </Paper>
    );
  }
  return (
    <Paper withBorder radius="md" px="sm" py={6} bg="orange.0" role="status">
      <Group gap="xs" justify="space-between" wrap="wrap">
        <Group gap={6} wrap="nowrap" miw={0}>
          <IconEye size={16} aria-hidden />
          <Text size="sm">
            {where
              ? t('meeting.follow.lookingAroundAt', { name: facilitator, item: where })
              : t('meeting.follow.lookingAround')}
          </Text>
        </Group>
        <Group gap="xs">
          <TimerChip />
          <Button size="compact-sm" color="orange" onClick={view.backToFacilitator}>
            {t('meeting.follow.back')}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
