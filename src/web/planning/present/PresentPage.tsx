import { ActionIcon, Button, Center, Group, Loader, Text, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconMaximize, IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { meQuery } from '../../auth/queries.ts';
import { channelsQuery, clientQuery, rubricsQuery } from '../../clients/queries.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { formatMonth } from '../../lib/dates.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { buildPlanData } from '../PlanContext.tsx';
import { planQuery, reserveQuery } from '../queries.ts';
import { useLivePlan } from '../useLivePlan.ts';
import classes from './present.module.css';
import { buildSlides } from './slides.tsx';

const route = getRouteApi('/cycles/$cycleId/present');

/**
 * The plan as slides for the meeting, built in the browser from the live plan: arrows and
 * Page Up/Down move, Escape leaves.
 */
export function PresentPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { cycleId } = route.useParams();
  const navigate = route.useNavigate();
  const plan = useQuery(planQuery(cycleId));
  const clientId = plan.data?.cycle.clientId ?? '';
  const enabled = Boolean(clientId);
  const client = useQuery({ ...clientQuery(clientId), enabled });
  const channels = useQuery({ ...channelsQuery(clientId), enabled });
  const rubrics = useQuery({ ...rubricsQuery(clientId), enabled });
  const me = useQuery(meQuery);
  // Client contacts do not see the reserve; their deck leaves that slide out.
  const withReserve = Boolean(me.data?.agency);
  const reserve = useQuery({ ...reserveQuery(clientId, {}), enabled: enabled && withReserve });
  useLivePlan(plan.data);
  const [index, setIndex] = useState(0);
  usePageTitle(
    plan.data ? t('present.pageTitle', { month: formatMonth(plan.data.cycle.month, language) }) : undefined,
  );

  const data = useMemo(
    () =>
      plan.data && client.data && channels.data && rubrics.data
        ? buildPlanData(plan.data, client.data, channels.data, rubrics.data)
        : null,
    [plan.data, client.data, channels.data, rubrics.data],
  );
  const slides = useMemo(
    () => (data ? buildSlides(data, withReserve ? (reserve.data ?? []) : null, t, language) : []),
    [data, withReserve, reserve.data, t, language],
  );
  const last = Math.max(slides.length - 1, 0);
  const current = Math.min(index, last);
  const exit = useCallback(
    () => void navigate({ to: '/cycles/$cycleId', params: { cycleId } }),
    [navigate, cycleId],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (['ArrowRight', 'PageDown', ' '].includes(event.key)) setIndex((i) => Math.min(i + 1, last));
      else if (['ArrowLeft', 'PageUp'].includes(event.key)) setIndex((i) => Math.max(i - 1, 0));
      else if (event.key === 'Home') setIndex(0);
      else if (event.key === 'End') setIndex(last);
      else if (event.key === 'Escape' && !document.fullscreenElement) exit();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [last, exit]);

  const failed = [plan, client, channels, rubrics].find((q) => q.isError);
  if (failed) {
    return (
      <Center component="main" mih="100vh" p="md">
        <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />
      </Center>
    );
  }
  if (!data) {
    return (
      <Center component="main" mih="100vh" aria-busy="true">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  const slide = slides[current]!;

  return (
    <main className={classes.stage}>
      <div className={classes.slideArea}>
        <section
          className={classes.slide}
          aria-roledescription={t('present.slide')}
          aria-label={`${slide.title} (${current + 1} / ${slides.length})`}
          aria-live="polite"
        >
          {slide.body}
        </section>
      </div>
      <div className={classes.bar}>
        <Button variant="subtle" color="gray.0" leftSection={<IconX size={16} aria-hidden />} onClick={exit}>
          {t('present.exit')}
        </Button>
        <Group gap="sm">
          <ActionIcon
            size="lg"
            variant="subtle"
            color="gray.0"
            onClick={() => setIndex(Math.max(current - 1, 0))}
            disabled={current === 0}
            aria-label={t('present.previous')}
          >
            <IconArrowLeft size={20} aria-hidden />
          </ActionIcon>
          <Text className={classes.counter} aria-hidden>
            {current + 1} / {slides.length}
          </Text>
          <ActionIcon
            size="lg"
            variant="subtle"
            color="gray.0"
            onClick={() => setIndex(Math.min(current + 1, last))}
            disabled={current === last}
            aria-label={t('present.next')}
          >
            <IconArrowRight size={20} aria-hidden />
          </ActionIcon>
        </Group>
        <Tooltip label={t('present.keys')}>
          <ActionIcon
            size="lg"
            variant="subtle"
            color="gray.0"
            aria-label={t('present.fullscreen')}
            onClick={() => void document.documentElement.requestFullscreen?.().catch(() => {})}
          >
            <IconMaximize size={20} aria-hidden />
          </ActionIcon>
        </Tooltip>
      </div>
    </main>
  );
}
