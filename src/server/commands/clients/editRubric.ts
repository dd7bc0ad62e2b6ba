import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { updateRubricBody } from '../../../shared/api/clients.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { rubrics } from '../../db/schema/index.ts';
import { notFound, staleVersion } from '../../errors.ts';
import { recordEvent } from '../../events/recordEvent.ts';
import { transact } from '../../live/transact.ts';
import { canUpdateClient } from '../../policies/client.ts';
import { loadClientForChange } from '../../tenancy.ts';
import { assertNameFree, type RubricRow } from './rubricName.ts';

/** Rename or recolour a rubric (a stale version answers 409, a name in use 409 too). */
export function editRubric(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  clientId: string,
  rubricId: string,
  input: z.output<typeof updateRubricBody>,
): Promise<RubricRow> {
  return transact(ctx, async (tx) => {
    const client = await loadClientForChange(tx, actor, clientId, canUpdateClient);
    const { version, ...changes } = input;
    await assertNameFree(tx, client.id, changes.name, rubricId);
    const [updated] = await tx
      .update(rubrics)
      .set({
        ...changes,
        version: version + 1,
      })
      .where(and(eq(rubrics.id, rubricId), eq(rubrics.clientId, client.id), eq(rubrics.version, version)))
      .returning();
    if (!updated) {
      const [exists] = await tx
        .select({ id: rubrics.id })
        .from(rubrics)
        .where(and(eq(rubrics.id, rubricId), eq(rubrics.clientId, client.id)));
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
}
