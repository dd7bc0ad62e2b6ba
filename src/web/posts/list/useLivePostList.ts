import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useLiveRooms } from '../../live/useLiveRooms.ts';
import { usePlanData } from '../../planning/PlanContext.tsx';
import { postKeys } from '../queries.ts';

/** A burst of events (a bulk approval) refetches once. */
const SETTLE_MS = 200;

/**
 * Keeps the month's posts current while the tab is open: a post sent, approved or commented
 * on by someone else shows within a second, in the queue and the counts.
 */
export function useLivePostList(): void {
  const { plan, cycle } = usePlanData();
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useLiveRooms(plan.rooms, (event) => {
    // null: events may have been missed; otherwise only post events of this month matter.
    if (
      event &&
      (event.subjectType !== 'post' || !('cycleId' in event.data) || event.data.cycleId !== cycle.id)
    )
      return;
    clearTimeout(timer.current);
    timer.current = setTimeout(
      () => void queryClient.invalidateQueries({ queryKey: postKeys.list(cycle.id) }),
      SETTLE_MS,
    );
  });
}
