import { and, eq } from 'drizzle-orm';
import type { EmailNotificationMode } from '../../../shared/api/posts.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { notifications, users } from '../../db/schema/index.ts';
import { transact } from '../../live/transact.ts';

/** Email me at once, once a day (a digest), or not at all; the bell keeps everything. */
export async function chooseEmailNotifications(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  email: EmailNotificationMode,
): Promise<void> {
  await transact(ctx, async (tx) => {
    await tx.update(users).set({ emailNotifications: email }).where(eq(users.id, actor.user.id));
    // Turning email off drops what was waiting for the next digest.
    if (email === 'off') {
      await tx
        .update(notifications)
        .set({ emailPending: false })
        .where(and(eq(notifications.userId, actor.user.id), eq(notifications.emailPending, true)));
    }
  });
}
