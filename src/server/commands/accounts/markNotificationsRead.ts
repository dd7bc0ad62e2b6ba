import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { notifications } from '../../db/schema/index.ts';

/** Mark some of one's own notifications read, or all of them when no ids are given. */
export async function markNotificationsRead(
  ctx: Pick<Context, 'db'>,
  actor: Actor,
  ids: string[] | undefined,
): Promise<void> {
  await ctx.db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.userId, actor.user.id),
        isNull(notifications.readAt),
        ids ? inArray(notifications.id, ids) : undefined,
      ),
    );
}
