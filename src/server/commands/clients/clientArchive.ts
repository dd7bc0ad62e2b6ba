import { eq } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { clients } from '../../db/schema/index.ts';
import { forbidden } from '../../errors.ts';
import { recordEvent } from '../../events/recordEvent.ts';
import { transact } from '../../live/transact.ts';
import { canArchiveClient } from '../../policies/client.ts';
import { type ClientRow, loadClientForUpdate } from '../../tenancy.ts';

/**
 * Archive a client or bring it back; asking for the state it is already in changes nothing.
 * (Not loadClientForChange: an archived client must be reachable to be brought back.)
 */
export function setClientArchived(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  clientId: string,
  archive: boolean,
): Promise<ClientRow> {
  return transact(ctx, async (tx) => {
    const current = await loadClientForUpdate(tx, actor, clientId);
    if (!canArchiveClient(actor, current)) throw forbidden();
    if ((current.archivedAt !== null) === archive) return current;
    const [row] = await tx
      .update(clients)
      .set({
        archivedAt: archive ? new Date() : null,
        version: current.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(clients.id, current.id))
      .returning();
    await recordEvent(tx, actor.user, {
      agencyId: current.agencyId,
      clientId: current.id,
      type: archive ? 'client.archived' : 'client.unarchived',
      subjectType: 'client',
      subjectId: current.id,
    });
    return row!;
  });
}
