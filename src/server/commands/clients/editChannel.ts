import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { updateChannelBody } from '../../../shared/api/clients.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { channels } from '../../db/schema/index.ts';
import { notFound, staleVersion } from '../../errors.ts';
import { recordEvent } from '../../events/recordEvent.ts';
import { transact } from '../../live/transact.ts';
import { checkNetworkFormats } from '../../planning/topicInput.ts';
import { canUpdateClient } from '../../policies/client.ts';
import { loadClientForChange } from '../../tenancy.ts';
import type { ChannelRow } from './addChannel.ts';

/** Change a social account (a stale version answers 409). */
export function editChannel(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  clientId: string,
  channelId: string,
  input: z.output<typeof updateChannelBody>,
): Promise<ChannelRow> {
  return transact(ctx, async (tx) => {
    const client = await loadClientForChange(tx, actor, clientId, canUpdateClient);
    const { version, ...changes } = input;
    if (changes.network || changes.formats) {
      const [current] = await tx
        .select()
        .from(channels)
        .where(and(eq(channels.id, channelId), eq(channels.clientId, client.id)));
      if (!current) throw notFound();
      checkNetworkFormats(changes.network ?? current.network, changes.formats ?? current.formats, 'formats');
    }
    const [updated] = await tx
      .update(channels)
      .set({
        ...changes,
        ...(changes.formats && { formats: [...new Set(changes.formats)] }),
        version: version + 1,
      })
      .where(and(eq(channels.id, channelId), eq(channels.clientId, client.id), eq(channels.version, version)))
      .returning();
    if (!updated) {
      const [exists] = await tx
        .select({ id: channels.id })
        .from(channels)
        .where(and(eq(channels.id, channelId), eq(channels.clientId, client.id)));
      throw exists ? staleVersion() : notFound();
    }
    await recordEvent(tx, actor.user, {
      agencyId: client.agencyId,
      clientId: client.id,
      type: 'channel.updated',
      subjectType: 'channel',
      subjectId: updated.id,
      data: { network: updated.network, handle: updated.handle },
    });
    return updated;
  });
}
