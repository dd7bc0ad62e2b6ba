import type { Actor } from '../auth/actor.ts';
import { recordEvent } from '../commands/recordEvent.ts';
import type { Executor } from '../db/connect.ts';
import type { RequestInCycle } from './load.ts';

/**
 * Record a change of a fact request. While it is a draft only the agency hears of it; once
 * sent, both sides do (the client's screen refreshes as the agency accepts or asks again).
 */
export function recordFactEvent(
  tx: Executor,
  actor: Pick<Actor, 'user'> | null,
  { request, cycle, client }: RequestInCycle,
  type: string,
  data: Record<string, unknown> = {},
) {
  return recordEvent(tx, actor?.user ?? null, {
    agencyId: client.agencyId,
    clientId: client.id,
    type,
    subjectType: 'fact_request',
    subjectId: request.id,
    data: { cycleId: cycle.id, month: cycle.month, requestId: request.id, ...data },
    audience: request.status === 'draft' ? 'team' : 'everyone',
  });
}
