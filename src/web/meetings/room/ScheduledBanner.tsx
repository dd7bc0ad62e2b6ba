import { Alert, Button, Group, Text } from '@mantine/core';
import { IconCalendarEvent, IconPlayerPlay } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDayLong } from '../../lib/dates.ts';
import { useStartMeeting } from '../mutations.ts';
import { useRoom } from './RoomContext.tsx';
import { useReportError } from './useReportError.ts';

/** Before the meeting: when it starts, and the start button for whoever runs it. */
export function ScheduledBanner() {
  const { t } = useTranslation();
  const { meeting, can } = useRoom();
  const start = useStartMeeting(meeting);
  const report = useReportError();
  const when = t('meeting.scheduled.when', {
    day: formatDayLong(meeting.date, currentLanguage()),
    time: meeting.time,
  });
  return (
    <Alert color="indigo" variant="light" icon={<IconCalendarEvent />} title={t('meeting.scheduled.title')}>
      <Group justify="space-between" align="center" gap="sm">
        <div>
          <Text size="sm">{when}</Text>
          <Text size="sm" c="dimmed">
            {can.run ? t('meeting.scheduled.hintRun') : t('meeting.scheduled.waiting')}
          </Text>
        </div>
        {can.run && (
          <Button
            leftSection={<IconPlayerPlay size={16} aria-hidden />}
            loading={start.isPending}
            onClick={() => start.mutate(undefined, { onError: report })}
          >
            {t('meeting.start')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
