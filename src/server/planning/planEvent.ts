import type { DataArgs, EventData, EventSubject, PlanEventType } from '../../shared/events/index.ts';
import type { Actor } from '../auth/actor.ts';
import type { Executor } from '../db/connect.ts';
import { type EventInput, recordEvent } from '../events/recordEvent.ts';
import type { CycleInClient } from './load.ts';

/** What a change of a plan says besides its cycle and month (which this helper adds). */
export type PlanEventData<T extends PlanEventType> = Omit<EventData<T>, 'cycleId' | 'month'>;

/** Record a change of a plan; the client hears of it (live and in the feed) only once the plan is shared. */
export function recordPlanEvent<T extends PlanEventType>(
  tx: Executor,
  actor: Actor,
  { cycle, client }: CycleInClient,
  type: T,
  subject: { type: EventSubject<T>; id: string },
  ...[data]: DataArgs<PlanEventData<T>>
) {
  return recordEvent(tx, actor.user, {
    agencyId: client.agencyId,
    clientId: client.id,
    type,
    subjectType: subject.type,
    subjectId: subject.id,
    data: { cycleId: cycle.id, month: cycle.month, ...data },
    state: cycle,
    // One generic call stands for one member of the union; recordEvent checks the data at run time.
  } as EventInput);
}

/**
 * Record a slot's new place. Its audience also reads the post the slot holds
 * (`audienceRules.sharedSlotPlace`): a move away from the time of the version sent to the client
 * stays the team's until the next version goes out.
 */
export function recordSlotPlaceEvent(
  tx: Executor,
  actor: Actor,
  { cycle, client }: CycleInClient,
  slot: { id: string; startsAt: Date },
  sentPublishAt: Date | null,
  place: PlanEventData<'slot.updated'>,
) {
  return recordEvent(tx, actor.user, {
    agencyId: client.agencyId,
    clientId: client.id,
    type: 'slot.updated',
    subjectType: 'slot',
    subjectId: slot.id,
    data: { cycleId: cycle.id, month: cycle.month, ...place },
    state: { sharedAt: cycle.sharedAt, startsAt: slot.startsAt, sentPublishAt },
  });
}
