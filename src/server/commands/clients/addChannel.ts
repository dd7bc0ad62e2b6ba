import type { z } from 'zod';
import type { createChannelBody } from '../../../shared/api/clients.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { channels } from '../../db/schema/index.ts';
import { recordEvent } from '../../events/recordEvent.ts';
import { transact } from '../../live/transact.ts';
import { checkNetworkFormats } from '../../planning/topicInput.ts';
import { canUpdateClient } from '../../policies/client.ts';
import { loadClientForChange } from '../../tenancy.ts';

export type ChannelRow = typeof channels.$inferSelect;

/** Add a social account to a client; its formats without repeats. */
export function addChannel(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  clientId: string,
  input: z.output<typeof createChannelBody>,
): Promise<ChannelRow> {
  return transact(ctx, async (tx) => {
    const client = await loadClientForChange(tx, actor, clientId, canUpdateClient);
    const formats = [...new Set(input.formats)];
    checkNetworkFormats(input.network, formats, 'formats');
    const [created] = await tx
      .insert(channels)
      .values({ ...input, formats, clientId: client.id })
      .returning();
    await recordEvent(tx, actor.user, {
      agencyId: client.agencyId,
      clientId: client.id,
      type: 'channel.created',
      subjectType: 'channel',
      subjectId: created!.id,
      data: { network: created!.network, handle: created!.handle },
    });
    return created!;
  });
}
