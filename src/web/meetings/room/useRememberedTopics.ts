import { useMemo, useRef } from 'react';
import type { Decision, Topic } from '../../../shared/api/index.ts';
import { latestDecisions } from './labels.ts';

/**
 * Parking sends a topic to the client's reserve, out of this month's plan. The room keeps
 * showing the topics it saw parked in this meeting (as "in reserve"), so the list does not
 * lose them mid-discussion.
 */
export function useRememberedTopics(planTopics: readonly Topic[], decisions: readonly Decision[]): Topic[] {
  const seen = useRef(new Map<string, Topic>());
  return useMemo(() => {
    for (const topic of planTopics) seen.current.set(topic.id, topic);
    const inPlan = new Set(planTopics.map((x) => x.id));
    const parked: Topic[] = [];
    for (const [topicId, decision] of latestDecisions(decisions)) {
      const known = seen.current.get(topicId);
      if (decision.kind === 'park' && known && !inPlan.has(topicId)) {
        parked.push({ ...known, status: 'parked', slotId: null, cycleId: null });
      }
    }
    return [...[...planTopics].sort((a, b) => a.position - b.position), ...parked];
  }, [planTopics, decisions]);
}
