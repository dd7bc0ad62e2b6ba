import type { z } from 'zod';
import type { createRubricBody } from '../../../shared/api/clients.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { rubrics } from '../../db/schema/index.ts';
import { recordEvent } from '../../events/recordEvent.ts';
import { transact } from '../../live/transact.ts';
import { canUpdateClient } from '../../policies/client.ts';
import { loadClientForChange } from '../../tenancy.ts';
import type { RubricRow } from './rubricName.ts';

/** Add a rubric (a content pillar) to a client. */
export function addRubric(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  clientId: string,
  input: z.output<typeof createRubricBody>,
): Promise<RubricRow> {
  return transact(ctx, async (tx) => {
    const client = await loadClientForChange(tx, actor, clientId, canUpdateClient);
    const [created] = await tx
      .insert(rubrics)
      .values({ ...input, clientId: client.id })
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
}
