import { Badge, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconClock, IconFlame } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../shared/api/index.ts';
import { localParts } from '../../../shared/time.ts';
import { meQuery } from '../../auth/queries.ts';
import { channelsQuery, clientQuery } from '../../clients/queries.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDayLong } from '../../lib/dates.ts';
import { timeZoneOffset } from '../../lib/format.ts';
import { useLiveRooms } from '../../live/useLiveRooms.ts';
import { planKeys, planQuery } from '../../planning/queries.ts';
import { meetingKeys } from '../queries.ts';
import { CloseReview } from './CloseReview.tsx';
import { useReviewComment, useReviewDecision } from './meetingReviewMutations.ts';
import { ReviewItemCard } from './ReviewItemCard.tsx';
import { daysUntil, type ReviewItem, reviewItems, viewerSide } from './reviewModel.ts';

interface Props {
  meeting: Meeting;
  /** Called after every change made here, so the screen holding the meeting refetches it. */
  onChanged: () => void;
}

/**
 * Fire mode: the plan agreed in writing. Every slot with its topic and every unplaced topic
 * gets a thread; the client accepts or asks for changes, the agency answers and decides.
 */
export function MeetingReviewView({ meeting, onChanged }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const plan = useQuery(planQuery(meeting.cycleId));
  const client = useQuery(clientQuery(meeting.clientId));
  const channels = useQuery(channelsQuery(meeting.clientId));
  const me = useQuery(meQuery);
  const comment = useReviewComment(meeting, onChanged);
  const decide = useReviewDecision(meeting, onChanged);

  // Comments and decisions from the other side arrive as events in the plan's rooms.
  useLiveRooms(plan.data?.rooms ?? [], (event) => {
    if (event && event.clientId !== meeting.clientId) return;
    void queryClient.invalidateQueries({ queryKey: planKeys.plan(meeting.cycleId) });
    if (!event || event.subjectType === 'meeting') {
      void queryClient.invalidateQueries({ queryKey: meetingKeys.meeting(meeting.id) });
      onChanged();
    }
  });

  const items = useMemo(() => (plan.data ? reviewItems(plan.data, meeting) : null), [plan.data, meeting]);
  const failed = [plan, client, channels].find((q) => q.isError);
  if (failed) return <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />;
  if (!items || !plan.data || !client.data || !channels.data) return <LoadingState rows={4} height={96} />;

  const timezone = client.data.timezone;
  const channelById = new Map(channels.data.map((c) => [c.id, c]));
  const side = viewerSide(meeting, me.data?.user.id, Boolean(me.data?.agency));
  const all = [...items.scheduled, ...items.unplaced];
  const done = all.filter((i) => i.reviewed).length;
  const undecided = plan.data.topics.filter((x) => x.status === 'proposed').length;
  const parked = new Set(meeting.decisions.filter((d) => d.kind === 'park').map((d) => d.topicId));
  const stillParked = [...parked].filter((id) => !plan.data.topics.some((x) => x.id === id)).length;

  const card = (item: ReviewItem) => (
    <ReviewItemCard
      key={item.key}
      item={item}
      meeting={meeting}
      channel={item.slot ? channelById.get(item.slot.channelId) : undefined}
      timezone={timezone}
      side={side}
      comment={(input) => comment.mutateAsync(input)}
      decide={(input) => decide.mutateAsync(input)}
    />
  );

  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="sm">
          <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
            <Group gap="xs" miw={0} style={{ flex: '1 1 16rem' }}>
              <Title order={2} fz="h3">
                {t('review.title')}
              </Title>
              <Badge
                color="orange"
                variant="light"
                tt="none"
                leftSection={<IconFlame size={12} aria-hidden />}
              >
                {t('meetingSetup.fireBadge')}
              </Badge>
            </Group>
            {meeting.abilities.run && (
              <CloseReview meeting={meeting} undecided={undecided} onChanged={onChanged} />
            )}
          </Group>
          <Text size="sm">{side === 'client' ? t('review.introClient') : t('review.introAgency')}</Text>
          <Deadline meeting={meeting} timezone={timezone} />
          <div>
            <Group justify="space-between" gap="xs" mb={4}>
              <Text size="sm" fw={500} id={`review-progress-${meeting.id}`}>
                {t('review.progress', { done, total: all.length })}
              </Text>
            </Group>
            {/* The section is the progressbar: it carries the name, not the root. */}
            <Progress.Root size="md" radius="xl">
              <Progress.Section
                value={all.length ? (done / all.length) * 100 : 0}
                color="teal"
                aria-labelledby={`review-progress-${meeting.id}`}
              />
            </Progress.Root>
          </div>
          {!meeting.abilities.comment && (
            <Text size="sm" c="dimmed">
              {t('review.readOnly')}
            </Text>
          )}
        </Stack>
      </Paper>

      {all.length === 0 && <Text c="dimmed">{t('review.empty')}</Text>}
      {items.scheduled.length > 0 && (
        <section aria-labelledby="review-schedule">
          <Title order={3} fz="h4" mb="sm" id="review-schedule">
            {t('review.schedule')}
          </Title>
          <Stack gap="sm">{items.scheduled.map(card)}</Stack>
        </section>
      )}
      {items.unplaced.length > 0 && (
        <section aria-labelledby="review-unplaced">
          <Title order={3} fz="h4" mb="sm" id="review-unplaced">
            {t('review.unplaced')}
          </Title>
          <Stack gap="sm">{items.unplaced.map(card)}</Stack>
        </section>
      )}
      {stillParked > 0 && (
        <Text size="sm" c="dimmed">
          {t('review.parkedCount', { count: stillParked })}
        </Text>
      )}
    </Stack>
  );
}

/** The deadline in the client's calendar and how many days are left. */
function Deadline({ meeting, timezone }: { meeting: Meeting; timezone: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const today = localParts(new Date(), timezone).date;
  const days = daysUntil(meeting.date, today);
  const passed = Date.parse(meeting.startsAt) < Date.now();
  const offset = timeZoneOffset(timezone, language);
  const label = passed
    ? t('review.overdue')
    : days <= 0
      ? t('review.dueToday')
      : t('review.daysLeft', { count: days });
  return (
    <Group gap="xs" wrap="wrap">
      <Group gap={6} wrap="nowrap" align="flex-start">
        <IconClock size={16} aria-hidden style={{ flex: 'none', marginTop: 2 }} />
        <Text size="sm">
          {t('review.deadline', {
            date: formatDayLong(meeting.date, language),
            time: meeting.time,
            zone: offset ? `${timezone.replaceAll('_', ' ')}, ${offset}` : timezone.replaceAll('_', ' '),
          })}
        </Text>
      </Group>
      <Badge color={passed ? 'red' : days <= 1 ? 'orange' : 'blue'} variant="light" tt="none">
        {label}
      </Badge>
    </Group>
  );
}
