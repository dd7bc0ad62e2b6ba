import type { AgencyRole } from '../../shared/roles.ts';
import type { Actor } from '../auth/actor.ts';

/** The actor's role in this agency, or null when they are not one of its members. */
export function agencyRoleIn(actor: Actor, agencyId: string): AgencyRole | null {
  return actor.agency?.id === agencyId ? actor.agency.role : null;
}

/** Owners and content managers run client work; creators write and design. */
export function isAgencyManager(actor: Actor, agencyId: string): boolean {
  const role = agencyRoleIn(actor, agencyId);
  return role === 'owner' || role === 'content_manager';
}

export function isAgencyOwner(actor: Actor, agencyId: string): boolean {
  return agencyRoleIn(actor, agencyId) === 'owner';
}
