import { Button } from '@mantine/core';
import { IconMoodEmpty } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { meQuery } from '../../auth/queries.ts';
import { channelsQuery, clientQuery, rubricsQuery } from '../../clients/queries.ts';
import { EmptyBlock } from '../../components/EmptyBlock.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { formatMonth } from '../../lib/dates.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { planQuery } from '../../planning/queries.ts';
import { clientPlansQuery, meetingQuery } from '../queries.ts';
import { MeetingReviewView } from '../review/MeetingReviewView.tsx';
import { EndedRoom } from './EndedRoom.tsx';
import { type RoomData, RoomProvider, useRoom, ViewProvider } from './RoomContext.tsx';
import { RoomFrame } from './RoomFrame.tsx';
import { RoomLayout } from './RoomLayout.tsx';
import { useMeetingLive } from './useMeetingLive.ts';
import { useRememberedTopics } from './useRememberedTopics.ts';
import { useRoomNavigation } from './useRoomNavigation.ts';

const route = getRouteApi('/meetings/$meetingId');

/** The live meeting room: agenda, the plan walked item by item, votes, decisions, notes. */
export function MeetingRoomPage() {
  const { t } = useTranslation();
  const { meetingId } = route.useParams();
  const meeting = useQuery(meetingQuery(meetingId));
  const cycleId = meeting.data?.cycleId ?? '';
  const clientId = meeting.data?.clientId ?? '';
  const plan = useQuery({ ...planQuery(cycleId), enabled: Boolean(cycleId) });
  const client = useQuery({ ...clientQuery(clientId), enabled: Boolean(clientId) });
  const channels = useQuery({ ...channelsQuery(clientId), enabled: Boolean(clientId) });
  const rubrics = useQuery({ ...rubricsQuery(clientId), enabled: Boolean(clientId) });
  const clientPlans = useQuery({ ...clientPlansQuery(cycleId), enabled: Boolean(cycleId) });
  const me = useQuery(meQuery);
  const people = useMeetingLive(meeting.data, plan.data?.rooms ?? []);
  const topics = useRememberedTopics(plan.data?.topics ?? [], meeting.data?.parkedTopics ?? []);

  const month = plan.data ? formatMonth(plan.data.cycle.month, currentLanguage()) : '';
  usePageTitle(
    client.data && month ? t('meeting.pageTitle', { client: client.data.name, month }) : t('meeting.title'),
  );

  const data = useMemo((): RoomData | null => {
    const m = meeting.data;
    const user = me.data?.user;
    if (!m || !plan.data || !client.data || !channels.data || !rubrics.data || !clientPlans.data || !user)
      return null;
    const side =
      m.participants.find((p) => p.userId === user.id)?.side ?? (me.data?.agency ? 'agency' : 'client');
    return {
      meeting: m,
      plan: plan.data,
      client: client.data,
      channels: channels.data,
      rubrics: rubrics.data,
      clientPlans: clientPlans.data,
      channelById: new Map(channels.data.map((c) => [c.id, c])),
      rubricById: new Map(rubrics.data.map((r) => [r.id, r])),
      topics,
      topicById: new Map(topics.map((x) => [x.id, x])),
      me: { id: user.id, name: user.name, side },
      // The agency keeps the client's plans up to date at any time; the client while it contributes.
      can: {
        ...m.abilities,
        editClientPlans: m.abilities.contribute || (side === 'agency' && plan.data.cycle.stage !== 'closed'),
      },
      people,
    };
  }, [
    meeting.data,
    plan.data,
    client.data,
    channels.data,
    rubrics.data,
    clientPlans.data,
    me.data,
    topics,
    people,
  ]);

  const failed = [meeting, plan, client, channels, rubrics, clientPlans].find((q) => q.isError);
  if (failed?.error) {
    const missing = failed.error instanceof ApiError && failed.error.status === 404;
    return (
      <RoomFrame>
        {missing ? (
          <EmptyBlock
            order={1}
            icon={<IconMoodEmpty />}
            title={t('meeting.notFound')}
            description={t('meeting.notFoundHint')}
            action={
              <Button renderRoot={(props) => <Link to="/" {...props} />}>{t('client.backToClients')}</Button>
            }
          />
        ) : (
          <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />
        )}
      </RoomFrame>
    );
  }
  if (!data) {
    return (
      <RoomFrame>
        <LoadingState rows={6} height={64} />
      </RoomFrame>
    );
  }
  // Fire mode has no room: the plan is reviewed in writing, item by item.
  if (data.meeting.format === 'async' && data.meeting.status !== 'ended') {
    return (
      <RoomFrame>
        <MeetingReviewView meeting={data.meeting} onChanged={() => void meeting.refetch()} />
      </RoomFrame>
    );
  }
  return (
    <RoomProvider value={data}>{data.meeting.status === 'ended' ? <EndedRoom /> : <LiveRoom />}</RoomProvider>
  );
}

function LiveRoom() {
  const { meeting, me } = useRoom();
  const view = useRoomNavigation(meeting, me.name);
  return (
    <ViewProvider value={view}>
      <RoomLayout />
    </ViewProvider>
  );
}
