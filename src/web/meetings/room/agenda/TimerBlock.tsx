import { Button, Group, Paper, Text } from '@mantine/core';
import { IconPlayerPause, IconPlayerPlay, IconRotate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type TimerAction, useTimer } from '../../mutations.ts';
import { agendaName, countdownText } from '../labels.ts';
import { useRoom } from '../RoomContext.tsx';
import classes from '../room.module.css';
import { useCountdown } from '../useCountdown.ts';
import { useReportError } from '../useReportError.ts';

/**
 * The facilitator's current item and its time box: a countdown by the server's clock that
 * turns red and negative once over time. Whoever runs the meeting starts, pauses and resets it.
 */
export function TimerBlock() {
  const { t } = useTranslation();
  const { meeting, can } = useRoom();
  const timerApi = useTimer(meeting);
  const report = useReportError();
  const item = meeting.agenda.find((a) => a.id === meeting.focus?.itemId) ?? meeting.agenda[0];
  const timer = meeting.timer?.itemId === item?.id ? meeting.timer : null;
  const left = useCountdown(timer, meeting.clockOffsetMs);
  if (!item) return null;

  const shown = left ?? item.minutes * 60_000;
  const over = shown < 0;
  const running = Boolean(timer?.endsAt);
  const act = (action: TimerAction) => timerApi.mutate({ action, itemId: item.id }, { onError: report });
  const state = !timer
    ? t('meeting.timer.notStarted')
    : over
      ? t('meeting.timer.over')
      : running
        ? t('meeting.timer.running')
        : t('meeting.timer.paused');

  return (
    <Paper withBorder radius="md" p="sm" bg={over ? 'red.0' : undefined}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {t('meeting.timer.now')}
      </Text>
      <Text fw={600} lineClamp={2}>
        {agendaName(item, t)}
      </Text>
      <Group justify="space-between" align="baseline" gap="xs" mt={4}>
        <Text
          component="div"
          fz={32}
          lh={1.1}
          className={classes.countdown}
          data-over={over || undefined}
          c={timer ? undefined : 'dimmed'}
          role="timer"
          aria-label={t('meeting.timer.label', { time: countdownText(shown), state })}
        >
          {countdownText(shown)}
        </Text>
        <Text size="xs" c={over ? 'red.8' : 'dimmed'} fw={over ? 600 : undefined}>
          {state}
        </Text>
      </Group>
      {can.run && (
        <Group gap={6} mt="xs">
          {!timer && (
            <Button
              size="compact-sm"
              leftSection={<IconPlayerPlay size={14} aria-hidden />}
              onClick={() => act('start')}
              loading={timerApi.isPending}
            >
              {t('meeting.timer.start')}
            </Button>
          )}
          {timer && running && (
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconPlayerPause size={14} aria-hidden />}
              onClick={() => act('pause')}
              loading={timerApi.isPending}
            >
              {t('meeting.timer.pause')}
            </Button>
          )}
          {timer && !running && (
            <Button
              size="compact-sm"
              leftSection={<IconPlayerPlay size={14} aria-hidden />}
              onClick={() => act('resume')}
              loading={timerApi.isPending}
            >
              {t('meeting.timer.resume')}
            </Button>
          )}
          {timer && (
            <Button
              size="compact-sm"
              variant="default"
              leftSection={<IconRotate size={14} aria-hidden />}
              onClick={() => act('reset')}
              disabled={timerApi.isPending}
            >
              {t('meeting.timer.reset')}
            </Button>
          )}
        </Group>
      )}
    </Paper>
  );
}
