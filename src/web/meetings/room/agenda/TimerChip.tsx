import { Badge } from '@mantine/core';
import { IconClock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { agendaName, countdownText } from '../labels.ts';
import { useRoom } from '../RoomContext.tsx';
import classes from '../room.module.css';
import { useCountdown } from '../useCountdown.ts';

/** The running (or paused) timer at a glance: what it counts and what is left. */
export function TimerChip() {
  const { t } = useTranslation();
  const { meeting } = useRoom();
  const left = useCountdown(meeting.timer, meeting.clockOffsetMs);
  const item = meeting.agenda.find((a) => a.id === meeting.timer?.itemId);
  if (left === null || !item) return null;
  const over = left < 0;
  const paused = !meeting.timer?.endsAt;
  return (
    <Badge
      variant="light"
      color={over ? 'red' : paused ? 'gray' : 'indigo'}
      tt="none"
      size="lg"
      leftSection={<IconClock size={14} aria-hidden />}
      aria-label={t(paused ? 'meeting.timer.pausedLabel' : 'meeting.timer.runningLabel', {
        item: agendaName(item, t),
        time: countdownText(left),
      })}
    >
      <span className={classes.countdown} data-over={over || undefined}>
        {countdownText(left)}
      </span>
    </Badge>
  );
}
