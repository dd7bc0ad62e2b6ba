import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { updateMeBody } from '../../../shared/api/me.ts';
import { type Actor, loadActor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { users } from '../../db/schema/index.ts';

/** Change one's name or interface language; answers the actor as they are now. */
export async function editProfile(
  ctx: Pick<Context, 'db'>,
  actor: Actor,
  input: z.output<typeof updateMeBody>,
): Promise<Actor> {
  const { name, locale } = input;
  if (name !== undefined || locale !== undefined) {
    await ctx.db
      .update(users)
      .set({ ...(name !== undefined && { name }), ...(locale !== undefined && { locale }) })
      .where(eq(users.id, actor.user.id));
  }
  return (await loadActor(ctx.db, actor.sessionId, actor.user.id, actor.scope))!;
}
