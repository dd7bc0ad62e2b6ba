import type { Context } from '../../context.ts';
import type { Executor } from '../../db/connect.ts';
import { mailAgencyOf } from '../../mail/mailAgencyOf.ts';
import { passwordChangedEmail } from '../../mail/templates.ts';

/**
 * Queue "your password was changed" in the transaction that changes it (ASVS V2.2.3): it exists
 * exactly when the change does. Answers the outbox row, to deliver after the commit.
 */
export async function tellPasswordChanged(
  ctx: Pick<Context, 'env' | 'mailer'>,
  tx: Executor,
  user: { id: string; email: string },
): Promise<string> {
  const message = passwordChangedEmail(`${ctx.env.publicUrl}/reset-password`);
  return ctx.mailer.keep(tx, { ...message, to: user.email, agencyId: await mailAgencyOf(tx, user.id) });
}
