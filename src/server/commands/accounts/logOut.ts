import { eq } from 'drizzle-orm';
import { hashToken } from '../../auth/tokens.ts';
import type { Context } from '../../context.ts';
import { sessions } from '../../db/schema/index.ts';

/** End the session of this cookie value, if there is one (the route clears the cookie). */
export async function logOut(ctx: Pick<Context, 'db'>, token: string | undefined): Promise<void> {
  if (token) await ctx.db.delete(sessions).where(eq(sessions.id, hashToken(token)));
}
