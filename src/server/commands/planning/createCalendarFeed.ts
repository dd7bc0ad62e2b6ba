import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import { hashToken, newToken } from '../../auth/tokens.ts';
import type { Context } from '../../context.ts';
import { calendarFeeds } from '../../db/schema/index.ts';
import { recordEvent } from '../../events/recordEvent.ts';
import { transact } from '../../live/transact.ts';
import { canStartCycle } from '../../policies/plan.ts';
import { loadClientForChange } from '../../tenancy.ts';

/**
 * A new secret for the client's calendar feed; any older one stops working. Returns the secret,
 * which is shown once: only its hash is kept.
 */
export async function createCalendarFeed(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  clientId: string,
): Promise<string> {
  const token = newToken();
  await transact(ctx, async (tx) => {
    const client = await loadClientForChange(tx, actor, clientId, canStartCycle);
    await tx
      .update(calendarFeeds)
      .set({ revokedAt: new Date() })
      .where(and(eq(calendarFeeds.clientId, client.id), isNull(calendarFeeds.revokedAt)));
    await tx
      .insert(calendarFeeds)
      .values({ clientId: client.id, tokenHash: hashToken(token), createdById: actor.user.id });
    await recordEvent(tx, actor.user, {
      agencyId: client.agencyId,
      clientId: client.id,
      type: 'calendar_feed.created',
      subjectType: 'client',
      subjectId: client.id,
    });
  });
  return token;
}
