import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { updateFactTemplateBody } from '../../../shared/api/facts.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { factTemplates } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { type FactTemplateRow, templateOf } from '../../facts/templates.ts';
import { transact } from '../../live/transact.ts';
import { canUpdateClient } from '../../policies/client.ts';
import { loadClientForChange } from '../../tenancy.ts';
import { recordTemplateEvent } from './templateEvent.ts';

/** Change a standing need, at the version its editor saw; drafts made earlier keep their copy. */
export function editFactTemplate(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  clientId: string,
  templateId: string,
  input: z.output<typeof updateFactTemplateBody>,
): Promise<FactTemplateRow> {
  return transact(ctx, async (tx) => {
    const client = await loadClientForChange(tx, actor, clientId, canUpdateClient);
    const { version, ...changes } = input;
    const current = await templateOf(tx, client, templateId, version);
    if ((changes.kind ?? current.kind) === 'choice' && (changes.choices ?? current.choices).length < 2) {
      throw new AppError('validation_failed', { fields: { choices: 'Give at least two choices' } });
    }
    const [row] = await tx
      .update(factTemplates)
      .set({ ...changes, version: version + 1 })
      .where(eq(factTemplates.id, current.id))
      .returning();
    await recordTemplateEvent(tx, actor, client, 'fact_template.updated', row!);
    return row!;
  });
}
