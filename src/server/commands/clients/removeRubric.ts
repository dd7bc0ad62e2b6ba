import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { rubrics } from '../../db/schema/index.ts';
import { notFound } from '../../errors.ts';
import { recordEvent } from '../../events/recordEvent.ts';
import { transact } from '../../live/transact.ts';
import { canUpdateClient } from '../../policies/client.ts';
import { loadClientForChange } from '../../tenancy.ts';

/** Remove a rubric from a client. */
export async function removeRubric(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  clientId: string,
  rubricId: string,
): Promise<void> {
  await transact(ctx, async (tx) => {
    const client = await loadClientForChange(tx, actor, clientId, canUpdateClient);
    const [removed] = await tx
      .delete(rubrics)
      .where(and(eq(rubrics.id, rubricId), eq(rubrics.clientId, client.id)))
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
}
