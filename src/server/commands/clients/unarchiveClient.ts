import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import type { ClientRow } from '../../tenancy.ts';
import { setClientArchived } from './clientArchive.ts';

/** Bring an archived client back to the home page. */
export function unarchiveClient(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  clientId: string,
): Promise<ClientRow> {
  return setClientArchived(ctx, actor, clientId, false);
}
