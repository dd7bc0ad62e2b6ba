import { useMemo } from 'react';
import type { Topic } from '../../../shared/api/index.ts';

/**
 * Parking sends a topic to the client's reserve, out of this month's plan. The room keeps
 * showing the topics parked in this meeting (the server lists them with the meeting), after
 * the plan's own, so the list does not lose them mid-discussion or after a reload.
 */
export function useRememberedTopics(planTopics: readonly Topic[], parkedTopics: readonly Topic[]): Topic[] {
  return useMemo(() => {
    const inPlan = new Set(planTopics.map((x) => x.id));
    return [
      ...[...planTopics].sort((a, b) => a.position - b.position),
      ...parkedTopics.filter((x) => !inPlan.has(x.id)),
    ];
  }, [planTopics, parkedTopics]);
}
