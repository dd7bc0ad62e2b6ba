import { eq } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import type { Executor } from '../../db/connect.ts';
import { agendaItems } from '../../db/schema/index.ts';
import { AppError, notFound, staleVersion } from '../../errors.ts';
import { loadMeetingForChange } from '../../meetings/load.ts';
import { canRunMeeting } from '../../policies/meeting.ts';

export type AgendaItemRow = typeof agendaItems.$inferSelect;

/** The agenda belongs to the agency: it edits it before and during the meeting, not after. */
export async function agendaOf(tx: Executor, actor: Actor, meetingId: string) {
  const found = await loadMeetingForChange(tx, actor, meetingId, (a, client, cycle) =>
    canRunMeeting(a, client, cycle),
  );
  if (found.meeting.status === 'ended')
    throw new AppError('conflict', { message: 'This meeting has ended.' });
  return found;
}

/** Lock an agenda item for a change, after its meeting; with a version, a stale one answers 409. */
export async function itemForChange(tx: Executor, actor: Actor, itemId: string, version?: number) {
  const [ref] = await tx
    .select({ meetingId: agendaItems.meetingId })
    .from(agendaItems)
    .where(eq(agendaItems.id, itemId));
  if (!ref) throw notFound();
  const found = await agendaOf(tx, actor, ref.meetingId);
  const [item] = await tx.select().from(agendaItems).where(eq(agendaItems.id, itemId)).for('update');
  if (!item) throw notFound();
  if (version !== undefined && item.version !== version) throw staleVersion();
  return { found, item };
}
