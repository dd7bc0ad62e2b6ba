import { eq } from 'drizzle-orm';
import { isSafeNextPath } from '../../../shared/api/common.ts';
import { loadActor } from '../../auth/actor.ts';
import { issueEmailToken, mayEmailAnotherLink } from '../../auth/emailTokens.ts';
import type { WorkContext } from '../../context.ts';
import type { Tx } from '../../db/connect.ts';
import { users } from '../../db/schema/index.ts';
import { mailAgencyOf } from '../../mail/mailAgencyOf.ts';
import { magicLinkEmail } from '../../mail/templates.ts';

/**
 * Queue a one-time sign-in link when the email is a client contact's; nothing otherwise, nor
 * once they were sent `LINKS_PER_HOUR` of them in the last hour.
 * Run by the mail worker, never while someone waits for an answer. Returns the outbox row.
 */
export async function emailMagicLink(
  ctx: WorkContext,
  tx: Tx,
  email: string,
  next: string | null = null,
): Promise<string | null> {
  const [user] = await tx.select().from(users).where(eq(users.email, email)).limit(1);
  const actor = user ? await loadActor(tx, '', user.id) : null;
  // Password-less sign-in is for client contacts; agency members hold wider rights and use passwords.
  if (!user || !actor || actor.agency !== null || actor.contactOf.size === 0) return null;
  if (!(await mayEmailAnotherLink(tx, user.id, 'magic_link'))) return null;
  const token = await issueEmailToken(tx, user.id, 'magic_link');
  // The path was checked when asked for; checked again here, since the row outlived that request.
  const landing = next && isSafeNextPath(next) ? `?next=${encodeURIComponent(next)}` : '';
  const message = magicLinkEmail(`${ctx.env.publicUrl}/magic/${token}${landing}`);
  return ctx.mailer.keep(tx, { ...message, to: user.email, agencyId: await mailAgencyOf(tx, user.id) });
}
