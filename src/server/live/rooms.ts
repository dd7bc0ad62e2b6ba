import { clientRoomOf } from '../../shared/live.ts';
import type { Actor } from '../auth/actor.ts';
import type { Executor } from '../db/connect.ts';
import { loadClient } from '../tenancy.ts';

/**
 * Rooms are named after who may be in them (the names are the protocol's, src/shared/live.ts):
 * - `client:<id>:team`: the agency's people; every change of that client, drafts included.
 * - `client:<id>:all`: everyone who sees the client, its contacts included; only what they may see.
 */
export { everyoneRoom, teamRoom } from '../../shared/live.ts';

/** May this person listen in this room? Unknown or out-of-reach rooms answer false, like a 404. */
export async function mayJoin(db: Executor, actor: Actor, room: string): Promise<boolean> {
  const named = clientRoomOf(room);
  if (!named) return false;
  const { clientId, scope } = named;
  // A scoped session (LIVE-SPEC [A5]) hears its client's room only from a meeting link: the live
  // meeting's plan changes come through it, and the link dies with the meeting. The room carries
  // the client's events of every month; a fact request's or a month's review link must not.
  if (actor.scope && actor.scope.kind !== 'meeting') return false;
  try {
    const client = await loadClient(db, actor, clientId);
    const inTeam = actor.agency?.id === client.agencyId;
    return scope === 'team' ? inTeam : true;
  } catch {
    return false;
  }
}
