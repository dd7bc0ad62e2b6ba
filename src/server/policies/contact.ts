import type { Actor } from '../auth/actor.ts';
import type { ClientRow } from '../tenancy.ts';
import { isAgencyManager } from './agency.ts';

type ClientRef = Pick<ClientRow, 'agencyId'>;

/** Client contacts are invited, re-roled and removed by the agency's managers. */
export function canManageContacts(actor: Actor, client: ClientRef): boolean {
  return isAgencyManager(actor, client.agencyId);
}
