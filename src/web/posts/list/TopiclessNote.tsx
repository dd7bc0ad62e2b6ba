import { Anchor, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { usePlanData } from '../../planning/PlanContext.tsx';

/** Slots with no topic yet: a post needs a topic first, so they point to the schedule. */
export function TopiclessNote({ count }: { count: number }) {
  const { t } = useTranslation();
  const { cycle } = usePlanData();
  return (
    <Text size="sm" c="dimmed">
      {t('postReview.queue.topicless', { count })}{' '}
      <Anchor
        size="sm"
        renderRoot={(props) => (
          <Link
            to="/cycles/$cycleId"
            params={{ cycleId: cycle.id }}
            search={{ tab: 'schedule' }}
            {...props}
          />
        )}
      >
        {t('postReview.queue.toSchedule')}
      </Anchor>
    </Text>
  );
}
