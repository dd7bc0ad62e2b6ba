import { Badge, Tooltip } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FactRequestFull } from '../../shared/api/index.ts';
import { usePlanData } from '../planning/PlanContext.tsx';
import { cycleFactRequestQuery } from './queries.ts';

const none: ReadonlySet<string> = new Set();

/** Topics whose required facts are all accepted; a draft has none (nothing was asked yet). */
const readyTopics = (data: { request: FactRequestFull | null }): ReadonlySet<string> =>
  data.request && data.request.status !== 'draft'
    ? new Set(data.request.topics.filter((p) => p.ready).map((p) => p.topicId))
    : none;

/**
 * The topics of this plan that are ready for content. Shares the Facts tab's query; a client
 * contact gets no request before it is sent, so no topic is ready for them until then.
 */
export function useReadyTopics(): ReadonlySet<string> {
  const { cycle } = usePlanData();
  const { data } = useQuery({ ...cycleFactRequestQuery(cycle.id), select: readyTopics });
  return data ?? none;
}

/** "Ready for content": every required fact of the topic is accepted; the writer can start. */
export function ReadyBadge({ size = 'sm' }: { size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('factReview.readyHint')} withArrow>
      <Badge
        size={size}
        variant="light"
        color="teal"
        tt="none"
        leftSection={<IconCircleCheck size={size === 'xs' ? 12 : 14} aria-hidden />}
        style={{ flexShrink: 0 }}
      >
        {t('factReview.ready')}
      </Badge>
    </Tooltip>
  );
}
