import { eq, max } from 'drizzle-orm';
import type { z } from 'zod';
import type { createFactTemplateBody } from '../../../shared/api/facts.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { factTemplates } from '../../db/schema/index.ts';
import { type FactTemplateRow, rubricOf } from '../../facts/templates.ts';
import { transact } from '../../live/transact.ts';
import { canUpdateClient } from '../../policies/client.ts';
import { loadClientForChange } from '../../tenancy.ts';
import { recordTemplateEvent } from './templateEvent.ts';

/** Something a rubric always needs, at the end of its list; each fact request draft copies it. */
export function addFactTemplate(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  clientId: string,
  rubricId: string,
  input: z.output<typeof createFactTemplateBody>,
): Promise<FactTemplateRow> {
  return transact(ctx, async (tx) => {
    const client = await loadClientForChange(tx, actor, clientId, canUpdateClient);
    const rubric = await rubricOf(tx, client, rubricId);
    const [last] = await tx
      .select({ p: max(factTemplates.position) })
      .from(factTemplates)
      .where(eq(factTemplates.rubricId, rubric.id));
    const [row] = await tx
      .insert(factTemplates)
      .values({ ...input, rubricId: rubric.id, position: (last?.p ?? 0) + 1 })
      .returning();
    await recordTemplateEvent(tx, actor, client, 'fact_template.created', row!);
    return row!;
  });
}
