import { eq } from 'drizzle-orm';
import { hashToken } from '../../auth/tokens.ts';
import type { Context } from '../../context.ts';
import { sessions } from '../../db/schema/index.ts';

/**
 * End the session of this cookie value, if there is one (the route clears the cookie), and
 * close the sockets it opened in every process; the person's other sessions keep theirs.
 */
export async function logOut(ctx: Pick<Context, 'db' | 'live'>, token: string | undefined): Promise<void> {
  if (!token) return;
  const ended = await ctx.db
    .delete(sessions)
    .where(eq(sessions.id, hashToken(token)))
    .returning({ id: sessions.id });
  for (const session of ended) await ctx.live.drop({ sessionId: session.id });
}
