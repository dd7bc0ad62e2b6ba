import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { updateClientBody } from '../../../shared/api/clients.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { clients } from '../../db/schema/index.ts';
import { staleVersion } from '../../errors.ts';
import { recordEvent } from '../../events/recordEvent.ts';
import { transact } from '../../live/transact.ts';
import { canUpdateClient } from '../../policies/client.ts';
import { type ClientRow, loadClientForChange } from '../../tenancy.ts';

/** Reminder days without repeats, nearest to the due date last: the order they are sent in. */
const tidyReminders = (r: { before: number[]; after: number[] }) => ({
  before: [...new Set(r.before)].sort((a, b) => b - a),
  after: [...new Set(r.after)].sort((a, b) => a - b),
});

/**
 * Rename a client, change its time zone, stage deadlines, fact reminder days, internal review
 * of posts, the approval lead, the client's language or the month co-creation began. The event lists each change as from/to; a change
 * to nothing records nothing and keeps the version.
 */
export function editClient(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  clientId: string,
  input: z.output<typeof updateClientBody>,
): Promise<ClientRow> {
  return transact(ctx, async (tx) => {
    const current = await loadClientForChange(tx, actor, clientId, canUpdateClient);
    if (current.version !== input.version) throw staleVersion();
    const changes: Record<string, { from: string; to: string }> = {};
    const { name, timezone, stageDays, postInternalReview, approvalLeadDays, language, coCreationSince } =
      input;
    const factReminders = input.factReminders && tidyReminders(input.factReminders);
    if (name !== undefined && name !== current.name) changes.name = { from: current.name, to: name };
    if (timezone !== undefined && timezone !== current.timezone)
      changes.timezone = { from: current.timezone, to: timezone };
    const daysChanged =
      stageDays !== undefined && JSON.stringify(stageDays) !== JSON.stringify(current.stageDays);
    if (daysChanged)
      changes.stageDays = { from: JSON.stringify(current.stageDays), to: JSON.stringify(stageDays) };
    if (factReminders && JSON.stringify(factReminders) !== JSON.stringify(current.factReminders))
      changes.factReminders = {
        from: JSON.stringify(current.factReminders),
        to: JSON.stringify(factReminders),
      };
    if (postInternalReview !== undefined && postInternalReview !== current.postInternalReview)
      changes.postInternalReview = {
        from: String(current.postInternalReview),
        to: String(postInternalReview),
      };
    if (approvalLeadDays !== undefined && approvalLeadDays !== current.approvalLeadDays)
      changes.approvalLeadDays = { from: String(current.approvalLeadDays), to: String(approvalLeadDays) };
    if (language !== undefined && language !== current.language)
      changes.language = { from: current.language, to: language };
    if (coCreationSince !== undefined && coCreationSince !== current.coCreationSince)
      changes.coCreationSince = { from: String(current.coCreationSince), to: String(coCreationSince) };
    if (Object.keys(changes).length === 0) return current;
    const [row] = await tx
      .update(clients)
      .set({
        name: name ?? current.name,
        timezone: timezone ?? current.timezone,
        stageDays: stageDays ?? current.stageDays,
        factReminders: factReminders ?? current.factReminders,
        postInternalReview: postInternalReview ?? current.postInternalReview,
        approvalLeadDays: approvalLeadDays ?? current.approvalLeadDays,
        language: language ?? current.language,
        coCreationSince: coCreationSince === undefined ? current.coCreationSince : coCreationSince,
        version: current.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(clients.id, current.id))
      .returning();
    await recordEvent(tx, actor.user, {
      agencyId: current.agencyId,
      clientId: current.id,
      type: 'client.updated',
      subjectType: 'client',
      subjectId: current.id,
      data: { changes },
    });
    return row!;
  });
}
