import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  agendaItem,
  meeting as meetingShape,
  question,
  reviewComment,
  summary as summaryShape,
} from '../../shared/api/meetings.ts';
import type { Reaction } from '../../shared/roles.ts';
import { localParts } from '../../shared/time.ts';
import type { Actor } from '../auth/actor.ts';
import type { Executor } from '../db/connect.ts';
import {
  agendaItems,
  meetingQuestions,
  reviewComments,
  topicDecisions,
  topicReactions,
  topics,
  topicVotes,
} from '../db/schema/index.ts';
import { loadMeeting, type MeetingInCycle, participantsOf } from '../meetings/load.ts';
import { meetingAbilities } from '../policies/meeting.ts';
import { presentTopic } from './plan.ts';

type Meeting = z.infer<typeof meetingShape>;

const iso = (d: Date | null) => d?.toISOString() ?? null;

export const presentAgendaItem = (a: typeof agendaItems.$inferSelect): z.infer<typeof agendaItem> => ({
  id: a.id,
  kind: a.kind,
  title: a.title,
  minutes: a.minutes,
  position: a.position,
  version: a.version,
});

export const presentQuestion = (q: typeof meetingQuestions.$inferSelect): z.infer<typeof question> => ({
  id: q.id,
  topicId: q.topicId,
  text: q.text,
  askedByName: q.askedByName,
  side: q.side,
  status: q.status,
  answer: q.answer,
  answeredByName: q.answeredByName,
  answeredAt: iso(q.answeredAt),
  version: q.version,
  createdAt: q.createdAt.toISOString(),
});

export const presentReviewComment = (
  c: typeof reviewComments.$inferSelect,
): z.infer<typeof reviewComment> => ({
  id: c.id,
  subjectType: c.subjectType,
  subjectId: c.subjectId,
  body: c.body,
  verdict: c.verdict,
  authorName: c.authorName,
  side: c.side,
  createdAt: c.createdAt.toISOString(),
});

/** Votes and reactions per topic: everyone's totals and the actor's own. */
async function talliesOf(db: Executor, meetingId: string, userId: string) {
  const votes = await db.select().from(topicVotes).where(eq(topicVotes.meetingId, meetingId));
  const reacted = await db.select().from(topicReactions).where(eq(topicReactions.meetingId, meetingId));
  const byTopic = new Map<string, Meeting['tallies'][number]>();
  const of = (topicId: string) => {
    let t = byTopic.get(topicId);
    if (!t) {
      t = { topicId, dots: 0, myDots: 0, reactions: {}, myReactions: [] };
      byTopic.set(topicId, t);
    }
    return t;
  };
  for (const v of votes) {
    const t = of(v.topicId);
    t.dots += v.dots;
    if (v.userId === userId) t.myDots = v.dots;
  }
  for (const r of reacted) {
    const t = of(r.topicId);
    t.reactions[r.reaction as Reaction] = (t.reactions[r.reaction as Reaction] ?? 0) + 1;
    if (r.userId === userId) t.myReactions.push(r.reaction);
  }
  return [...byTopic.values()];
}

/** The whole meeting as one person sees it, with what they may do. */
export async function presentMeeting(db: Executor, actor: Actor, found: MeetingInCycle): Promise<Meeting> {
  const { meeting: m, client, cycle } = found;
  const local = localParts(m.startsAt, client.timezone);
  const [participants, agenda, tallies, decisions, questions, comments] = await Promise.all([
    participantsOf(db, m.id),
    db.select().from(agendaItems).where(eq(agendaItems.meetingId, m.id)).orderBy(asc(agendaItems.position)),
    talliesOf(db, m.id, actor.user.id),
    db
      .select()
      .from(topicDecisions)
      .where(eq(topicDecisions.meetingId, m.id))
      .orderBy(asc(topicDecisions.createdAt)),
    db
      .select()
      .from(meetingQuestions)
      .where(eq(meetingQuestions.meetingId, m.id))
      .orderBy(asc(meetingQuestions.createdAt)),
    db
      .select()
      .from(reviewComments)
      .where(eq(reviewComments.meetingId, m.id))
      .orderBy(asc(reviewComments.createdAt)),
  ]);
  // Parked topics left the plan for the reserve; the room still shows what happened to them.
  const inPlan = new Set(
    (await db.select({ id: topics.id }).from(topics).where(eq(topics.cycleId, cycle.id))).map((t) => t.id),
  );
  const leftIds = [...new Set(decisions.map((d) => d.topicId))].filter((id) => !inPlan.has(id));
  const parkedTopics = leftIds.length
    ? (
        await db
          .select()
          .from(topics)
          .where(and(inArray(topics.id, leftIds), eq(topics.status, 'parked')))
      ).map((t) => presentTopic(t, null))
    : [];
  return {
    id: m.id,
    cycleId: m.cycleId,
    clientId: m.clientId,
    format: m.format,
    fireMode: m.format === 'async',
    status: m.status,
    date: local.date,
    time: local.time,
    startsAt: m.startsAt.toISOString(),
    durationMinutes: m.durationMinutes,
    callLink: m.callLink,
    place: m.place,
    voteBudget: m.voteBudget,
    facilitatorId: m.facilitatorId,
    facilitatorName: m.facilitatorName,
    focus: m.focus ?? null,
    timer: m.timer ?? null,
    startedAt: iso(m.startedAt),
    endedAt: iso(m.endedAt),
    version: m.version,
    participants,
    agenda: agenda.map(presentAgendaItem),
    tallies,
    parkedTopics,
    decisions: decisions.map((d) => ({
      id: d.id,
      topicId: d.topicId,
      kind: d.kind,
      note: d.note,
      slotId: d.slotId,
      decidedByName: d.decidedByName,
      side: d.side,
      createdAt: d.createdAt.toISOString(),
    })),
    questions: questions.map(presentQuestion),
    comments: comments.map(presentReviewComment),
    summary: (m.summary as z.infer<typeof summaryShape> | null) ?? null,
    serverNow: new Date().toISOString(),
    abilities: meetingAbilities(actor, client, cycle, m),
  };
}

/** The meeting read again (after a change, or on request), as this person sees it. */
export async function presentMeetingFor(db: Executor, actor: Actor, meetingId: string): Promise<Meeting> {
  return presentMeeting(db, actor, await loadMeeting(db, actor, meetingId));
}
