import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Executor } from '../db/connect.ts';
import { meetingParticipants, meetings, users } from '../db/schema/index.ts';
import { AppError, notFound } from '../errors.ts';
import { type CycleInClient, loadCycle } from '../planning/load.ts';
import { withinScope } from '../policies/scope.ts';

export type MeetingRow = typeof meetings.$inferSelect;
export interface MeetingInCycle extends CycleInClient {
  meeting: MeetingRow;
}

/**
 * A meeting the actor may see (through its cycle: 404 otherwise). With `lock`, the cycle row
 * and then the meeting row are locked, in that order, like every other change to a plan.
 */
export async function loadMeeting(
  db: Executor,
  actor: Actor,
  meetingId: string,
  lock = false,
): Promise<MeetingInCycle> {
  const [ref] = await db
    .select({ cycleId: meetings.cycleId })
    .from(meetings)
    .where(eq(meetings.id, meetingId));
  if (!ref || !withinScope(actor, { meetingId })) throw notFound();
  const found = await loadCycle(db, actor, ref.cycleId, lock);
  const query = db.select().from(meetings).where(eq(meetings.id, meetingId));
  const [meeting] = lock ? await query.for('update') : await query;
  if (!meeting) throw notFound();
  return { ...found, meeting };
}

/** The cycle's meeting (or fire-mode review), or null before one is scheduled; 404 for a cycle out of reach. */
export async function loadCycleMeeting(
  db: Executor,
  actor: Actor,
  cycleId: string,
): Promise<MeetingInCycle | null> {
  const found = await loadCycle(db, actor, cycleId);
  const [meeting] = await db.select().from(meetings).where(eq(meetings.cycleId, found.cycle.id));
  return meeting ? { ...found, meeting } : null;
}

type MeetingPolicy = (
  actor: Actor,
  client: MeetingInCycle['client'],
  cycle: MeetingInCycle['cycle'],
  meeting: MeetingRow,
) => boolean;

/** Load and lock a meeting for a change the policy must allow (403 otherwise). */
export async function loadMeetingForChange(
  db: Executor,
  actor: Actor,
  meetingId: string,
  allowed: MeetingPolicy,
) {
  const found = await loadMeeting(db, actor, meetingId, true);
  if (!allowed(actor, found.client, found.cycle, found.meeting)) throw new AppError('forbidden');
  return found;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Who is invited, agency side first, by name: for the meeting's view, its mail and its summary. */
export async function participantsOf(db: Executor, meetingId: string) {
  const rows = await db
    .select({ p: meetingParticipants, name: users.name, email: users.email })
    .from(meetingParticipants)
    .innerJoin(users, eq(users.id, meetingParticipants.userId))
    .where(eq(meetingParticipants.meetingId, meetingId))
    .orderBy(asc(meetingParticipants.side), asc(users.name));
  return rows.map(({ p, name, email }) => ({
    userId: p.userId,
    name,
    email,
    side: p.side,
    invitedAt: iso(p.invitedAt),
  }));
}
