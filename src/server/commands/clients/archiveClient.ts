import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import type { ClientRow } from '../../tenancy.ts';
import { setClientArchived } from './clientArchive.ts';

/** Archive a client: hidden from the home page, its history kept. */
export function archiveClient(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  clientId: string,
): Promise<ClientRow> {
  return setClientArchived(ctx, actor, clientId, true);
}
