import { asc, inArray } from 'drizzle-orm';
import { emailMagicLink } from '../commands/accounts/emailMagicLink.ts';
import { emailPasswordResetLink } from '../commands/accounts/emailPasswordResetLink.ts';
import type { WorkContext } from '../context.ts';
import type { Tx } from '../db/connect.ts';
import { linkRequests } from '../db/schema/index.ts';

/** A request the worker reaches later than this (it was down) is dropped: the person gave up. */
const STALE_AFTER_MS = 60 * 60_000;

/**
 * Turn link requests into emails, one request per transaction: claimed with SKIP LOCKED and
 * deleted in the transaction that issues its token and queues its email, so two workers never
 * handle one request, and a crash leaves it to the next round. Returns how many were handled.
 */
export async function processLinkRequests(ctx: WorkContext, limit = 50): Promise<number> {
  let handled = 0;
  while (handled < limit) {
    const done = await ctx.db.transaction(async (tx) => handleOne(ctx, tx as Tx));
    if (!done) break;
    handled += 1;
    if (done.outboxId) await ctx.mailer.deliver(done.outboxId);
  }
  return handled;
}

async function handleOne(ctx: WorkContext, tx: Tx): Promise<{ outboxId: string | null } | null> {
  const next = tx
    .select({ id: linkRequests.id })
    .from(linkRequests)
    .orderBy(asc(linkRequests.id))
    .limit(1)
    .for('update', { skipLocked: true });
  const [request] = await tx.delete(linkRequests).where(inArray(linkRequests.id, next)).returning();
  if (!request) return null;
  if (Date.now() - request.requestedAt.getTime() > STALE_AFTER_MS) return { outboxId: null };
  const outboxId =
    request.kind === 'magic_link'
      ? await emailMagicLink(ctx, tx, request.email, request.next)
      : await emailPasswordResetLink(ctx, tx, request.email);
  return { outboxId };
}
