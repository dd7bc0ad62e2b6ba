import { eq } from 'drizzle-orm';
import { issueEmailToken } from '../../auth/emailTokens.ts';
import type { Context } from '../../context.ts';
import { users } from '../../db/schema/index.ts';
import { mailAgencyOf } from '../../mail/mailAgencyOf.ts';
import { passwordResetEmail } from '../../mail/templates.ts';

/** Email a password-reset link to the account of this email; silently nothing when there is none. */
export async function emailPasswordResetLink(
  ctx: Pick<Context, 'db' | 'env' | 'mailer'>,
  email: string,
): Promise<void> {
  const [user] = await ctx.db.select().from(users).where(eq(users.email, email)).limit(1);
  if (!user) return;
  const token = await issueEmailToken(ctx.db, user.id, 'password_reset');
  const message = passwordResetEmail(`${ctx.env.publicUrl}/reset-password/${token}`);
  await ctx.mailer.send({ ...message, to: user.email, agencyId: await mailAgencyOf(ctx.db, user.id) });
}
