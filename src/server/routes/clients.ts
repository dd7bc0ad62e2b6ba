import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  client,
  clientParams,
  createClientBody,
  listClientsQuery,
  updateClientBody,
} from '../../shared/api/clients.ts';
import type { Actor } from '../auth/actor.ts';
import { recordEvent } from '../commands/recordEvent.ts';
import type { RouteModule } from '../context.ts';
import type { Executor } from '../db/connect.ts';
import { channels, clientMembers, clients, rubrics } from '../db/schema/index.ts';
import { forbidden, staleVersion } from '../errors.ts';
import { transact } from '../live/transact.ts';
import { currentCycles } from '../planning/currentCycle.ts';
import { requireActor } from '../plugins/auth.ts';
import { canArchiveClient, canCreateClient, canUpdateClient } from '../policies/client.ts';
import { presentClient } from '../presenters/client.ts';
import {
  archivedFilter,
  type ClientRow,
  loadClient,
  loadClientForChange,
  loadClientForUpdate,
  reachableClients,
} from '../tenancy.ts';

const tags = ['clients'];

// Counted in the same query as the clients: one round trip for the whole list. The outer
// column is spelled out because drizzle leaves columns unqualified in a one-table select.
const outerClientId = sql.raw('"clients"."id"');
const counts = {
  channels: sql<number>`(select count(*)::int from ${channels} where ${channels.clientId} = ${outerClientId})`,
  rubrics: sql<number>`(select count(*)::int from ${rubrics} where ${rubrics.clientId} = ${outerClientId})`,
  contacts: sql<number>`(select count(*)::int from ${clientMembers} where ${clientMembers.clientId} = ${outerClientId})`,
};

async function presentOne(db: Executor, actor: Actor, row: ClientRow) {
  const [c] = await db.select(counts).from(clients).where(eq(clients.id, row.id));
  const cycle = (await currentCycles(db, actor, [row])).get(row.id) ?? null;
  return { client: presentClient(actor, row, c ?? { channels: 0, rubrics: 0, contacts: 0 }, cycle) };
}

/** Reminder days without repeats, nearest to the due date last: the order they are sent in. */
const tidyReminders = (r: { before: number[]; after: number[] }) => ({
  before: [...new Set(r.before)].sort((a, b) => b - a),
  after: [...new Set(r.after)].sort((a, b) => a - b),
});

export const clientRoutes: RouteModule = (app, ctx) => {
  const one = z.object({ client });

  app.get(
    '/api/clients',
    {
      schema: {
        tags,
        summary: 'Clients you can reach',
        querystring: listClientsQuery,
        response: { 200: z.object({ clients: z.array(client) }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const rows = await ctx.db
        .select({ row: clients, counts })
        .from(clients)
        .where(and(reachableClients(actor), archivedFilter(request.query.archived)))
        .orderBy(asc(sql`lower(${clients.name})`));
      const cycles = await currentCycles(
        ctx.db,
        actor,
        rows.map((r) => r.row),
      );
      return {
        clients: rows.map(({ row, counts: c }) => presentClient(actor, row, c, cycles.get(row.id) ?? null)),
      };
    },
  );

  app.post(
    '/api/clients',
    {
      schema: {
        tags,
        summary: 'Add a client (brand) to your agency',
        body: createClientBody,
        response: { 201: one },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      if (!canCreateClient(actor) || !actor.agency) throw forbidden();
      const agencyId = actor.agency.id;
      const created = await transact(ctx, async (tx) => {
        const [row] = await tx
          .insert(clients)
          .values({ agencyId, ...request.body })
          .returning();
        await recordEvent(tx, actor.user, {
          agencyId,
          clientId: row!.id,
          type: 'client.created',
          subjectType: 'client',
          subjectId: row!.id,
          data: { name: row!.name, timezone: row!.timezone },
        });
        return row!;
      });
      return reply.status(201).send(await presentOne(ctx.db, actor, created));
    },
  );

  app.get(
    '/api/clients/:clientId',
    { schema: { tags, summary: 'One client', params: clientParams, response: { 200: one } } },
    async (request) => {
      const actor = requireActor(request);
      return presentOne(ctx.db, actor, await loadClient(ctx.db, actor, request.params.clientId));
    },
  );

  app.patch(
    '/api/clients/:clientId',
    {
      schema: {
        tags,
        summary:
          'Rename a client, change its time zone, stage deadlines, fact reminder days or internal review of posts',
        params: clientParams,
        body: updateClientBody,
        response: { 200: one },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const updated = await transact(ctx, async (tx) => {
        const current = await loadClientForChange(tx, actor, request.params.clientId, canUpdateClient);
        if (current.version !== request.body.version) throw staleVersion();
        const changes: Record<string, { from: string; to: string }> = {};
        const { name, timezone, stageDays, postInternalReview, coCreationSince } = request.body;
        const factReminders = request.body.factReminders && tidyReminders(request.body.factReminders);
        if (name !== undefined && name !== current.name) changes.name = { from: current.name, to: name };
        if (timezone !== undefined && timezone !== current.timezone)
          changes.timezone = { from: current.timezone, to: timezone };
        const daysChanged =
          stageDays !== undefined && JSON.stringify(stageDays) !== JSON.stringify(current.stageDays);
        if (daysChanged)
          changes.stageDays = { from: JSON.stringify(current.stageDays), to: JSON.stringify(stageDays) };
        if (factReminders && JSON.stringify(factReminders) !== JSON.stringify(current.factReminders))
          changes.factReminders = {
            from: JSON.stringify(current.factReminders),
            to: JSON.stringify(factReminders),
          };
        if (postInternalReview !== undefined && postInternalReview !== current.postInternalReview)
          changes.postInternalReview = {
            from: String(current.postInternalReview),
            to: String(postInternalReview),
          };
        if (coCreationSince !== undefined && coCreationSince !== current.coCreationSince)
          changes.coCreationSince = { from: String(current.coCreationSince), to: String(coCreationSince) };
        if (Object.keys(changes).length === 0) return current;
        const [row] = await tx
          .update(clients)
          .set({
            name: name ?? current.name,
            timezone: timezone ?? current.timezone,
            stageDays: stageDays ?? current.stageDays,
            factReminders: factReminders ?? current.factReminders,
            postInternalReview: postInternalReview ?? current.postInternalReview,
            coCreationSince: coCreationSince === undefined ? current.coCreationSince : coCreationSince,
            version: current.version + 1,
            updatedAt: new Date(),
          })
          .where(eq(clients.id, current.id))
          .returning();
        await recordEvent(tx, actor.user, {
          agencyId: current.agencyId,
          clientId: current.id,
          type: 'client.updated',
          subjectType: 'client',
          subjectId: current.id,
          data: { changes },
        });
        return row!;
      });
      return presentOne(ctx.db, actor, updated);
    },
  );

  for (const archive of [true, false]) {
    app.post(
      `/api/clients/:clientId/${archive ? 'archive' : 'unarchive'}`,
      {
        schema: {
          tags,
          summary: archive
            ? 'Archive a client: hidden from the home page, history kept'
            : 'Bring an archived client back',
          params: clientParams,
          response: { 200: one },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const updated = await transact(ctx, async (tx) => {
          const current = await loadClientForUpdate(tx, actor, request.params.clientId);
          if (!canArchiveClient(actor, current)) throw forbidden();
          if ((current.archivedAt !== null) === archive) return current;
          const [row] = await tx
            .update(clients)
            .set({
              archivedAt: archive ? new Date() : null,
              version: current.version + 1,
              updatedAt: new Date(),
            })
            .where(eq(clients.id, current.id))
            .returning();
          await recordEvent(tx, actor.user, {
            agencyId: current.agencyId,
            clientId: current.id,
            type: archive ? 'client.archived' : 'client.unarchived',
            subjectType: 'client',
            subjectId: current.id,
          });
          return row!;
        });
        return presentOne(ctx.db, actor, updated);
      },
    );
  }
};
