import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { sessions } from '../../db/schema/index.ts';
import { notFound } from '../../errors.ts';

/**
 * End one of one's own sessions by its public id (a prefix of the row id); 404 for any other.
 * Its sockets close in every process, the other sessions' stay. Answers whether it was the
 * session making the call, whose cookie the route then clears.
 */
export async function logOutSession(
  ctx: Pick<Context, 'db' | 'live'>,
  actor: Actor,
  sessionId: string,
): Promise<{ current: boolean }> {
  const removed = await ctx.db
    .delete(sessions)
    .where(and(eq(sessions.userId, actor.user.id), eq(sql`left(${sessions.id}, 16)`, sessionId)))
    .returning({ id: sessions.id });
  if (removed.length === 0) throw notFound();
  for (const session of removed) await ctx.live.drop({ sessionId: session.id });
  return { current: removed.some((r) => r.id === actor.sessionId) };
}
