import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { createAgendaItemBody } from '../../../shared/api/meetings.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { agendaItems } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { transact } from '../../live/transact.ts';
import { recordMeetingEvent } from '../../meetings/event.ts';
import { type AgendaItemRow, agendaOf } from './agendaScope.ts';

/** Add an agenda item after a given one (halfway between it and the next), or at the end. */
export function addAgendaItem(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  meetingId: string,
  input: z.output<typeof createAgendaItemBody>,
): Promise<AgendaItemRow> {
  return transact(ctx, async (tx) => {
    const found = await agendaOf(tx, actor, meetingId);
    const items = await tx
      .select()
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, found.meeting.id))
      .orderBy(asc(agendaItems.position));
    const at = input.after ? items.findIndex((i) => i.id === input.after) : items.length - 1;
    if (input.after && at < 0)
      throw new AppError('validation_failed', { fields: { after: 'Not an item of this agenda' } });
    const before = items[at]?.position ?? 0;
    const next = items[at + 1]?.position;
    const position = next === undefined ? before + 1 : (before + next) / 2;
    const [row] = await tx
      .insert(agendaItems)
      .values({
        meetingId: found.meeting.id,
        kind: input.kind,
        title: input.title,
        minutes: input.minutes,
        position,
      })
      .returning();
    await recordMeetingEvent(tx, actor, found, 'agenda.changed', { itemId: row!.id });
    return row!;
  });
}
