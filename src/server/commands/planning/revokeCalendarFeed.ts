import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { calendarFeeds } from '../../db/schema/index.ts';
import { recordEvent } from '../../events/recordEvent.ts';
import { transact } from '../../live/transact.ts';
import { canStartCycle } from '../../policies/plan.ts';
import { loadClientForChange } from '../../tenancy.ts';

/** Revoke the client's calendar feed: its URL answers 404 from now on. */
export function revokeCalendarFeed(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  clientId: string,
) {
  return transact(ctx, async (tx) => {
    const client = await loadClientForChange(tx, actor, clientId, canStartCycle);
    await tx
      .update(calendarFeeds)
      .set({ revokedAt: new Date() })
      .where(and(eq(calendarFeeds.clientId, client.id), isNull(calendarFeeds.revokedAt)));
    await recordEvent(tx, actor.user, {
      agencyId: client.agencyId,
      clientId: client.id,
      type: 'calendar_feed.revoked',
      subjectType: 'client',
      subjectId: client.id,
    });
  });
}
