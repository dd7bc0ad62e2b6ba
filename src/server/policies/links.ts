import type { Actor } from '../auth/actor.ts';
import type { ClientRow } from '../tenancy.ts';
import { isAgencyManager } from './agency.ts';

/**
 * "Copy the client's link": the agency's managers (who send the fact request and run the
 * meeting) may hand a contact their scoped link without email. Creators and contacts may not:
 * the link lets its holder act as that contact.
 */
export function canCopyContactLink(actor: Actor, client: Pick<ClientRow, 'agencyId'>): boolean {
  return isAgencyManager(actor, client.agencyId);
}
