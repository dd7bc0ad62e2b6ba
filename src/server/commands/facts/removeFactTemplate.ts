import { eq } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { factTemplates } from '../../db/schema/index.ts';
import { templateOf } from '../../facts/templates.ts';
import { transact } from '../../live/transact.ts';
import { canUpdateClient } from '../../policies/client.ts';
import { loadClientForChange } from '../../tenancy.ts';
import { recordTemplateEvent } from './templateEvent.ts';

/** Stop asking for this by default; requests drafted from it keep their items. */
export function removeFactTemplate(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  clientId: string,
  templateId: string,
): Promise<void> {
  return transact(ctx, async (tx) => {
    const client = await loadClientForChange(tx, actor, clientId, canUpdateClient);
    const current = await templateOf(tx, client, templateId);
    await tx.delete(factTemplates).where(eq(factTemplates.id, current.id));
    await recordTemplateEvent(tx, actor, client, 'fact_template.deleted', current);
  });
}
