import type { Actor } from '../auth/actor.ts';
import type { cycles, factRequests } from '../db/schema/index.ts';
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

/** The agency's managers shape the request (items, due dates, who it is for) until it is complete. */
export function canEditFactRequest(
  actor: Actor,
  client: ClientRef,
  cycle: CycleRef,
  request: RequestRef,
): boolean {
  return isAgencyManager(actor, client.agencyId) && open(client, cycle) && request.status !== 'complete';
}

export function canSendFactRequest(
  actor: Actor,
  client: ClientRef,
  cycle: CycleRef,
  request: RequestRef,
): boolean {
  return canEditFactRequest(actor, client, cycle, request) && request.status === 'draft';
}
