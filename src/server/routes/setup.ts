import { count, sql } from 'drizzle-orm';
import { me, setupBody, setupState } from '../../shared/api/me.ts';
import { type Actor, loadActor } from '../auth/actor.ts';
import { startSession } from '../auth/sessions.ts';
import { setUpAgency } from '../commands/setUpAgency.ts';
import type { RouteModule } from '../context.ts';
import type { Executor } from '../db/connect.ts';
import { agencies } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { transact } from '../live/transact.ts';
import { presentMe } from '../presenters/me.ts';

async function needsSetup(db: Executor) {
  const [row] = await db.select({ n: count() }).from(agencies);
  return (row?.n ?? 0) === 0;
}

/** First run: with an empty database, the first visitor creates the agency and becomes its owner. */
export const setupRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/setup',
    {
      schema: {
        tags: ['setup'],
        summary: 'Whether Plit still needs its first agency',
        security: [],
        response: { 200: setupState },
      },
    },
    async () => ({ needsSetup: await needsSetup(ctx.db) }),
  );

  app.post(
    '/api/setup',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['setup'],
        summary: 'Create the first agency and its owner (only while there is none)',
        security: [],
        body: setupBody,
        response: { 201: me },
      },
    },
    async (request, reply) => {
      const actor: Actor = await transact(ctx, async (tx) => {
        // Serialise concurrent first-run submissions: only the first creates an agency.
        await tx.execute(sql`lock table agencies in share row exclusive mode`);
        if (!(await needsSetup(tx))) throw new AppError('setup_done');
        const { userId } = await setUpAgency(tx, request.body);
        await startSession(tx, request, reply, userId, ctx.env.SESSION_DAYS);
        return (await loadActor(tx, '', userId))!;
      });
      return reply.status(201).send(presentMe(actor));
    },
  );
};
