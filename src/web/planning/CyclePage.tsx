import { Button, Stack, Tabs } from '@mantine/core';
import { IconMoodEmpty } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { channelsQuery, clientQuery, rubricsQuery } from '../clients/queries.ts';
import { EmptyBlock } from '../components/EmptyBlock.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { LoadingState } from '../components/LoadingState.tsx';
import { FactRequestBanner } from '../facts/answer/FactRequestBanner.tsx';
import { FactsTab } from '../facts/review/FactsTab.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { formatMonth } from '../lib/dates.ts';
import { useMe } from '../lib/useMe.ts';
import { usePageTitle } from '../lib/usePageTitle.ts';
import { MeetingTab } from '../meetings/tab/MeetingTab.tsx';
import { ChangesTab } from '../posts/changes/ChangesTab.tsx';
import { PostsTab } from '../posts/list/PostsTab.tsx';
import { CadenceTab } from './cadence/CadenceTab.tsx';
import { CycleHeader } from './header/CycleHeader.tsx';
import { buildPlanData, PlanProvider, usePlanData } from './PlanContext.tsx';
import { planQuery } from './queries.ts';
import { ReservePanel } from './reserve/ReservePanel.tsx';
import { ScheduleTab } from './schedule/ScheduleTab.tsx';
import { type CycleTab, cycleTabs } from './tabs.ts';
import { TopicsTab } from './topics/TopicsTab.tsx';
import { useLivePlan } from './useLivePlan.ts';

const route = getRouteApi('/_app/cycles/$cycleId');

/** One client's plan for one month: schedule, topics, the meeting, facts, cadence and the reserve. */
export function CyclePage() {
  const { t } = useTranslation();
  const { cycleId } = route.useParams();
  const plan = useQuery(planQuery(cycleId));
  const clientId = plan.data?.cycle.clientId ?? '';
  const client = useQuery({ ...clientQuery(clientId), enabled: Boolean(clientId) });
  const channels = useQuery({ ...channelsQuery(clientId), enabled: Boolean(clientId) });
  const rubrics = useQuery({ ...rubricsQuery(clientId), enabled: Boolean(clientId) });
  useLivePlan(plan.data);
  const month = plan.data ? formatMonth(plan.data.cycle.month, currentLanguage()) : undefined;
  usePageTitle(client.data && month ? `${month} · ${client.data.name}` : t('cycle.title'));

  const data = useMemo(
    () =>
      plan.data && client.data && channels.data && rubrics.data
        ? buildPlanData(plan.data, client.data, channels.data, rubrics.data)
        : null,
    [plan.data, client.data, channels.data, rubrics.data],
  );

  const failed = [plan, client, channels, rubrics].find((q) => q.isError);
  if (failed?.error) {
    if (failed.error instanceof ApiError && failed.error.status === 404) {
      return (
        <EmptyBlock
          order={1}
          icon={<IconMoodEmpty />}
          title={t('cycle.notFound')}
          description={t('cycle.notFoundHint')}
          action={
            <Button renderRoot={(props) => <Link to="/" {...props} />}>{t('client.backToClients')}</Button>
          }
        />
      );
    }
    return <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />;
  }
  if (!data) return <LoadingState rows={5} height={72} />;
  return (
    <PlanProvider value={data}>
      <CycleView />
    </PlanProvider>
  );
}

function CycleView() {
  const { t } = useTranslation();
  const { cycle, client, can } = usePlanData();
  const me = useMe();
  // Cadence is the managers' tool; the reserve is the agency's working list; the Facts tab is
  // the agency's review (the client's contacts answer from the banner's /facts page instead).
  // A session opened from a review link reaches the month's posts and nothing else of it.
  const shown = cycleTabs.filter(
    (value) =>
      (!me.scope || value === 'posts') &&
      (value !== 'cadence' || can.editPlan) &&
      (value !== 'reserve' || Boolean(me.agency)) &&
      (value !== 'facts' || Boolean(me.agency)),
  );
  const wanted = route.useSearch({ select: (s) => s.tab ?? 'schedule' });
  const tab = shown.includes(wanted) ? wanted : (shown[0] ?? 'schedule');
  const navigate = route.useNavigate();
  return (
    <Stack gap="lg">
      <CycleHeader />
      {!me.scope && <FactRequestBanner cycleId={cycle.id} timeZone={client.timezone} />}
      <Tabs
        value={tab}
        onChange={(next) =>
          void navigate({ search: { tab: (next as CycleTab) ?? undefined }, replace: true })
        }
        keepMounted={false}
      >
        <Tabs.List style={{ flexWrap: 'wrap' }}>
          {shown.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {t(`plan.tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="schedule" pt="lg">
          <ScheduleTab />
        </Tabs.Panel>
        <Tabs.Panel value="topics" pt="lg">
          <TopicsTab />
        </Tabs.Panel>
        <Tabs.Panel value="meeting" pt="lg">
          <MeetingTab />
        </Tabs.Panel>
        {shown.includes('facts') && (
          <Tabs.Panel value="facts" pt="lg">
            <FactsTab />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="posts" pt="lg">
          <PostsTab />
        </Tabs.Panel>
        <Tabs.Panel value="changes" pt="lg">
          <ChangesTab />
        </Tabs.Panel>
        {shown.includes('cadence') && (
          <Tabs.Panel value="cadence" pt="lg">
            <CadenceTab />
          </Tabs.Panel>
        )}
        {shown.includes('reserve') && (
          <Tabs.Panel value="reserve" pt="lg">
            <ReservePanel
              clientId={client.id}
              timezone={client.timezone}
              target={can.addTopics ? { cycleId: cycle.id, month: cycle.month } : null}
            />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
