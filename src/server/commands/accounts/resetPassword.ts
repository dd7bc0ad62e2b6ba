import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { resetPasswordBody } from '../../../shared/api/me.ts';
import { consumeEmailToken } from '../../auth/emailTokens.ts';
import { hashPassword } from '../../auth/passwords.ts';
import type { Context } from '../../context.ts';
import { sessions, users } from '../../db/schema/index.ts';
import { revokeFactLinks } from '../../facts/links.ts';
import { transact } from '../../live/transact.ts';

/** Set a new password with an emailed link; answers whose it is, to sign them in. */
export async function resetPassword(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  input: z.output<typeof resetPasswordBody>,
): Promise<string> {
  const userId = await transact(ctx, async (tx) => {
    const id = await consumeEmailToken(tx, input.token, 'password_reset');
    await tx
      .update(users)
      .set({ passwordHash: await hashPassword(input.password) })
      .where(eq(users.id, id));
    // A reset means the old password may be known to someone else: end every session.
    await tx.delete(sessions).where(eq(sessions.userId, id));
    await revokeFactLinks(tx, id);
    return id;
  });
  await ctx.live.dropUser(userId);
  return userId;
}
