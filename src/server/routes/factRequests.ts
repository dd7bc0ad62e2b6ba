import { and, eq, max } from 'drizzle-orm';
import { z } from 'zod';
import { ok } from '../../shared/api/common.ts';
import {
  createFactItemBody,
  factItem,
  factRequestFull,
  factRequestPage,
  updateFactItemBody,
} from '../../shared/api/facts.ts';
import { moveCycleStage } from '../commands/moveCycleStage.ts';
import type { RouteModule } from '../context.ts';
import type { Executor } from '../db/connect.ts';
import { clientMembers, factFiles, factItems, factRequests, topics } from '../db/schema/index.ts';
import { AppError, staleVersion } from '../errors.ts';
import { checkDueOn, defaultDueOn } from '../facts/dueDates.ts';
import { recordFactEvent } from '../facts/event.ts';
import { loadFactItemForChange, loadFactRequest, type RequestInCycle } from '../facts/load.ts';
import { contactsOf, deliverAll, keepFactRequestMail } from '../facts/mail.ts';
import { presentFactItem, presentFactRequest } from '../facts/present.ts';
import { settleRequest } from '../facts/settle.ts';
import { everyoneRoom, teamRoom } from '../live/rooms.ts';
import { transact } from '../live/transact.ts';
import { notify } from '../notifications/notify.ts';
import { todayIn } from '../planning/cycleRules.ts';
import { loadCycle } from '../planning/load.ts';
import { requireActor } from '../plugins/auth.ts';
import { agencyRoleIn } from '../policies/agency.ts';
import { canEditFactRequest, canSendFactRequest, canViewFactRequest } from '../policies/facts.ts';

/** An item's topic must be in this month's plan, and its contact one of this client's. */
async function checkItemRefs(
  tx: Executor,
  { cycle, client }: RequestInCycle,
  body: { topicId?: string | null; contactId?: string | null },
) {
  if (body.topicId) {
    const [t] = await tx
      .select({ id: topics.id })
      .from(topics)
      .where(and(eq(topics.id, body.topicId), eq(topics.cycleId, cycle.id)));
    if (!t) throw new AppError('validation_failed', { fields: { topicId: 'Not a topic of this month' } });
  }
  if (body.contactId) {
    const [c] = await tx
      .select({ id: clientMembers.userId })
      .from(clientMembers)
      .where(and(eq(clientMembers.userId, body.contactId), eq(clientMembers.clientId, client.id)));
    if (!c)
      throw new AppError('validation_failed', { fields: { contactId: 'Not a contact of this client' } });
  }
}

const tags = ['facts'];

export const factRequestRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/cycles/:cycleId/fact-request',
    {
      schema: {
        tags,
        summary: "The month's fact request; the client sees it once the agency has sent it",
        params: z.object({ cycleId: z.uuid() }),
        response: { 200: z.object({ request: factRequestFull.nullable() }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { cycle, client } = await loadCycle(ctx.db, actor, request.params.cycleId);
      const [row] = await ctx.db.select().from(factRequests).where(eq(factRequests.cycleId, cycle.id));
      // The draft is the agency's working copy, like an unshared plan.
      if (!row || !canViewFactRequest(actor, client, row)) return { request: null };
      return {
        request: await presentFactRequest(ctx.db, actor, await loadFactRequest(ctx.db, actor, row.id)),
      };
    },
  );

  app.get(
    '/api/fact-requests/:requestId',
    {
      schema: {
        tags,
        summary: 'A fact request with its month and client: what the emailed link opens',
        params: z.object({ requestId: z.uuid() }),
        response: { 200: factRequestPage },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const found = await loadFactRequest(ctx.db, actor, request.params.requestId);
      return {
        request: await presentFactRequest(ctx.db, actor, found),
        cycle: { id: found.cycle.id, month: found.cycle.month, stage: found.cycle.stage },
        client: { id: found.client.id, name: found.client.name, timezone: found.client.timezone },
        maxUploadBytes: ctx.env.maxUploadBytes,
        rooms: [
          agencyRoleIn(actor, found.client.agencyId)
            ? teamRoom(found.client.id)
            : everyoneRoom(found.client.id),
        ],
      };
    },
  );

  app.post(
    '/api/fact-requests/:requestId/items',
    {
      schema: {
        tags,
        summary: 'Ask for one more thing (about a topic, or in general)',
        params: z.object({ requestId: z.uuid() }),
        body: createFactItemBody,
        response: { 201: z.object({ item: factItem }) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const row = await transact(ctx, async (tx) => {
        const found = await loadFactRequest(tx, actor, request.params.requestId, canEditFactRequest);
        await checkItemRefs(tx, found, request.body);
        checkDueOn(found.client, request.body.dueOn);
        const [last] = await tx
          .select({ p: max(factItems.position) })
          .from(factItems)
          .where(eq(factItems.requestId, found.request.id));
        const [row] = await tx
          .insert(factItems)
          .values({
            ...request.body,
            requestId: found.request.id,
            source: 'manual',
            dueOn: request.body.dueOn ?? defaultDueOn(found),
            position: (last?.p ?? 0) + 1,
          })
          .returning();
        await recordFactEvent(tx, actor, found, 'fact_item.created', { itemId: row!.id });
        if (found.request.status !== 'draft') await settleRequest(tx, actor, found);
        return row!;
      });
      return reply.status(201).send({ item: presentFactItem(row) });
    },
  );

  app.patch(
    '/api/fact-items/:itemId',
    {
      schema: {
        tags,
        summary: 'Change what an item asks, its kind, due date or contact',
        params: z.object({ itemId: z.uuid() }),
        body: updateFactItemBody,
        response: { 200: z.object({ item: factItem }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await transact(ctx, async (tx) => {
        const { version, ...changes } = request.body;
        const found = await loadFactItemForChange(
          tx,
          actor,
          request.params.itemId,
          canEditFactRequest,
          version,
        );
        await checkItemRefs(tx, found, changes);
        if (changes.dueOn !== found.item.dueOn) checkDueOn(found.client, changes.dueOn);
        const kind = changes.kind ?? found.item.kind;
        const choices = changes.choices ?? found.item.choices;
        const reshaped =
          kind !== found.item.kind || JSON.stringify(choices) !== JSON.stringify(found.item.choices);
        if (reshaped && (found.item.answer || found.item.draft)) {
          // An answer of one kind does not become an answer of another: ask a new item instead.
          throw new AppError('conflict', {
            message: 'This item has an answer already; its kind and choices stay. Add a new item instead.',
          });
        }
        if (kind === 'choice' && choices.length < 2) {
          throw new AppError('validation_failed', { fields: { choices: 'Give at least two choices' } });
        }
        const [row] = await tx
          .update(factItems)
          .set({ ...changes, version: version + 1 })
          .where(eq(factItems.id, found.item.id))
          .returning();
        await recordFactEvent(tx, actor, found, 'fact_item.updated', { itemId: found.item.id });
        // Making an item optional (or required) can complete (or reopen) the request.
        if (found.request.status !== 'draft') await settleRequest(tx, actor, found);
        return row!;
      });
      return { item: presentFactItem(row) };
    },
  );

  app.delete(
    '/api/fact-items/:itemId',
    {
      schema: {
        tags,
        summary: 'Stop asking for something',
        params: z.object({ itemId: z.uuid() }),
        response: { 200: ok },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const keys = await transact(ctx, async (tx) => {
        const found = await loadFactItemForChange(tx, actor, request.params.itemId, canEditFactRequest);
        const files = await tx
          .select({ key: factFiles.storageKey })
          .from(factFiles)
          .where(eq(factFiles.itemId, found.item.id));
        await tx.delete(factItems).where(eq(factItems.id, found.item.id));
        await recordFactEvent(tx, actor, found, 'fact_item.deleted', { itemId: found.item.id });
        if (found.request.status !== 'draft') await settleRequest(tx, actor, found);
        return files.map((f) => f.key);
      });
      // The item's files go with it, once its removal has committed.
      for (const key of keys) await ctx.files.remove(key);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/fact-requests/:requestId/send',
    {
      schema: {
        tags,
        summary: "Send the request to the client's contacts: the facts stage is theirs now",
        params: z.object({ requestId: z.uuid() }),
        body: z.object({ version: z.int().min(1) }),
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const found = await transact(ctx, async (tx) => {
        const found = await loadFactRequest(tx, actor, request.params.requestId, canSendFactRequest);
        if (found.request.version !== request.body.version) throw staleVersion();
        const items = await tx
          .select({ dueOn: factItems.dueOn })
          .from(factItems)
          .where(eq(factItems.requestId, found.request.id));
        if (items.length === 0) {
          throw new AppError('conflict', { message: 'Add at least one item before sending the request.' });
        }
        // A request is not sent overdue: the client would be reminded of it the next morning.
        const today = todayIn(found.client.timezone);
        const late = items.filter((i) => i.dueOn !== null && i.dueOn < today).length;
        if (late > 0) {
          throw new AppError('validation_failed', {
            message: `${late} item(s) are due before today. Move their due dates, then send.`,
            fields: { dueOn: `${late} item(s) are due before today.` },
          });
        }
        const [row] = await tx
          .update(factRequests)
          .set({ status: 'sent', sentAt: new Date(), version: found.request.version + 1 })
          .where(eq(factRequests.id, found.request.id))
          .returning();
        // A cycle still in its meeting stage (the request drafted by hand) moves on to facts too.
        const cycle =
          found.cycle.stage === 'meeting'
            ? await moveCycleStage(tx, actor, found, 'facts', found.cycle.version)
            : found.cycle;
        const sent = { ...found, cycle, request: row! };
        await recordFactEvent(tx, actor, sent, 'fact_request.sent');
        const contacts = await contactsOf(tx, found.client.id);
        await notify(
          tx,
          contacts.map((c) => c.id),
          {
            kind: 'fact_request_sent',
            agencyId: found.client.agencyId,
            data: {
              clientName: found.client.name,
              month: found.cycle.month,
              agencyName: actor.agency?.name ?? '',
            },
            link: `/facts/${found.request.id}`,
          },
        );
        return { mails: await keepFactRequestMail(tx, ctx, actor, sent) };
      });
      await deliverAll(ctx, found.mails);
      return { ok: true as const };
    },
  );
};
