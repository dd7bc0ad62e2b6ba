import type { Decision, Meeting, Plan, ReviewComment, Slot, Topic } from '../../../shared/api/index.ts';
import type { Side } from '../../../shared/roles.ts';

/** One thing the client reviews: a slot with its topic, a free slot, or a topic without a slot. */
export interface ReviewItem {
  key: string;
  /** Comments go to the topic when there is one (that is what people recognise), else the slot. */
  subjectType: 'topic' | 'slot';
  subjectId: string;
  slot: Slot | null;
  topic: Topic | null;
  comments: ReviewComment[];
  /** The client's latest accept / changes. */
  verdict: 'accept' | 'changes' | null;
  /** The decision in force for the topic. */
  decision: Decision | null;
  reviewed: boolean;
}

const byDateTime = (a: Slot, b: Slot) => `${a.date} ${a.time}`.localeCompare(`${b.date} ${b.time}`);

export function reviewItems(
  plan: Plan,
  meeting: Meeting,
): { scheduled: ReviewItem[]; unplaced: ReviewItem[] } {
  const topicById = new Map(plan.topics.map((t) => [t.id, t]));
  const decisionOf = new Map(meeting.decisions.map((d) => [d.topicId, d]));
  const item = (slot: Slot | null, topic: Topic | null): ReviewItem => {
    const comments = meeting.comments.filter(
      (c) =>
        (slot && c.subjectType === 'slot' && c.subjectId === slot.id) ||
        (topic && c.subjectType === 'topic' && c.subjectId === topic.id),
    );
    const verdict = comments.filter((c) => c.side === 'client' && c.verdict).at(-1)?.verdict ?? null;
    const decision = topic ? (decisionOf.get(topic.id) ?? null) : null;
    return {
      key: slot ? `slot-${slot.id}` : `topic-${topic!.id}`,
      subjectType: topic ? 'topic' : 'slot',
      subjectId: topic ? topic.id : slot!.id,
      slot,
      topic,
      comments,
      verdict,
      decision,
      reviewed: verdict !== null || (topic !== null && topic.status !== 'proposed'),
    };
  };
  const scheduled = [...plan.slots]
    .sort(byDateTime)
    .map((s) => item(s, s.topicId ? (topicById.get(s.topicId) ?? null) : null));
  const unplaced = plan.topics
    .filter((t) => !t.slotId && t.status !== 'parked')
    .sort((a, b) => a.position - b.position)
    .map((t) => item(null, t));
  return { scheduled, unplaced };
}

/** Whole days from today to the deadline in the client's calendar; negative once it has passed. */
export function daysUntil(deadline: string, today: string): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** Which side the viewer speaks for: as invited, else by whether they belong to an agency. */
export function viewerSide(meeting: Meeting, userId: string | undefined, inAgency: boolean): Side {
  return meeting.participants.find((p) => p.userId === userId)?.side ?? (inAgency ? 'agency' : 'client');
}
