import type { Actor } from '../auth/actor.ts';
import type { cycles } from '../db/schema/index.ts';
import type { ClientRow } from '../tenancy.ts';
import { agencyRoleIn, isAgencyManager } from './agency.ts';

type CycleRef = Pick<typeof cycles.$inferSelect, 'stage' | 'sharedAt'>;
type ClientRef = Pick<ClientRow, 'id' | 'agencyId' | 'archivedAt'>;

/** The agency sees every cycle; client contacts only the ones shared with them. */
export function canViewCycle(actor: Actor, client: ClientRef, cycle: CycleRef): boolean {
  if (agencyRoleIn(actor, client.agencyId)) return true;
  return actor.contactOf.has(client.id) && cycle.sharedAt !== null;
}

const open = (client: ClientRef, cycle: CycleRef) => cycle.stage !== 'closed' && client.archivedAt === null;

/** Slots, cadence, placing and removing topics: the agency's content managers and owners. */
export function canEditPlan(actor: Actor, client: ClientRef, cycle: CycleRef): boolean {
  return isAgencyManager(actor, client.agencyId) && open(client, cycle);
}

/** Proposing and editing topics: anyone of the agency, creators included. */
export function canAddTopics(actor: Actor, client: ClientRef, cycle: CycleRef): boolean {
  return agencyRoleIn(actor, client.agencyId) !== null && open(client, cycle);
}

export function canAdvanceCycle(actor: Actor, client: ClientRef, cycle: CycleRef): boolean {
  return isAgencyManager(actor, client.agencyId) && open(client, cycle);
}

export function canShareCycle(actor: Actor, client: ClientRef, cycle: CycleRef): boolean {
  return canEditPlan(actor, client, cycle) && cycle.sharedAt === null;
}

export function canStartCycle(actor: Actor, client: ClientRef): boolean {
  return isAgencyManager(actor, client.agencyId) && client.archivedAt === null;
}

export function planAbilities(actor: Actor, client: ClientRef, cycle: CycleRef) {
  return {
    update: canAdvanceCycle(actor, client, cycle),
    advance: canAdvanceCycle(actor, client, cycle),
    share: canShareCycle(actor, client, cycle),
    editPlan: canEditPlan(actor, client, cycle),
    addTopics: canAddTopics(actor, client, cycle),
  };
}

/**
 * The client's own plans and their "what if" answers: the agency at any time, and the
 * client's contacts once the plan is shared with them, up to and during the meeting.
 */
export function canEditClientPlans(actor: Actor, client: ClientRef, cycle: CycleRef): boolean {
  if (!open(client, cycle)) return false;
  if (agencyRoleIn(actor, client.agencyId)) return true;
  return (
    actor.contactOf.has(client.id) &&
    cycle.sharedAt !== null &&
    (cycle.stage === 'preparation' || cycle.stage === 'meeting')
  );
}
