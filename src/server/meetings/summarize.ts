import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { MeetingSummary } from '../../shared/api/meetings.ts';
import { localParts } from '../../shared/time.ts';
import type { Executor } from '../db/connect.ts';
import {
  channels,
  clientPlans,
  contingencies,
  events,
  meetingQuestions,
  reviewComments,
  slots,
  topicDecisions,
  topics,
  topicVotes,
} from '../db/schema/index.ts';
import { attendeesOf } from './attendance.ts';
import { type MeetingInCycle, participantsOf } from './load.ts';

const channelLabel = sql<string>`${channels.network} || ' ' || ${channels.handle}`;

/**
 * What the meeting (or the fire-mode review) left behind, frozen when it ends: the agreed
 * schedule and topics with the changes, what was parked, dropped and newly proposed, the
 * client's plans with their "what if" answers, the questions, the comments, the notes.
 */
export async function summarize(
  db: Executor,
  found: MeetingInCycle,
  notes: string[],
  now = new Date(),
): Promise<MeetingSummary> {
  const { meeting, cycle, client } = found;
  const decisions = await db
    .select()
    .from(topicDecisions)
    .where(eq(topicDecisions.meetingId, meeting.id))
    .orderBy(asc(topicDecisions.createdAt));
  const latest = new Map(decisions.map((d) => [d.topicId, d]));
  const decidedIds = [...latest.keys()];

  const inPlan = await db
    .select()
    .from(topics)
    .where(eq(topics.cycleId, cycle.id))
    .orderBy(asc(topics.position));
  const decidedElsewhere = decidedIds.length
    ? await db.select().from(topics).where(inArray(topics.id, decidedIds))
    : [];
  const byId = new Map([...inPlan, ...decidedElsewhere].map((t) => [t.id, t]));

  const slotRows = await db
    .select({ slot: slots, channel: channelLabel })
    .from(slots)
    .innerJoin(channels, eq(channels.id, slots.channelId))
    .where(eq(slots.cycleId, cycle.id))
    .orderBy(asc(slots.startsAt));
  const slotOf = new Map(slotRows.filter((r) => r.slot.topicId).map((r) => [r.slot.topicId!, r]));

  const votes = await db.select().from(topicVotes).where(eq(topicVotes.meetingId, meeting.id));
  const dots = new Map<string, number>();
  for (const v of votes) dots.set(v.topicId, (dots.get(v.topicId) ?? 0) + v.dots);

  const agreed = inPlan
    .filter((t) => t.status === 'accepted' || t.status === 'changed')
    .map((t) => {
      const placed = slotOf.get(t.id);
      const local = placed ? localParts(placed.slot.startsAt, client.timezone) : null;
      const d = latest.get(t.id);
      return {
        topicId: t.id,
        title: t.title,
        status: t.status,
        change:
          t.status === 'changed'
            ? (decisions.filter((x) => x.topicId === t.id && x.kind === 'change').at(-1)?.note ?? '')
            : (d?.note ?? ''),
        slot:
          placed && local
            ? { date: local.date, time: local.time, channel: placed.channel, format: placed.slot.format }
            : null,
        votes: dots.get(t.id) ?? 0,
      };
    })
    .sort((a, b) =>
      `${a.slot?.date ?? '9'}${a.slot?.time ?? ''}`.localeCompare(
        `${b.slot?.date ?? '9'}${b.slot?.time ?? ''}`,
      ),
    );

  const ofKind = (kind: 'park' | 'drop') =>
    [...latest.values()]
      .filter((d) => d.kind === kind)
      .map((d) => ({ topicId: d.topicId, title: byId.get(d.topicId)?.title ?? '', note: d.note }));

  const plans = await db
    .select()
    .from(clientPlans)
    .where(eq(clientPlans.cycleId, cycle.id))
    .orderBy(asc(clientPlans.startsOn));
  const answers = plans.length
    ? await db
        .select({ c: contingencies, channel: channelLabel })
        .from(contingencies)
        .leftJoin(channels, eq(channels.id, contingencies.channelId))
        .where(
          inArray(
            contingencies.planId,
            plans.map((p) => p.id),
          ),
        )
        .orderBy(asc(contingencies.createdAt))
    : [];

  const questions = await db
    .select()
    .from(meetingQuestions)
    .where(eq(meetingQuestions.meetingId, meeting.id))
    .orderBy(asc(meetingQuestions.createdAt));
  const comments = await db
    .select()
    .from(reviewComments)
    .where(and(eq(reviewComments.meetingId, meeting.id)))
    .orderBy(asc(reviewComments.createdAt));
  const subjectName = (type: string, id: string) => {
    if (type === 'topic') return byId.get(id)?.title ?? '';
    const s = slotRows.find((r) => r.slot.id === id);
    if (!s) return '';
    const local = localParts(s.slot.startsAt, client.timezone);
    return `${local.date} ${local.time} · ${s.channel}`;
  };

  const invited = await participantsOf(db, meeting.id);
  const came = await attendeesOf(db, meeting.id);
  const cameIds = new Set(came.map((p) => p.userId));

  return {
    startedAt: meeting.startedAt?.toISOString() ?? null,
    endedAt: now.toISOString(),
    fireMode: meeting.format === 'async',
    agreed,
    parked: ofKind('park'),
    dropped: ofKind('drop'),
    ideas: await ideasOf(db, found),
    plans: plans.map((p) => ({
      title: p.title,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      likelihood: p.likelihood,
      notes: p.notes,
      contingencies: answers
        .filter((a) => a.c.planId === p.id)
        .map((a) => ({ concept: a.c.concept, trigger: a.c.trigger, channel: a.channel, format: a.c.format })),
    })),
    questions: questions.map((q) => ({
      text: q.text,
      status: q.status,
      answer: q.answer,
      topicTitle: q.topicId ? (byId.get(q.topicId)?.title ?? null) : null,
    })),
    comments: comments.map((c) => ({
      subject: subjectName(c.subjectType, c.subjectId),
      body: c.body,
      verdict: c.verdict,
      authorName: c.authorName,
    })),
    notes,
    participants: came.map((p) => ({ name: p.name, side: p.side })),
    absent: invited.filter((p) => !cameIds.has(p.userId)).map((p) => ({ name: p.name, side: p.side })),
  };
}

/**
 * The ideas put forward for this meeting, each once, in the order they came: the topics its
 * `meeting.idea_added` events name, wherever they are now (in the plan, parked, dropped). A
 * topic that came from an earlier month's meeting and was pulled from the reserve into this
 * plan is not a new idea here, though its source says "meeting".
 */
async function ideasOf(db: Executor, { meeting, client }: MeetingInCycle) {
  const added = await db
    .select({ topicId: sql<string>`${events.data} ->> 'topicId'` })
    .from(events)
    .where(
      and(
        eq(events.clientId, client.id),
        eq(events.type, 'meeting.idea_added'),
        eq(events.subjectId, meeting.id),
      ),
    )
    .orderBy(asc(events.id));
  const ids = [...new Set(added.map((a) => a.topicId))];
  if (ids.length === 0) return [];
  const rows = await db.select().from(topics).where(inArray(topics.id, ids));
  const byId = new Map(rows.map((t) => [t.id, t]));
  return ids.flatMap((id) => {
    const t = byId.get(id);
    return t ? [{ topicId: t.id, title: t.title, authorName: t.authorName }] : [];
  });
}
