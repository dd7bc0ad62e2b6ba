import {
  ActionIcon,
  Box,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBell, IconChecks } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notification } from '../../shared/api/index.ts';
import { everyoneRoom } from '../../shared/live.ts';
import { useMarkNotificationsRead } from '../facts/answerMutations.ts';
import { factKeys, notificationsQuery } from '../facts/queries.ts';
import { currentLanguage, type Language } from '../i18n/index.ts';
import { formatDayInText, formatMonthInText } from '../lib/dates.ts';
import { useMe } from '../lib/useMe.ts';
import { useLiveRooms } from '../live/useLiveRooms.ts';

/** A meeting going live or ending changes the bell (and the banner read from it). */
const meetingOpensOrEnds = (type: string) => type === 'meeting.started' || type === 'meeting.ended';

const text = (value: unknown) => (typeof value === 'string' ? value : value == null ? '' : String(value));
const number = (value: unknown) => (typeof value === 'number' ? value : Number(value ?? 0) || 0);

/** One notification as a sentence in the reader's language. */
export function notificationSentence(n: Notification, t: TFunction, language: Language): string {
  const d = n.data;
  const month = /^\d{4}-\d{2}$/.test(text(d.month))
    ? formatMonthInText(text(d.month), language)
    : text(d.month);
  const common = {
    month,
    clientName: text(d.clientName),
    agencyName: text(d.agencyName) || text(d.clientName),
    by: text(d.by),
    question: text(d.question),
    items: number(d.items),
  };
  const count = number(d.count) || 1;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text(d.dueOn)) ? formatDayInText(text(d.dueOn), language) : '';
  switch (n.kind) {
    case 'fact_request_sent':
      return t('facts.notifications.kinds.fact_request_sent', common);
    case 'fact_answered':
      return count > 1
        ? t('facts.notifications.kinds.fact_answeredCount', { ...common, count })
        : t('facts.notifications.kinds.fact_answered', common);
    case 'fact_follow_up':
      return t('facts.notifications.kinds.fact_follow_up', common);
    case 'fact_message':
      return count > 1
        ? t('facts.notifications.kinds.fact_messageCount', { ...common, count })
        : t('facts.notifications.kinds.fact_message', common);
    case 'fact_reminder': {
      const offset = number(d.offsetDays);
      if (offset < 0)
        return t('facts.notifications.kinds.fact_reminder_before', { ...common, count: -offset });
      if (offset === 0) return t('facts.notifications.kinds.fact_reminder_today', common);
      return t('facts.notifications.kinds.fact_reminder_after', { ...common, count: offset });
    }
    case 'fact_overdue':
      return t('facts.notifications.kinds.fact_overdue', {
        ...common,
        count: Math.max(1, number(d.offsetDays)),
      });
    case 'fact_request_complete':
      return t('facts.notifications.kinds.fact_request_complete', common);
    case 'post_review':
      // A contributor cannot approve: they hear the posts wait for their approver.
      return d.mayApprove === 0
        ? t('facts.notifications.kinds.post_review_approver', { ...common, count })
        : t('facts.notifications.kinds.post_review', { ...common, count });
    case 'post_internal_review':
      return t('facts.notifications.kinds.post_internal_review', common);
    case 'post_changes_requested':
      return t('facts.notifications.kinds.post_changes_requested', common);
    case 'post_approved':
      return t('facts.notifications.kinds.post_approved', { ...common, count });
    case 'post_comment':
      return t('facts.notifications.kinds.post_comment', { ...common, count });
    case 'post_approval_due': {
      // A contributor cannot approve: they hear the posts wait for their approver.
      const when = d.stage === 'on_day' ? 'today' : 'before';
      const who = d.reader === 'contributor' ? '_contributor' : '';
      return t(`facts.notifications.kinds.post_approval_due_${when}${who}`, { ...common, count, day });
    }
    case 'post_approval_overdue': {
      const who = d.reader === 'contributor' ? '_contributor' : d.reader === 'agency' ? '_agency' : '';
      return t(`facts.notifications.kinds.post_approval_overdue${who}`, { ...common, count, day });
    }
    case 'meeting_live':
      return d.open === 0
        ? t('facts.notifications.kinds.meeting_live_ended', common)
        : t('facts.notifications.kinds.meeting_live', common);
    case 'review_opened':
      return d.open === 0
        ? t('facts.notifications.kinds.review_opened_ended', common)
        : t('facts.notifications.kinds.review_opened', common);
  }
}

const relative = new Map<Language, Intl.RelativeTimeFormat>();

/** "5 min ago", "yesterday", then a date. */
function ago(iso: string, language: Language): string {
  let format = relative.get(language);
  if (!format) {
    format = new Intl.RelativeTimeFormat(language === 'uk' ? 'uk-UA' : 'en-GB', {
      numeric: 'auto',
      style: 'short',
    });
    relative.set(language, format);
  }
  const seconds = Math.round((Date.parse(iso) - Date.now()) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return format.format(0, 'minute');
  if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return format.format(Math.round(seconds / 3600), 'hour');
  if (abs < 7 * 86_400) return format.format(Math.round(seconds / 86_400), 'day');
  return new Intl.DateTimeFormat(language === 'uk' ? 'uk-UA' : 'en-GB', { dateStyle: 'medium' }).format(
    new Date(iso),
  );
}

/** The bell in the header: what happened to my fact requests, newest first. */
export function NotificationBell() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const me = useMe();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [opened, { toggle, close }] = useDisclosure(false);
  const query = useQuery(notificationsQuery);
  const markRead = useMarkNotificationsRead();
  const unread = query.data?.unread ?? 0;
  const list = query.data?.notifications ?? [];

  // A client's contacts hear their clients' changes as they happen; the agency's bell polls.
  const rooms = me.clientMemberships.map((m) => everyoneRoom(m.clientId));
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useLiveRooms(rooms, (event) => {
    if (event && event.subjectType !== 'fact_request' && !meetingOpensOrEnds(event.type)) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(
      () => void queryClient.invalidateQueries({ queryKey: factKeys.notifications }),
      500,
    );
  });

  // Opening the list shows what is there now.
  // biome-ignore lint/correctness/useExhaustiveDependencies: refetch on opening only
  useEffect(() => {
    if (opened) void query.refetch();
  }, [opened]);

  const open = (n: Notification) => {
    if (!n.readAt) markRead.mutate([n.id]);
    close();
    // One post waiting opens the post itself (as its email does); several, the month's list.
    const link =
      typeof n.data.postId === 'string' && number(n.data.count) <= 1 ? `/posts/${n.data.postId}` : n.link;
    if (link.startsWith('/') && !link.startsWith('//')) router.history.push(link);
  };

  const label =
    unread > 0 ? t('facts.notifications.labelUnread', { count: unread }) : t('facts.notifications.label');

  return (
    <Popover
      opened={opened}
      onChange={(next) => (next ? undefined : close())}
      position="bottom-end"
      width="min(380px, calc(100vw - 16px))"
      shadow="md"
      withinPortal
      trapFocus
      returnFocus
    >
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="lg"
          radius="xl"
          onClick={toggle}
          aria-label={label}
          title={label}
        >
          <Indicator
            label={unread > 99 ? '99+' : unread}
            size={16}
            color="red"
            offset={2}
            disabled={unread === 0}
            styles={{ indicator: { pointerEvents: 'none', fontWeight: 700, fontSize: 10 } }}
          >
            <IconBell size={20} aria-hidden style={{ display: 'block' }} />
          </Indicator>
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown
        p={0}
        maw="calc(100vw - 16px)"
        aria-label={t('facts.notifications.title')}
        role="dialog"
      >
        <Group justify="space-between" px="sm" py={8} wrap="wrap" gap={4}>
          <Text fw={600} size="sm">
            {t('facts.notifications.title')}
          </Text>
          {unread > 0 && (
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconChecks size={16} aria-hidden />}
              onClick={() => markRead.mutate(undefined)}
            >
              {t('facts.notifications.markAll')}
            </Button>
          )}
        </Group>
        <ScrollArea.Autosize mah="min(480px, 70vh)" type="auto">
          {query.isError && list.length === 0 ? (
            <Text size="sm" c="red.9" px="sm" pb="sm" role="alert">
              {t('facts.notifications.failed')}
            </Text>
          ) : list.length === 0 ? (
            <Text size="sm" c="dimmed" px="sm" pb="md">
              {query.isPending ? t('common.loading') : t('facts.notifications.empty')}
            </Text>
          ) : (
            <Stack gap={0} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {list.map((n) => (
                <Box component="li" key={n.id} style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
                  <UnstyledButton
                    onClick={() => open(n)}
                    w="100%"
                    px="sm"
                    py={10}
                    style={{
                      display: 'flex',
                      gap: 10,
                      alignItems: 'flex-start',
                      background: n.readAt ? undefined : 'var(--mantine-color-indigo-0)',
                    }}
                  >
                    <Box
                      aria-hidden
                      mt={6}
                      style={{
                        flex: 'none',
                        width: 8,
                        height: 8,
                        borderRadius: 4,
                        background: n.readAt ? 'transparent' : 'var(--mantine-color-indigo-6)',
                      }}
                    />
                    <Box style={{ minWidth: 0, flex: 1 }}>
                      <Text
                        size="sm"
                        fw={n.readAt ? 400 : 600}
                        lineClamp={3}
                        style={{ overflowWrap: 'anywhere' }}
                      >
                        {!n.readAt && (
                          <span className="visually-hidden">{t('facts.notifications.unread')}: </span>
                        )}
                        {notificationSentence(n, t, language)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {ago(n.createdAt, language)}
                      </Text>
                    </Box>
                  </UnstyledButton>
                </Box>
              ))}
            </Stack>
          )}
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
