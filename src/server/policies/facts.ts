import type { Actor } from '../auth/actor.ts';
import type { cycles, factItems, factRequests } from '../db/schema/index.ts';
import type { ClientRow } from '../tenancy.ts';
import { agencyRoleIn, isAgencyManager } from './agency.ts';

type ClientRef = Pick<ClientRow, 'id' | 'agencyId' | 'archivedAt'>;
type CycleRef = Pick<typeof cycles.$inferSelect, 'stage'>;
type RequestRef = Pick<typeof factRequests.$inferSelect, 'status'>;

const open = (client: ClientRef, cycle: CycleRef) => cycle.stage !== 'closed' && client.archivedAt === null;

/** The agency sees its draft; the client's contacts see the request once it is sent. */
export function canViewFactRequest(actor: Actor, client: ClientRef, request: RequestRef): boolean {
  return (
    agencyRoleIn(actor, client.agencyId) !== null ||
    (actor.contactOf.has(client.id) && request.status !== 'draft')
  );
}

/**
 * The agency's managers shape the request (items, due dates, who it is for) while the month is
 * open, also after it is complete: one more question reopens it.
 */
export function canEditFactRequest(
  actor: Actor,
  client: ClientRef,
  cycle: CycleRef,
  _request: RequestRef,
): boolean {
  return isAgencyManager(actor, client.agencyId) && open(client, cycle);
}

export function canSendFactRequest(
  actor: Actor,
  client: ClientRef,
  cycle: CycleRef,
  request: RequestRef,
): boolean {
  return canEditFactRequest(actor, client, cycle, request) && request.status === 'draft';
}

/** A request that is out and not complete may be sent again, by whoever may shape it. */
export function canResendFactRequest(
  actor: Actor,
  client: ClientRef,
  cycle: CycleRef,
  request: RequestRef,
): boolean {
  return canEditFactRequest(actor, client, cycle, request) && request.status === 'sent';
}

type ItemRef = Pick<typeof factItems.$inferSelect, 'status'>;

/** Any contact of the client answers, once the request is sent, until the item is accepted. */
export function canAnswerFactItem(
  actor: Actor,
  client: ClientRef,
  cycle: CycleRef,
  request: RequestRef,
  item: ItemRef,
): boolean {
  return (
    actor.contactOf.has(client.id) &&
    open(client, cycle) &&
    request.status !== 'draft' &&
    item.status !== 'accepted'
  );
}

/** The agency's managers accept answers or ask a follow-up. */
export function canReviewFactItem(
  actor: Actor,
  client: ClientRef,
  cycle: CycleRef,
  request: RequestRef,
): boolean {
  return isAgencyManager(actor, client.agencyId) && open(client, cycle) && request.status !== 'draft';
}

/** Both sides talk in an item's thread while the request is out. */
export function canTalkOnFactItem(
  actor: Actor,
  client: ClientRef,
  cycle: CycleRef,
  request: RequestRef,
): boolean {
  return (
    (agencyRoleIn(actor, client.agencyId) !== null || actor.contactOf.has(client.id)) &&
    open(client, cycle) &&
    request.status !== 'draft'
  );
}
