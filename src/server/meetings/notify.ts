import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Executor } from '../db/connect.ts';
import { clientMembers, notifications } from '../db/schema/index.ts';
import { notify } from '../notifications/notify.ts';
import type { MeetingInCycle } from './load.ts';

const openedKinds = ['meeting_live', 'review_opened'] as const;

/**
 * The meeting went live (or the fire-mode review opened): every contact of the client is told,
 * in the bell and by email, with their own meeting link. Those already invited to a fire-mode
 * review get its invitation (meetings/mail.ts), so their entry is not mailed twice.
 */
export async function notifyMeetingOpened(
  tx: Executor,
  actor: Actor,
  found: MeetingInCycle,
  invitedByEmail: string[],
): Promise<void> {
  const { meeting, client, cycle } = found;
  const contacts = await tx
    .select({ id: clientMembers.userId })
    .from(clientMembers)
    .where(eq(clientMembers.clientId, client.id));
  const people = contacts.map((c) => c.id).filter((id) => id !== actor.user.id);
  const input = {
    kind: meeting.format === 'async' ? ('review_opened' as const) : ('meeting_live' as const),
    agencyId: client.agencyId,
    data: {
      clientId: client.id,
      clientName: client.name,
      month: cycle.month,
      by: actor.user.name,
      timezone: client.timezone,
      meetingId: meeting.id,
      linkKind: 'meeting',
      subjectId: meeting.id,
      // The banner shows entries still open; ending the meeting sets this to 0.
      open: 1,
    },
    link: `/meetings/${meeting.id}`,
  };
  const invited = new Set(invitedByEmail);
  await notify(
    tx,
    people.filter((id) => !invited.has(id)),
    { ...input, email: true },
  );
  await notify(
    tx,
    people.filter((id) => invited.has(id)),
    input,
  );
}

/** The meeting ended: its "live" entries stay in the bell, but no banner offers to join it. */
export async function closeMeetingNotifications(tx: Executor, meetingId: string): Promise<void> {
  await tx
    .update(notifications)
    .set({ data: sql`${notifications.data} || '{"open":0}'::jsonb`, emailPending: false })
    .where(
      and(
        inArray(notifications.kind, [...openedKinds]),
        sql`${notifications.data}->>'meetingId' = ${meetingId}`,
      ),
    );
}
