import { asc, eq, inArray } from 'drizzle-orm';
import type { RoomMember } from '../../shared/live.ts';
import type { Side } from '../../shared/roles.ts';
import type { Executor } from '../db/connect.ts';
import { meetingAttendance, reviewComments, topicDecisions, users } from '../db/schema/index.ts';

/** Count people in as having come to the meeting; someone already counted keeps their first join. */
export async function recordAttendance(db: Executor, meetingId: string, people: RoomMember[]): Promise<void> {
  if (people.length === 0) return;
  await db
    .insert(meetingAttendance)
    .values(people.map((p) => ({ meetingId, userId: p.userId, side: p.side })))
    .onConflictDoNothing();
}

export interface Attendee {
  userId: string;
  name: string;
  side: Side;
}

/**
 * Who was there: everyone admitted into the room while it was live, and whoever decided on a
 * topic or commented in the fire-mode review (both only possible while it is on; a written
 * review has no room to join). Agency side first, by name.
 */
export async function attendeesOf(db: Executor, meetingId: string): Promise<Attendee[]> {
  const [joined, deciders, commenters] = await Promise.all([
    db
      .select({ userId: meetingAttendance.userId, side: meetingAttendance.side })
      .from(meetingAttendance)
      .where(eq(meetingAttendance.meetingId, meetingId)),
    db
      .selectDistinct({ userId: topicDecisions.decidedById, side: topicDecisions.side })
      .from(topicDecisions)
      .where(eq(topicDecisions.meetingId, meetingId)),
    db
      .selectDistinct({ userId: reviewComments.authorId, side: reviewComments.side })
      .from(reviewComments)
      .where(eq(reviewComments.meetingId, meetingId)),
  ]);
  const sideOf = new Map<string, Side>();
  for (const row of [...joined, ...deciders, ...commenters]) {
    if (row.userId && !sideOf.has(row.userId)) sideOf.set(row.userId, row.side);
  }
  if (sideOf.size === 0) return [];
  const people = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, [...sideOf.keys()]))
    .orderBy(asc(users.name));
  return people
    .filter((u) => sideOf.has(u.id))
    .map((u) => ({ userId: u.id, name: u.name, side: sideOf.get(u.id)! }))
    .sort((a, b) => (a.side === b.side ? 0 : a.side === 'agency' ? -1 : 1));
}
