import type { z } from 'zod';
import type { createClientBody } from '../../../shared/api/clients.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { clients } from '../../db/schema/index.ts';
import { forbidden } from '../../errors.ts';
import { recordEvent } from '../../events/recordEvent.ts';
import { transact } from '../../live/transact.ts';
import { canCreateClient } from '../../policies/client.ts';
import type { ClientRow } from '../../tenancy.ts';

/** Add a client (a brand) to the actor's agency. */
export function addClient(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  input: z.output<typeof createClientBody>,
): Promise<ClientRow> {
  if (!canCreateClient(actor) || !actor.agency) throw forbidden();
  const agencyId = actor.agency.id;
  return transact(ctx, async (tx) => {
    const [row] = await tx
      .insert(clients)
      .values({ agencyId, ...input })
      .returning();
    await recordEvent(tx, actor.user, {
      agencyId,
      clientId: row!.id,
      type: 'client.created',
      subjectType: 'client',
      subjectId: row!.id,
      data: { name: row!.name, timezone: row!.timezone },
    });
    return row!;
  });
}
