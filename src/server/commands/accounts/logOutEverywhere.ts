import { eq } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { sessions } from '../../db/schema/index.ts';
import { revokeFactLinks } from '../../facts/links.ts';

/** End every session of the actor, and the emailed links that would sign them in again. */
export async function logOutEverywhere(ctx: Pick<Context, 'db' | 'live'>, actor: Actor): Promise<void> {
  await ctx.db.delete(sessions).where(eq(sessions.userId, actor.user.id));
  await revokeFactLinks(ctx.db, actor.user.id);
  await ctx.live.dropUser(actor.user.id);
}
