import type { DataArgs, EventData, FactEventType } from '../../shared/events/index.ts';
import type { Actor } from '../auth/actor.ts';
import type { Executor } from '../db/connect.ts';
import { type EventInput, recordEvent } from '../events/recordEvent.ts';
import type { RequestInCycle } from './load.ts';

/** What a fact request event says besides its cycle, month and request (which this helper adds). */
export type FactEventData<T extends FactEventType> = Omit<EventData<T>, 'cycleId' | 'month' | 'requestId'>;

/**
 * Record a change of a fact request. While it is a draft only the agency hears of it; once
 * sent, both sides do (the client's screen refreshes as the agency accepts or asks again).
 */
export function recordFactEvent<T extends FactEventType>(
  tx: Executor,
  actor: Pick<Actor, 'user'> | null,
  { request, cycle, client }: RequestInCycle,
  type: T,
  ...[data]: DataArgs<FactEventData<T>>
) {
  return recordEvent(tx, actor?.user ?? null, {
    agencyId: client.agencyId,
    clientId: client.id,
    type,
    subjectType: 'fact_request',
    subjectId: request.id,
    data: { cycleId: cycle.id, month: cycle.month, requestId: request.id, ...data },
    state: request,
    // One generic call stands for one member of the union; recordEvent checks the data at run time.
  } as EventInput);
}
