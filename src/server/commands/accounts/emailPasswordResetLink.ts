import { eq } from 'drizzle-orm';
import { issueEmailToken, mayEmailAnotherLink } from '../../auth/emailTokens.ts';
import type { WorkContext } from '../../context.ts';
import type { Tx } from '../../db/connect.ts';
import { users } from '../../db/schema/index.ts';
import { mailAgencyOf } from '../../mail/mailAgencyOf.ts';
import { passwordResetEmail } from '../../mail/templates.ts';

/**
 * Queue a password-reset link to the account of this email; nothing when there is none, or
 * when it was sent `LINKS_PER_HOUR` of them in the last hour.
 * Run by the mail worker, never while someone waits for an answer. Returns the outbox row.
 */
export async function emailPasswordResetLink(
  ctx: WorkContext,
  tx: Tx,
  email: string,
): Promise<string | null> {
  const [user] = await tx.select().from(users).where(eq(users.email, email)).limit(1);
  if (!user || !(await mayEmailAnotherLink(tx, user.id, 'password_reset'))) return null;
  const token = await issueEmailToken(tx, user.id, 'password_reset');
  const message = passwordResetEmail(`${ctx.env.publicUrl}/reset-password/${token}`);
  return ctx.mailer.keep(tx, { ...message, to: user.email, agencyId: await mailAgencyOf(tx, user.id) });
}
