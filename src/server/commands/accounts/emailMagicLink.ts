import { eq } from 'drizzle-orm';
import { loadActor } from '../../auth/actor.ts';
import { issueEmailToken } from '../../auth/emailTokens.ts';
import type { Context } from '../../context.ts';
import { users } from '../../db/schema/index.ts';
import { mailAgencyOf } from '../../mail/mailAgencyOf.ts';
import { magicLinkEmail } from '../../mail/templates.ts';

/** Email a one-time sign-in link when the email is a client contact's; silently nothing otherwise. */
export async function emailMagicLink(
  ctx: Pick<Context, 'db' | 'env' | 'mailer'>,
  email: string,
): Promise<void> {
  const [user] = await ctx.db.select().from(users).where(eq(users.email, email)).limit(1);
  const actor = user ? await loadActor(ctx.db, '', user.id) : null;
  // Password-less sign-in is for client contacts; agency members hold wider rights and use passwords.
  if (user && actor && actor.agency === null && actor.contactOf.size > 0) {
    const token = await issueEmailToken(ctx.db, user.id, 'magic_link');
    const message = magicLinkEmail(`${ctx.env.publicUrl}/magic/${token}`);
    await ctx.mailer.send({ ...message, to: user.email, agencyId: await mailAgencyOf(ctx.db, user.id) });
  }
}
