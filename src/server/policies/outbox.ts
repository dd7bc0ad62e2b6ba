import type { Actor } from '../auth/actor.ts';
import { isAgencyOwner } from './agency.ts';

/** Emails carry sign-in links: only owners may read the agency's outbox. */
export function canReadOutbox(actor: Actor): boolean {
  return actor.agency !== null && isAgencyOwner(actor, actor.agency.id);
}
