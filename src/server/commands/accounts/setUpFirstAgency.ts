import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { setupBody } from '../../../shared/api/me.ts';
import { needsSetup } from '../../accounts/queries.ts';
import { setUpAgency } from '../../accounts/setUpAgency.ts';
import { type Actor, loadActor } from '../../auth/actor.ts';
import { createSession, type NewSession, type SessionOrigin } from '../../auth/sessions.ts';
import type { Context } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { transact } from '../../live/transact.ts';

/**
 * First run: with an empty database, the first visitor creates the agency and becomes its
 * owner, signed in by the same transaction (the route sets the session's cookie).
 */
export function setUpFirstAgency(
  ctx: Pick<Context, 'db' | 'env' | 'live' | 'log'>,
  input: z.output<typeof setupBody>,
  origin: SessionOrigin,
): Promise<{ actor: Actor; session: NewSession }> {
  return transact(ctx, async (tx) => {
    // Serialise concurrent first-run submissions: only the first creates an agency.
    await tx.execute(sql`lock table agencies in share row exclusive mode`);
    if (!(await needsSetup(tx))) throw new AppError('setup_done');
    const { userId } = await setUpAgency(tx, input);
    const session = await createSession(tx, userId, ctx.env.SESSION_DAYS, origin);
    return { actor: (await loadActor(tx, '', userId))!, session };
  });
}
