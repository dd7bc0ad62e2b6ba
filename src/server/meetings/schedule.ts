import { and, eq, inArray } from 'drizzle-orm';
import type { AgendaKind } from '../../shared/roles.ts';
import type { Executor } from '../db/connect.ts';
import { agencyMembers, agendaItems, clientMembers, meetingParticipants } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import type { ClientRow } from '../tenancy.ts';

/**
 * The agenda the article walks: the client's news and plans first (they change what the plan
 * should say), the schedule at a glance, the topics one by one, "what if", questions, wrap-up.
 * Time boxes fit a 90-minute meeting; the topics get the most.
 */
const standard: Array<[AgendaKind, number]> = [
  ['news', 15],
  ['schedule', 10],
  ['topics', 35],
  ['contingencies', 15],
  ['questions', 10],
  ['wrapup', 5],
];

export async function addStandardAgenda(
  tx: Executor,
  meetingId: string,
  totalMinutes: number,
): Promise<void> {
  const scale = totalMinutes / 90;
  await tx.insert(agendaItems).values(
    standard.map(([kind, minutes], i) => ({
      meetingId,
      kind,
      title: '',
      minutes: Math.max(1, Math.round(minutes * scale)),
      position: i + 1,
    })),
  );
}

/**
 * Participants must come from the two sides of this client: its agency's members and its own
 * contacts. Anyone else is refused (400), the same answer whether the person exists or not.
 */
export async function sidesOf(tx: Executor, client: ClientRow, userIds: string[]) {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return [];
  const team = await tx
    .select({ userId: agencyMembers.userId })
    .from(agencyMembers)
    .where(and(eq(agencyMembers.agencyId, client.agencyId), inArray(agencyMembers.userId, ids)));
  const contacts = await tx
    .select({ userId: clientMembers.userId })
    .from(clientMembers)
    .where(and(eq(clientMembers.clientId, client.id), inArray(clientMembers.userId, ids)));
  const side = new Map<string, 'agency' | 'client'>();
  for (const c of contacts) side.set(c.userId, 'client');
  for (const t of team) side.set(t.userId, 'agency');
  const unknown = ids.filter((id) => !side.has(id));
  if (unknown.length > 0) {
    throw new AppError('validation_failed', {
      message: 'Participants come from the agency or from this client’s contacts.',
      fields: { participantIds: `Not a member or contact: ${unknown.join(', ')}` },
    });
  }
  return ids.map((userId) => ({ userId, side: side.get(userId)! }));
}

/** Replace the participant list; returns who is new (they get an invitation). */
export async function setParticipants(
  tx: Executor,
  meetingId: string,
  wanted: Array<{ userId: string; side: 'agency' | 'client' }>,
): Promise<string[]> {
  const before = await tx
    .select({ userId: meetingParticipants.userId })
    .from(meetingParticipants)
    .where(eq(meetingParticipants.meetingId, meetingId));
  const had = new Set(before.map((b) => b.userId));
  const keep = new Set(wanted.map((w) => w.userId));
  const gone = [...had].filter((id) => !keep.has(id));
  if (gone.length > 0) {
    await tx
      .delete(meetingParticipants)
      .where(and(eq(meetingParticipants.meetingId, meetingId), inArray(meetingParticipants.userId, gone)));
  }
  const added = wanted.filter((w) => !had.has(w.userId));
  if (added.length > 0) await tx.insert(meetingParticipants).values(added.map((a) => ({ ...a, meetingId })));
  return added.map((a) => a.userId);
}
