import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconChecklist, IconMoodEmpty } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, Navigate } from '@tanstack/react-router';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FactItemFull, FactRequestPage } from '../../../shared/api/index.ts';
import { ApiError } from '../../api/client.ts';
import { EmptyBlock } from '../../components/EmptyBlock.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { formatMonth } from '../../lib/dates.ts';
import { useMe } from '../../lib/useMe.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { planQuery } from '../../planning/queries.ts';
import { factRequestQuery } from '../queries.ts';
import { needsAttention } from './answerForm.ts';
import { todayIn } from './clientTime.ts';
import { FactItemCard } from './FactItemCard.tsx';
import { FactRequestHeader } from './FactRequestHeader.tsx';
import { useLiveFactRequest } from './useLiveFactRequest.ts';

const route = getRouteApi('/_app/facts/$requestId');

/**
 * The fact request as the client answers it (phone first). The agency reviews it in the plan:
 * its members who land here (every notification links here) go on to the cycle's Facts tab.
 */
export function FactAnswerPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { requestId } = route.useParams();
  const page = useQuery(factRequestQuery(requestId));
  useLiveFactRequest(page.data);
  const month = page.data ? formatMonth(page.data.cycle.month, currentLanguage()) : undefined;
  usePageTitle(
    page.data && month
      ? `${t('facts.pageTitle')} · ${month} · ${page.data.client.name}`
      : t('facts.pageTitle'),
  );

  if (page.isError) {
    if (page.error instanceof ApiError && page.error.status === 404) {
      return (
        <EmptyBlock
          order={1}
          icon={<IconMoodEmpty />}
          title={t('facts.notFound')}
          description={t('facts.notFoundHint')}
          action={<Button renderRoot={(props) => <Link to="/" {...props} />}>{t('common.goHome')}</Button>}
        />
      );
    }
    return <ErrorState error={page.error} onRetry={() => void page.refetch()} />;
  }
  if (!page.data) return <LoadingState rows={4} height={120} />;
  if (me.agency && !page.data.request.abilities.answer) {
    return (
      <Navigate
        to="/cycles/$cycleId"
        params={{ cycleId: page.data.cycle.id }}
        search={{ tab: 'facts' }}
        replace
      />
    );
  }
  return <FactRequestView page={page.data} />;
}

type Filter = 'attention' | 'all';

interface TopicBucket {
  key: string;
  topicId: string | null;
  items: FactItemFull[];
}

function FactRequestView({ page }: { page: FactRequestPage }) {
  const { t } = useTranslation();
  const me = useMe();
  const { request, client, cycle } = page;
  const answering = request.abilities.answer;
  const isAgency = Boolean(me.agency && !answering);
  const today = todayIn(client.timezone);
  // Topic titles come from the plan; the request only knows the topics' ids.
  const plan = useQuery({ ...planQuery(cycle.id), retry: false });
  const titles = useMemo(() => new Map(plan.data?.topics.map((x) => [x.id, x.title]) ?? []), [plan.data]);

  const attention = request.items.filter(needsAttention);
  const [filter, setFilter] = useState<Filter>(() =>
    answering && attention.length > 0 && attention.length < request.items.length ? 'attention' : 'all',
  );
  // Items shown when "needs attention" was chosen stay on screen once answered, so the person
  // sees what they just sent instead of the card vanishing under their thumb.
  const [kept, setKept] = useState<Set<string>>(() => new Set(attention.map((i) => i.id)));
  const choose = (next: Filter) => {
    setKept(new Set(request.items.filter(needsAttention).map((i) => i.id)));
    setFilter(next);
  };
  const shown =
    filter === 'all' ? request.items : request.items.filter((i) => needsAttention(i) || kept.has(i.id));

  const groups = useMemo(() => {
    const byTopic = new Map<string, TopicBucket>();
    for (const item of shown) {
      const key = item.topicId ?? '';
      const group = byTopic.get(key) ?? { key, topicId: item.topicId, items: [] };
      group.items.push(item);
      byTopic.set(key, group);
    }
    // Topics in the order of their first item; general questions last.
    return [...byTopic.values()].sort((a, b) => Number(a.topicId === null) - Number(b.topicId === null));
  }, [shown]);
  const topicOrder = useMemo(() => {
    const ids: string[] = [];
    for (const item of request.items) if (item.topicId && !ids.includes(item.topicId)) ids.push(item.topicId);
    return ids;
  }, [request.items]);
  const titleOf = (topicId: string | null) =>
    topicId === null
      ? t('facts.general')
      : (titles.get(topicId) ??
        (topicOrder.length > 1
          ? `${t('facts.topicFallback')} ${topicOrder.indexOf(topicId) + 1}`
          : t('facts.topicFallback')));

  return (
    <Stack gap="lg" maw={760} mx="auto" w="100%">
      <FactRequestHeader page={page} answering={answering} isAgency={isAgency} today={today} />
      {request.items.length === 0 ? (
        <EmptyBlock icon={<IconChecklist />} title={t('facts.empty')} />
      ) : (
        <>
          {answering && (
            <Group gap={6} role="group" aria-label={t('facts.filter.label')} grow>
              {(['attention', 'all'] as const).map((value) => (
                <Button
                  key={value}
                  size="md"
                  variant={filter === value ? 'filled' : 'default'}
                  aria-pressed={filter === value}
                  onClick={() => choose(value)}
                  styles={{ label: { whiteSpace: 'normal', textAlign: 'center', lineHeight: 1.2 } }}
                  h="auto"
                  mih={44}
                  py={6}
                >
                  {value === 'attention'
                    ? t('facts.filter.attention', { count: attention.length })
                    : t('facts.filter.all', { count: request.items.length })}
                </Button>
              ))}
            </Group>
          )}
          {groups.length === 0 ? (
            <EmptyBlock
              icon={<IconChecklist />}
              title={t('facts.filterEmpty')}
              action={
                <Button variant="default" onClick={() => choose('all')}>
                  {t('facts.showAll')}
                </Button>
              }
            />
          ) : (
            groups.map((group) => (
              <TopicGroup
                key={group.key}
                title={titleOf(group.topicId)}
                items={group.items}
                all={request.items.filter((i) => (i.topicId ?? '') === group.key)}
                requestId={request.id}
                answering={answering}
                timeZone={client.timezone}
                today={today}
              />
            ))
          )}
        </>
      )}
    </Stack>
  );
}

function TopicGroup({
  title,
  items,
  all,
  requestId,
  answering,
  timeZone,
  today,
}: {
  title: string;
  items: FactItemFull[];
  all: FactItemFull[];
  requestId: string;
  answering: boolean;
  timeZone: string;
  today: string;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const answered = all.filter((i) => i.status === 'answered' || i.status === 'accepted').length;
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Stack gap={0}>
        <Title order={2} fz="h4" id={headingId} style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {t('facts.groupProgress', { answered, total: all.length })}
        </Text>
      </Stack>
      {items.map((item) => (
        <FactItemCard
          key={item.id}
          requestId={requestId}
          item={item}
          answering={answering}
          timeZone={timeZone}
          today={today}
        />
      ))}
    </Stack>
  );
}
