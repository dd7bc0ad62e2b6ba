import { Anchor, Group, Text, VisuallyHidden } from '@mantine/core';
import { IconExternalLink, IconFlame, IconMapPin, IconVideo } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { localParts } from '../../../../shared/time.ts';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatDayShort } from '../../../lib/dates.ts';
import { useRoom } from '../RoomContext.tsx';

/**
 * The meeting's state, day and time (in the client's zone), the call link or the place, and
 * who leads it.
 */
export function MeetingWhereWhen({ status }: { status: ReactNode }) {
  const { t } = useTranslation();
  const { meeting, client } = useRoom();
  const live = meeting.status === 'live';
  const language = currentLanguage();
  // Once it has ended, when it actually ran (the planned time is history); before, the plan.
  const ran =
    meeting.status === 'ended' && meeting.startedAt && meeting.endedAt
      ? {
          from: localParts(new Date(meeting.startedAt), client.timezone),
          to: localParts(new Date(meeting.endedAt), client.timezone),
        }
      : null;
  const when = ran
    ? `${formatDayShort(ran.from.date, language)}, ${ran.from.time}–${
        ran.to.date === ran.from.date ? '' : `${formatDayShort(ran.to.date, language)}, `
      }${ran.to.time}`
    : `${formatDayShort(meeting.date, language)}, ${meeting.time}`;
  return (
    <Group gap="xs" wrap="wrap" mt={2} style={{ rowGap: 2 }}>
      {status}
      <Text size="sm" c="dimmed" title={t('meeting.clientTime', { zone: client.timezone })}>
        {when}
      </Text>
      {meeting.format === 'online' &&
        (meeting.callLink && meeting.status !== 'ended' ? (
          <Anchor href={meeting.callLink} target="_blank" rel="noopener noreferrer" size="sm" fw={600}>
            <Group gap={4} wrap="nowrap" component="span">
              <IconVideo size={16} aria-hidden />
              {t('meeting.joinCall')}
              <IconExternalLink size={14} aria-hidden />
              <VisuallyHidden>{t('meeting.newTab')}</VisuallyHidden>
            </Group>
          </Anchor>
        ) : (
          <Group gap={4} wrap="nowrap">
            <IconVideo size={16} aria-hidden />
            <Text size="sm" c="dimmed">
              {t('meeting.formats.online')}
            </Text>
          </Group>
        ))}
      {meeting.format === 'offline' && (
        <Group gap={4} wrap="nowrap" miw={0}>
          <IconMapPin size={16} aria-hidden />
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {meeting.place ?? t('meeting.formats.offline')}
          </Text>
        </Group>
      )}
      {meeting.format === 'async' && (
        <Group gap={4} wrap="nowrap">
          <IconFlame size={16} aria-hidden />
          <Text size="sm" c="dimmed">
            {t('meeting.formats.async')}
          </Text>
        </Group>
      )}
      {live && (
        <Text size="sm" c="dimmed">
          {t('meeting.facilitator.label')}{' '}
          <Text span size="sm" fw={600} c="var(--mantine-color-text)">
            {meeting.facilitatorName ?? t('meeting.facilitator.nobody')}
          </Text>
        </Text>
      )}
    </Group>
  );
}
