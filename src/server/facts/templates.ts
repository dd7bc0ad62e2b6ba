import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Executor } from '../db/connect.ts';
import { factTemplates, rubrics } from '../db/schema/index.ts';
import { forbidden, notFound, staleVersion } from '../errors.ts';
import { agencyRoleIn } from '../policies/agency.ts';
import { type ClientRow, loadClient } from '../tenancy.ts';

export type FactTemplateRow = typeof factTemplates.$inferSelect;

/** A rubric of this client (404 for another client's). */
export async function rubricOf(db: Executor, client: ClientRow, rubricId: string) {
  const [row] = await db
    .select({ id: rubrics.id, name: rubrics.name })
    .from(rubrics)
    .where(and(eq(rubrics.id, rubricId), eq(rubrics.clientId, client.id)));
  if (!row) throw notFound();
  return row;
}

/** The template of this client (through its rubric), locked, at the version the editor saw. */
export async function templateOf(tx: Executor, client: ClientRow, templateId: string, version?: number) {
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

/**
 * What a rubric always needs from the client, in order. The agency's working knowledge: any of
 * its members reads it; a client contact does not.
 */
export async function factTemplatesOfRubric(
  db: Executor,
  actor: Actor,
  clientId: string,
  rubricId: string,
): Promise<FactTemplateRow[]> {
  const client = await loadClient(db, actor, clientId);
  if (!agencyRoleIn(actor, client.agencyId)) throw forbidden();
  const rubric = await rubricOf(db, client, rubricId);
  return db
    .select()
    .from(factTemplates)
    .where(eq(factTemplates.rubricId, rubric.id))
    .orderBy(asc(factTemplates.position));
}
