import type { FactItemFull, FactRequestFull, Rubric, Topic } from '../../../shared/api/index.ts';

/** One group of the request: a topic of the plan, or the general questions (topic null). */
export interface FactGroup {
  key: string;
  topic: Topic | null;
  /** The item names a topic the plan no longer holds (moved to another month). */
  missingTopic: boolean;
  rubric: Rubric | undefined;
  items: FactItemFull[];
  progress: FactRequestFull['topics'][number] | undefined;
}

export const GENERAL = 'general';

/** Topics the meeting agreed on: the request asks about these. */
const agreed = (topic: Topic) => topic.status === 'accepted' || topic.status === 'changed';

/**
 * The request in the plan's order: every agreed topic (so the agency can ask about one the
 * draft has nothing for yet) and every topic an item is about, then the general group.
 */
export function groupItems(
  request: FactRequestFull,
  topics: Topic[],
  rubricById: Map<string, Rubric>,
  withEmpty: boolean,
): FactGroup[] {
  const byTopic = new Map<string, FactItemFull[]>();
  for (const item of request.items) {
    const key = item.topicId ?? GENERAL;
    byTopic.set(key, [...(byTopic.get(key) ?? []), item]);
  }
  const progress = new Map(request.topics.map((p) => [p.topicId, p]));
  const ordered = [...topics].sort((a, b) => a.position - b.position);
  const groups: FactGroup[] = [];
  const seen = new Set<string>();
  for (const topic of ordered) {
    const items = byTopic.get(topic.id) ?? [];
    if (items.length === 0 && !(withEmpty && agreed(topic))) continue;
    seen.add(topic.id);
    groups.push({
      key: topic.id,
      topic,
      missingTopic: false,
      rubric: topic.rubricId ? rubricById.get(topic.rubricId) : undefined,
      items,
      progress: progress.get(topic.id),
    });
  }
  for (const [key, items] of byTopic) {
    if (key === GENERAL || seen.has(key)) continue;
    groups.push({
      key,
      topic: null,
      missingTopic: true,
      rubric: undefined,
      items,
      progress: progress.get(key),
    });
  }
  const general = byTopic.get(GENERAL) ?? [];
  if (general.length > 0 || withEmpty) {
    groups.push({
      key: GENERAL,
      topic: null,
      missingTopic: false,
      rubric: undefined,
      items: general,
      progress: undefined,
    });
  }
  return groups;
}

export const reviewFilters = ['all', 'review', 'waiting', 'accepted'] as const;
export type ReviewFilter = (typeof reviewFilters)[number];

const filterStatuses: Record<Exclude<ReviewFilter, 'all'>, FactItemFull['status'][]> = {
  review: ['answered'],
  waiting: ['open', 'follow_up'],
  accepted: ['accepted'],
};

export const matchesFilter = (item: FactItemFull, filter: ReviewFilter) =>
  filter === 'all' || filterStatuses[filter].includes(item.status);

/** Still wanted from the client and past its due date (a local date of the client). */
export const isOverdue = (item: FactItemFull, today: string) =>
  (item.status === 'open' || item.status === 'follow_up') && item.dueOn !== null && item.dueOn < today;
