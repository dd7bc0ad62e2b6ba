import { and, count, eq } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { channels, slots } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../errors.ts';
import { recordEvent } from '../../events/recordEvent.ts';
import { transact } from '../../live/transact.ts';
import { canUpdateClient } from '../../policies/client.ts';
import { loadClientForChange } from '../../tenancy.ts';

/** Remove a social account that no slot of a posting schedule uses. */
export async function removeChannel(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  clientId: string,
  channelId: string,
): Promise<void> {
  await transact(ctx, async (tx) => {
    const client = await loadClientForChange(tx, actor, clientId, canUpdateClient);
    // Slots of plans point at the channel: removing it would silently empty those plans.
    const [used] = await tx.select({ n: count() }).from(slots).where(eq(slots.channelId, channelId));
    if ((used?.n ?? 0) > 0) {
      const message = `This channel has ${used!.n} slot(s) in the posting schedule. Move or delete them first.`;
      throw new AppError('conflict', { message });
    }
    const [removed] = await tx
      .delete(channels)
      .where(and(eq(channels.id, channelId), eq(channels.clientId, client.id)))
      .returning();
    if (!removed) throw notFound();
    await recordEvent(tx, actor.user, {
      agencyId: client.agencyId,
      clientId: client.id,
      type: 'channel.deleted',
      subjectType: 'channel',
      subjectId: removed.id,
      data: { network: removed.network, handle: removed.handle },
    });
  });
}
