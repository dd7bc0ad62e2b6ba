import { and, asc, eq, max } from 'drizzle-orm';
import { z } from 'zod';
import { clientParams } from '../../shared/api/clients.ts';
import { ok } from '../../shared/api/common.ts';
import { createFactTemplateBody, factTemplate, updateFactTemplateBody } from '../../shared/api/facts.ts';
import { recordEvent } from '../commands/recordEvent.ts';
import type { RouteModule } from '../context.ts';
import type { Executor } from '../db/connect.ts';
import { factTemplates, rubrics } from '../db/schema/index.ts';
import { AppError, forbidden, notFound, staleVersion } from '../errors.ts';
import { transact } from '../live/transact.ts';
import { requireActor } from '../plugins/auth.ts';
import { agencyRoleIn } from '../policies/agency.ts';
import { canUpdateClient } from '../policies/client.ts';
import { type ClientRow, loadClient, loadClientForChange } from '../tenancy.ts';

const tags = ['facts'];
const rubricParams = clientParams.extend({ rubricId: z.uuid() });
const templateParams = clientParams.extend({ templateId: z.uuid() });
type Row = typeof factTemplates.$inferSelect;

const present = (t: Row): z.infer<typeof factTemplate> => ({
  id: t.id,
  rubricId: t.rubricId,
  question: t.question,
  kind: t.kind,
  choices: t.choices,
  required: t.required,
  position: t.position,
  version: t.version,
});

async function rubricOf(tx: Executor, client: ClientRow, rubricId: string) {
  const [row] = await tx
    .select({ id: rubrics.id, name: rubrics.name })
    .from(rubrics)
    .where(and(eq(rubrics.id, rubricId), eq(rubrics.clientId, client.id)));
  if (!row) throw notFound();
  return row;
}

/** The template of this client (through its rubric), locked, at the version the editor saw. */
async function templateOf(tx: Executor, client: ClientRow, templateId: string, version?: number) {
  const [row] = await tx
    .select({ template: factTemplates })
    .from(factTemplates)
    .innerJoin(rubrics, eq(rubrics.id, factTemplates.rubricId))
    .where(and(eq(factTemplates.id, templateId), eq(rubrics.clientId, client.id)))
    .for('update', { of: factTemplates });
  if (!row) throw notFound();
  if (version !== undefined && row.template.version !== version) throw staleVersion();
  return row.template;
}

const event = (
  tx: Executor,
  actor: ReturnType<typeof requireActor>,
  client: ClientRow,
  type: `fact_template.${'created' | 'updated' | 'deleted'}`,
  t: Row,
) =>
  recordEvent(tx, actor.user, {
    agencyId: client.agencyId,
    clientId: client.id,
    type,
    subjectType: 'fact_template',
    subjectId: t.id,
    data: { rubricId: t.rubricId, question: t.question },
  });

/**
 * What a rubric always needs from the client ("product": price, photos, link). The agency's
 * working knowledge: its managers keep it, its members read it; each fact request draft copies it.
 */
export const factTemplateRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/clients/:clientId/rubrics/:rubricId/fact-templates',
    {
      schema: {
        tags,
        summary: 'What this rubric always needs from the client',
        params: rubricParams,
        response: { 200: z.object({ templates: z.array(factTemplate) }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const client = await loadClient(ctx.db, actor, request.params.clientId);
      if (!agencyRoleIn(actor, client.agencyId)) throw forbidden();
      const rubric = await rubricOf(ctx.db, client, request.params.rubricId);
      const rows = await ctx.db
        .select()
        .from(factTemplates)
        .where(eq(factTemplates.rubricId, rubric.id))
        .orderBy(asc(factTemplates.position));
      return { templates: rows.map(present) };
    },
  );

  app.post(
    '/api/clients/:clientId/rubrics/:rubricId/fact-templates',
    {
      schema: {
        tags,
        summary: 'Add something this rubric always needs',
        params: rubricParams,
        body: createFactTemplateBody,
        response: { 201: z.object({ template: factTemplate }) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const row = await transact(ctx, async (tx) => {
        const client = await loadClientForChange(tx, actor, request.params.clientId, canUpdateClient);
        const rubric = await rubricOf(tx, client, request.params.rubricId);
        const [last] = await tx
          .select({ p: max(factTemplates.position) })
          .from(factTemplates)
          .where(eq(factTemplates.rubricId, rubric.id));
        const [row] = await tx
          .insert(factTemplates)
          .values({ ...request.body, rubricId: rubric.id, position: (last?.p ?? 0) + 1 })
          .returning();
        await event(tx, actor, client, 'fact_template.created', row!);
        return row!;
      });
      return reply.status(201).send({ template: present(row) });
    },
  );

  app.patch(
    '/api/clients/:clientId/fact-templates/:templateId',
    {
      schema: {
        tags,
        summary: 'Change a standing need',
        params: templateParams,
        body: updateFactTemplateBody,
        response: { 200: z.object({ template: factTemplate }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await transact(ctx, async (tx) => {
        const client = await loadClientForChange(tx, actor, request.params.clientId, canUpdateClient);
        const { version, ...changes } = request.body;
        const current = await templateOf(tx, client, request.params.templateId, version);
        if ((changes.kind ?? current.kind) === 'choice' && (changes.choices ?? current.choices).length < 2) {
          throw new AppError('validation_failed', { fields: { choices: 'Give at least two choices' } });
        }
        const [row] = await tx
          .update(factTemplates)
          .set({ ...changes, version: version + 1 })
          .where(eq(factTemplates.id, current.id))
          .returning();
        await event(tx, actor, client, 'fact_template.updated', row!);
        return row!;
      });
      return { template: present(row) };
    },
  );

  app.delete(
    '/api/clients/:clientId/fact-templates/:templateId',
    {
      schema: {
        tags,
        summary: 'Stop asking for this by default',
        params: templateParams,
        response: { 200: ok },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await transact(ctx, async (tx) => {
        const client = await loadClientForChange(tx, actor, request.params.clientId, canUpdateClient);
        const current = await templateOf(tx, client, request.params.templateId);
        await tx.delete(factTemplates).where(eq(factTemplates.id, current.id));
        await event(tx, actor, client, 'fact_template.deleted', current);
      });
      return { ok: true as const };
    },
  );
};
