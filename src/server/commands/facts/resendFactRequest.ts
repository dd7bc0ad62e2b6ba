import { and, eq, gt, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { ResentFactRequest, resendFactRequestBody } from '../../../shared/api/facts.ts';
import type { Actor } from '../../auth/actor.ts';
import type { WorkContext } from '../../context.ts';
import { factRequestSendings } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { recordFactEvent } from '../../facts/event.ts';
import { loadFactRequest } from '../../facts/load.ts';
import { contactsOf, deliverAll, keepFactRequestMail } from '../../facts/mail.ts';
import { transact } from '../../live/transact.ts';
import { canEditFactRequest, canResendFactRequest } from '../../policies/facts.ts';

/** A contact is not mailed the same request twice within this long: a double click, a colleague's second try. */
export const RESEND_GAP_MS = 5 * 60_000;

/**
 * Send the request again, to the contacts named or to all: the email of the first sending, each
 * with a fresh scoped link (the old one may be lost, or sit in a mailbox nobody reads). Contacts
 * who got it within the last few minutes are skipped; when nobody is left, it is refused.
 */
export async function resendFactRequest(
  ctx: WorkContext,
  actor: Actor,
  requestId: string,
  input: z.output<typeof resendFactRequestBody>,
): Promise<ResentFactRequest> {
  const { result, mails } = await transact(ctx, async (tx) => {
    // Locked: two managers re-sending at once take turns, and the second sees the first's sending.
    const found = await loadFactRequest(tx, actor, requestId, canEditFactRequest);
    if (!canResendFactRequest(actor, found.client, found.cycle, found.request)) {
      throw new AppError('fact_request_not_out');
    }
    const contacts = (await contactsOf(tx, found.client.id)).map((c) => c.id);
    const unknown = (input.contactIds ?? []).filter((id) => !contacts.includes(id));
    if (unknown.length > 0) {
      throw new AppError('validation_failed', {
        fields: { contactIds: `Not a contact of ${found.client.name}: ${unknown.join(', ')}` },
      });
    }
    const wanted = input.contactIds ? [...new Set(input.contactIds)] : contacts;
    const recent = new Set(
      wanted.length === 0
        ? []
        : (
            await tx
              .selectDistinct({ userId: factRequestSendings.userId })
              .from(factRequestSendings)
              .where(
                and(
                  eq(factRequestSendings.requestId, found.request.id),
                  inArray(factRequestSendings.userId, wanted),
                  gt(factRequestSendings.sentAt, new Date(Date.now() - RESEND_GAP_MS)),
                ),
              )
          ).map((r) => r.userId),
    );
    const sentTo = wanted.filter((id) => !recent.has(id));
    if (sentTo.length === 0) {
      throw new AppError('fact_request_resent_recently', {
        headers: { 'retry-after': String(RESEND_GAP_MS / 1000) },
      });
    }
    await recordFactEvent(tx, actor, found, 'fact_request.resent', { contacts: sentTo.length });
    const mails = await keepFactRequestMail(tx, ctx, actor, found, sentTo);
    return { result: { sentTo, skipped: [...recent] }, mails };
  });
  await deliverAll(ctx, mails);
  return result;
}
