import type { Actor } from '../auth/actor.ts';
import type { Executor } from '../db/connect.ts';
import { loadClient } from '../tenancy.ts';

/**
 * Rooms are named after who may be in them:
 * - `client:<id>:team`: the agency's people; every change of that client, drafts included.
 * - `client:<id>:all`: everyone who sees the client, its contacts included; only what they may see.
 */
export const teamRoom = (clientId: string) => `client:${clientId}:team`;
export const everyoneRoom = (clientId: string) => `client:${clientId}:all`;

const pattern = /^client:([0-9a-f-]{36}):(team|all)$/;

/** May this person listen in this room? Unknown or out-of-reach rooms answer false, like a 404. */
export async function mayJoin(db: Executor, actor: Actor, room: string): Promise<boolean> {
  const match = pattern.exec(room);
  if (!match) return false;
  const [, clientId, scope] = match;
  try {
    const client = await loadClient(db, actor, clientId!);
    const inTeam = actor.agency?.id === client.agencyId;
    return scope === 'team' ? inTeam : true;
  } catch {
    return false;
  }
}
