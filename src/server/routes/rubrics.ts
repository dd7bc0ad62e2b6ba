import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { clientParams, createRubricBody, rubric, updateRubricBody } from '../../shared/api/clients.ts';
import { ok } from '../../shared/api/common.ts';
import { recordEvent } from '../commands/recordEvent.ts';
import type { RouteModule } from '../context.ts';
import type { Executor } from '../db/connect.ts';
import { rubrics } from '../db/schema/index.ts';
import { AppError, notFound, staleVersion } from '../errors.ts';
import { transact } from '../live/transact.ts';
import { requireActor } from '../plugins/auth.ts';
import { canUpdateClient } from '../policies/client.ts';
import { presentRubric } from '../presenters/client.ts';
import { loadClient, loadClientForChange } from '../tenancy.ts';

const tags = ['rubrics'];
const params = clientParams.extend({ rubricId: z.uuid() });

async function assertNameFree(tx: Executor, clientId: string, name: string | undefined, exceptId?: string) {
  if (name === undefined) return;
  const [clash] = await tx
    .select({ id: rubrics.id })
    .from(rubrics)
    .where(
      and(
        eq(rubrics.clientId, clientId),
        eq(sql`lower(${rubrics.name})`, name.toLowerCase()),
        exceptId ? ne(rubrics.id, exceptId) : undefined,
      ),
    );
  if (clash) {
    const message = 'This client already has a rubric with this name.';
    throw new AppError('conflict', { message, fields: { name: message } });
  }
}

export const rubricRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/clients/:clientId/rubrics',
    {
      schema: {
        tags,
        summary: "A client's rubrics (content pillars)",
        params: clientParams,
        response: { 200: z.object({ rubrics: z.array(rubric) }) },
      },
    },
    async (request) => {
      const client = await loadClient(ctx.db, requireActor(request), request.params.clientId);
      const rows = await ctx.db
        .select()
        .from(rubrics)
        .where(eq(rubrics.clientId, client.id))
        .orderBy(asc(rubrics.createdAt));
      return { rubrics: rows.map(presentRubric) };
    },
  );

  app.post(
    '/api/clients/:clientId/rubrics',
    {
      schema: {
        tags,
        summary: 'Add a rubric',
        params: clientParams,
        body: createRubricBody,
        response: { 201: z.object({ rubric }) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const row = await transact(ctx, async (tx) => {
        const client = await loadClientForChange(tx, actor, request.params.clientId, canUpdateClient);
        const [created] = await tx
          .insert(rubrics)
          .values({ ...request.body, clientId: client.id })
          .returning();
        await recordEvent(tx, actor.user, {
          agencyId: client.agencyId,
          clientId: client.id,
          type: 'rubric.created',
          subjectType: 'rubric',
          subjectId: created!.id,
          data: { name: created!.name, color: created!.color },
        });
        return created!;
      });
      return reply.status(201).send({ rubric: presentRubric(row) });
    },
  );

  app.patch(
    '/api/clients/:clientId/rubrics/:rubricId',
    {
      schema: {
        tags,
        summary: 'Rename or recolour a rubric',
        params,
        body: updateRubricBody,
        response: { 200: z.object({ rubric }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await transact(ctx, async (tx) => {
        const client = await loadClientForChange(tx, actor, request.params.clientId, canUpdateClient);
        const { version, ...changes } = request.body;
        await assertNameFree(tx, client.id, changes.name, request.params.rubricId);
        const [updated] = await tx
          .update(rubrics)
          .set({
            ...changes,
            version: version + 1,
          })
          .where(
            and(
              eq(rubrics.id, request.params.rubricId),
              eq(rubrics.clientId, client.id),
              eq(rubrics.version, version),
            ),
          )
          .returning();
        if (!updated) {
          const [exists] = await tx
            .select({ id: rubrics.id })
            .from(rubrics)
            .where(and(eq(rubrics.id, request.params.rubricId), eq(rubrics.clientId, client.id)));
          throw exists ? staleVersion() : notFound();
        }
        await recordEvent(tx, actor.user, {
          agencyId: client.agencyId,
          clientId: client.id,
          type: 'rubric.updated',
          subjectType: 'rubric',
          subjectId: updated.id,
          data: { name: updated.name, color: updated.color },
        });
        return updated;
      });
      return { rubric: presentRubric(row) };
    },
  );

  app.delete(
    '/api/clients/:clientId/rubrics/:rubricId',
    { schema: { tags, summary: 'Remove a rubric', params, response: { 200: ok } } },
    async (request) => {
      const actor = requireActor(request);
      await transact(ctx, async (tx) => {
        const client = await loadClientForChange(tx, actor, request.params.clientId, canUpdateClient);
        const [removed] = await tx
          .delete(rubrics)
          .where(and(eq(rubrics.id, request.params.rubricId), eq(rubrics.clientId, client.id)))
          .returning();
        if (!removed) throw notFound();
        await recordEvent(tx, actor.user, {
          agencyId: client.agencyId,
          clientId: client.id,
          type: 'rubric.deleted',
          subjectType: 'rubric',
          subjectId: removed.id,
          data: { name: removed.name, color: removed.color },
        });
      });
      return { ok: true as const };
    },
  );
};
