import type { Actor } from '../auth/actor.ts';
import { isAgencyManager, isAgencyOwner } from './agency.ts';

/** Every agency member sees their colleagues; client contacts do not. */
export function canViewMembers(actor: Actor): boolean {
  return actor.agency !== null;
}

/** Only owners invite, re-role and remove agency members. */
export function canManageMembers(actor: Actor): boolean {
  return actor.agency !== null && isAgencyOwner(actor, actor.agency.id);
}

/** Owners see every invitation; content managers see the client-contact ones they can send. */
export function canViewInvitations(actor: Actor): boolean {
  return actor.agency !== null && isAgencyManager(actor, actor.agency.id);
}
