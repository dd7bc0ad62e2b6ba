import { and, eq, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { decisionBody } from '../../shared/api/meetings.ts';
import type { Actor } from '../auth/actor.ts';
import type { Executor } from '../db/connect.ts';
import { slots, topicDecisions, topics } from '../db/schema/index.ts';
import { AppError, notFound, staleVersion } from '../errors.ts';
import { parkTopic } from '../planning/parkTopic.ts';
import { sideOf } from '../policies/meeting.ts';
import type { MeetingInCycle } from './load.ts';

type Body = z.infer<typeof decisionBody>;

/**
 * Apply a decision to a topic of the meeting's plan and record who took it. The topic's
 * version guards against deciding on something that changed meanwhile (409).
 */
export async function decide(tx: Executor, actor: Actor, found: MeetingInCycle, body: Body) {
  const { cycle, meeting } = found;
  const [topic] = await tx
    .select()
    .from(topics)
    .where(and(eq(topics.id, body.topicId), eq(topics.cycleId, cycle.id)))
    .for('update');
  if (!topic) throw notFound();
  if (topic.version !== body.topicVersion) throw staleVersion();

  const touch = { version: topic.version + 1, updatedAt: new Date() };
  let slotId: string | null = null;
  switch (body.kind) {
    case 'accept':
      await tx
        .update(topics)
        .set({ ...touch, status: 'accepted' })
        .where(eq(topics.id, topic.id));
      break;
    case 'change':
      await tx
        .update(topics)
        .set({ ...touch, status: 'changed' })
        .where(eq(topics.id, topic.id));
      break;
    case 'park':
      await parkTopic(tx, topic, cycle.id);
      break;
    case 'drop':
      await tx
        .update(slots)
        .set({ topicId: null, version: sql`${slots.version} + 1` })
        .where(eq(slots.topicId, topic.id));
      await tx
        .update(topics)
        .set({ ...touch, status: 'dropped' })
        .where(eq(topics.id, topic.id));
      break;
    case 'move': {
      const [slot] = await tx
        .select()
        .from(slots)
        .where(and(eq(slots.id, body.slotId!), eq(slots.cycleId, cycle.id)))
        .for('update');
      if (!slot) throw notFound();
      if (slot.topicId && slot.topicId !== topic.id) throw new AppError('slot_taken');
      await tx
        .update(slots)
        .set({ topicId: null, version: sql`${slots.version} + 1` })
        .where(and(eq(slots.topicId, topic.id), ne(slots.id, slot.id)));
      await tx
        .update(slots)
        .set({ topicId: topic.id, version: slot.version + 1 })
        .where(eq(slots.id, slot.id));
      // Moving a proposed topic to a slot agrees it there; a changed one stays "changed".
      const status = topic.status === 'proposed' || topic.status === 'dropped' ? 'accepted' : topic.status;
      await tx
        .update(topics)
        .set({ ...touch, status })
        .where(eq(topics.id, topic.id));
      slotId = slot.id;
      break;
    }
  }
  const [row] = await tx
    .insert(topicDecisions)
    .values({
      meetingId: meeting.id,
      topicId: topic.id,
      kind: body.kind,
      note: body.note,
      slotId,
      decidedById: actor.user.id,
      decidedByName: actor.user.name,
      side: sideOf(actor, found.client),
    })
    .returning();
  return { decision: row!, topic };
}
