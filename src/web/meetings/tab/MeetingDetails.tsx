import { Anchor, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCalendarEvent, IconDoor, IconFlame } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../shared/api/index.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDayLong } from '../../lib/dates.ts';
import { formatDateTime, timeZoneOffset } from '../../lib/format.ts';
import { CopyContactLinks } from '../../links/CopyContactLinks.tsx';
import { usePlanData } from '../../planning/PlanContext.tsx';
import { durationLabel, zoneLabel } from './duration.ts';
import { MeetingForm } from './MeetingForm.tsx';
import { RoomLink } from './RoomLink.tsx';
import { Missing, missingForMeeting, missingId, StartMeeting } from './StartMeeting.tsx';

const statusColor: Record<Meeting['status'], string> = { scheduled: 'blue', live: 'green', ended: 'gray' };

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" mt={2} component="div" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/** A scheduled or running meeting: when, where, who is invited, and what you can do next. */
export function MeetingDetails({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { cycle, client } = usePlanData();
  const [rescheduling, reschedule] = useDisclosure(false);
  const async = meeting.format === 'async';
  const run = meeting.abilities.run;
  const zone = zoneLabel(client.timezone, timeZoneOffset(client.timezone, language));
  const side = (s: 'agency' | 'client') => meeting.participants.filter((p) => p.side === s);

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <Stack gap="lg">
        <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
          <Stack gap={6} miw={0} style={{ flex: '1 1 16rem' }}>
            <Group gap="xs">
              <Title order={2} fz="h3">
                {async ? t('meetingSetup.detailsAsync') : t('meetingSetup.details')}
              </Title>
              <Badge color={statusColor[meeting.status]} variant="light" tt="none">
                {t(`meetingSetup.statuses.${meeting.status}`)}
              </Badge>
              {async && (
                <Badge
                  color="orange"
                  variant="light"
                  tt="none"
                  leftSection={<IconFlame size={12} aria-hidden />}
                >
                  {t('meetingSetup.fireBadge')}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {t(`meetingSetup.formatShort.${meeting.format}`)}
            </Text>
          </Stack>
          <Group gap="sm" wrap="wrap">
            {run && meeting.status === 'scheduled' && (
              <Button
                variant="default"
                leftSection={<IconCalendarEvent size={18} aria-hidden />}
                onClick={reschedule.open}
              >
                {t('meetingSetup.reschedule')}
              </Button>
            )}
            {!async && (
              <RoomLink
                meetingId={meeting.id}
                variant={meeting.status === 'live' ? 'filled' : 'default'}
                leftSection={<IconDoor size={18} aria-hidden />}
              >
                {t('meetingSetup.openRoom')}
              </RoomLink>
            )}
            {run && meeting.status === 'scheduled' && <StartMeeting meeting={meeting} />}
          </Group>
        </Group>

        {run && meeting.status === 'scheduled' && missingForMeeting(cycle).length > 0 && (
          <Missing codes={missingForMeeting(cycle)} id={missingId(meeting)} />
        )}
        {meeting.status === 'live' && !async && <Text fw={500}>{t('meetingSetup.liveNow')}</Text>}
        {meeting.status === 'scheduled' && !run && (
          <Text size="sm">{async ? t('meetingSetup.reviewWaiting') : t('meetingSetup.roomWaiting')}</Text>
        )}

        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
          <Detail label={async ? t('meetingSetup.dueBy') : t('meetingSetup.when')}>
            {t('meetingSetup.whenValue', { date: formatDayLong(meeting.date, language), time: meeting.time })}
            <Text size="xs" c="dimmed">
              {t('meetingSetup.zoneNote', { zone })}
            </Text>
          </Detail>
          {!async && (
            <Detail label={t('meetingSetup.duration')}>{durationLabel(meeting.durationMinutes, t)}</Detail>
          )}
          {meeting.format === 'online' && (
            <Detail label={t('meetingSetup.link')}>
              {meeting.callLink ? (
                <Anchor href={meeting.callLink} target="_blank" rel="noreferrer">
                  {meeting.callLink}
                </Anchor>
              ) : (
                <Text span c="dimmed" size="sm">
                  {t('meetingSetup.noLink')}
                </Text>
              )}
            </Detail>
          )}
          {meeting.format === 'offline' && <Detail label={t('meetingSetup.where')}>{meeting.place}</Detail>}
          {!async && <Detail label={t('meetingSetup.voteBudget')}>{meeting.voteBudget}</Detail>}
          {meeting.facilitatorName && (
            <Detail label={t('meetingSetup.facilitator')}>{meeting.facilitatorName}</Detail>
          )}
        </SimpleGrid>

        <div>
          <Title order={3} fz="h5" mb="xs">
            {t('meetingSetup.participants')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {(['agency', 'client'] as const).map((s) => (
              <Stack gap={6} key={s}>
                <Text size="sm" fw={600}>
                  {s === 'agency' ? t('meetingSetup.agencySide') : t('meetingSetup.clientSide')}
                </Text>
                {side(s).length === 0 && (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
                {side(s).map((p) => (
                  <div key={p.userId}>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {p.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {p.invitedAt
                        ? t('meetingSetup.invitedAt', {
                            date: formatDateTime(p.invitedAt, language, client.timezone),
                          })
                        : t('meetingSetup.notInvited')}
                    </Text>
                  </div>
                ))}
              </Stack>
            ))}
          </SimpleGrid>
          {/* Without email (or when it went astray) the agency can hand a contact their own link. */}
          {run && meeting.status !== 'ended' && (
            <Stack gap={6} mt="md">
              <Text size="sm" fw={600}>
                {t('links.copy.button')}
              </Text>
              <CopyContactLinks
                clientId={client.id}
                kind="meeting"
                subjectId={meeting.id}
                contacts={side('client')}
              />
            </Stack>
          )}
        </div>
      </Stack>
      <Modal
        opened={rescheduling}
        onClose={reschedule.close}
        title={async ? t('meetingSetup.rescheduleTitleAsync') : t('meetingSetup.rescheduleTitle')}
        size="lg"
        centered
      >
        {rescheduling && (
          <MeetingForm
            cycle={cycle}
            client={client}
            meeting={meeting}
            onDone={reschedule.close}
            onCancel={reschedule.close}
          />
        )}
      </Modal>
    </Paper>
  );
}
