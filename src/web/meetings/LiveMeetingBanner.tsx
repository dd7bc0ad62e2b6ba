import { ActionIcon, Button, Flex, Group, Paper, Text } from '@mantine/core';
import { IconBroadcast, IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { everyoneRoom } from '../../shared/live.ts';
import { notificationsQuery } from '../facts/queries.ts';
import { currentLanguage } from '../i18n/index.ts';
import { formatMonthInText } from '../lib/dates.ts';
import { useMe } from '../lib/useMe.ts';
import { useLiveRooms } from '../live/useLiveRooms.ts';

interface Opened {
  meetingId: string;
  clientName: string;
  month: string;
  review: boolean;
}

const isMonth = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}$/.test(value);

/**
 * "The meeting is live: Join", on whatever page a client's contact is. Two sources, both the
 * server's word: the bell's entries still open (a meeting already live when the page opened) and
 * the live event of the client's room (it goes live while the page is open). Ending it, by event
 * or in the bell, takes the banner away; a person may hide it for this page's life.
 */
export function LiveMeetingBanner() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const me = useMe();
  const { pathname } = useLocation();
  const bell = useQuery(notificationsQuery);
  const [heard, setHeard] = useState<Opened[]>([]);
  const [ended, setEnded] = useState<string[]>([]);
  const [hidden, setHidden] = useState<string[]>([]);

  const clientNames = new Map(me.clientMemberships.map((m) => [m.clientId, m.clientName]));
  useLiveRooms(
    me.clientMemberships.map((m) => everyoneRoom(m.clientId)),
    (event) => {
      if (event?.type === 'meeting.started') {
        const { meetingId, month, format } = event.data;
        setHeard((list) => [
          ...list.filter((o) => o.meetingId !== meetingId),
          {
            meetingId,
            month,
            clientName: clientNames.get(event.clientId ?? '') ?? '',
            review: format === 'async',
          },
        ]);
        setEnded((list) => list.filter((id) => id !== meetingId));
      }
      if (event?.type === 'meeting.ended') setEnded((list) => [...list, event.data.meetingId]);
    },
  );

  const fromBell: Opened[] = (bell.data?.notifications ?? [])
    .filter((n) => (n.kind === 'meeting_live' || n.kind === 'review_opened') && n.data.open === 1)
    .map((n) => ({
      meetingId: String(n.data.meetingId),
      clientName: String(n.data.clientName ?? ''),
      month: String(n.data.month ?? ''),
      review: n.kind === 'review_opened',
    }));
  const seen = new Set<string>();
  const shown = [...heard, ...fromBell].filter((o) => {
    if (seen.has(o.meetingId)) return false;
    seen.add(o.meetingId);
    // Already in the room: nothing to join.
    return (
      !ended.includes(o.meetingId) && !hidden.includes(o.meetingId) && pathname !== `/meetings/${o.meetingId}`
    );
  });
  if (shown.length === 0) return null;

  return (
    <>
      {shown.map((o) => {
        const month = isMonth(o.month) ? formatMonthInText(o.month, language) : o.month;
        return (
          <Paper
            key={o.meetingId}
            role="status"
            aria-label={t('meetingBanner.label')}
            withBorder
            radius="md"
            p="sm"
            mb="md"
            bg="teal.0"
            style={{ borderColor: 'var(--mantine-color-teal-4)' }}
          >
            {/* A phone puts the button under the sentence, wide enough for a thumb. */}
            <Flex
              direction={{ base: 'column', sm: 'row' }}
              gap="sm"
              align={{ base: 'stretch', sm: 'center' }}
            >
              <Group gap="sm" wrap="nowrap" align="center" style={{ flex: 1, minWidth: 0 }}>
                <IconBroadcast
                  size={24}
                  aria-hidden
                  style={{ flex: 'none', color: 'var(--mantine-color-teal-8)' }}
                />
                <Text size="sm" fw={600} style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
                  {t(o.review ? 'meetingBanner.review' : 'meetingBanner.live', {
                    month,
                    clientName: o.clientName,
                  })}
                </Text>
              </Group>
              <Group gap="xs" wrap="nowrap">
                <Button
                  // Teal 8 (Mantine's filled teal) under white is 3.9:1; "approve" is the dark teal.
                  color="approve"
                  mih={44}
                  style={{ flex: 1 }}
                  renderRoot={(props) => (
                    <Link to="/meetings/$meetingId" params={{ meetingId: o.meetingId }} {...props} />
                  )}
                >
                  {t(o.review ? 'meetingBanner.openReview' : 'meetingBanner.join')}
                </Button>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size={44}
                  aria-label={t('meetingBanner.hide')}
                  onClick={() => setHidden((list) => [...list, o.meetingId])}
                  style={{ flex: 'none' }}
                >
                  <IconX size={18} aria-hidden />
                </ActionIcon>
              </Group>
            </Flex>
          </Paper>
        );
      })}
    </>
  );
}
