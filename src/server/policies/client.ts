import type { Actor } from '../auth/actor.ts';
import type { ClientRow } from '../tenancy.ts';
import { agencyRoleIn, isAgencyManager } from './agency.ts';

type ClientRef = Pick<ClientRow, 'id' | 'agencyId' | 'archivedAt'>;

export function canViewClient(actor: Actor, client: ClientRef): boolean {
  return agencyRoleIn(actor, client.agencyId) !== null || actor.contactOf.has(client.id);
}

export function canCreateClient(actor: Actor): boolean {
  return actor.agency !== null && isAgencyManager(actor, actor.agency.id);
}

/** Rename, time zone, channels and rubrics. */
export function canUpdateClient(actor: Actor, client: ClientRef): boolean {
  return isAgencyManager(actor, client.agencyId);
}

export function canArchiveClient(actor: Actor, client: ClientRef): boolean {
  return isAgencyManager(actor, client.agencyId);
}

export function clientAbilities(actor: Actor, client: ClientRef) {
  return {
    update: canUpdateClient(actor, client) && client.archivedAt === null,
    archive: canArchiveClient(actor, client),
    manageContacts: isAgencyManager(actor, client.agencyId) && client.archivedAt === null,
  };
}
