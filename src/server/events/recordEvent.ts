import {
  audienceOf,
  type EventData,
  type EventState,
  type EventSubject,
  type EventType,
  eventCatalogue,
} from '../../shared/events/index.ts';
import type { LiveEvent } from '../../shared/live.ts';
import type { Executor } from '../db/connect.ts';
import { events } from '../db/schema/index.ts';
import { everyoneRoom, teamRoom } from '../live/rooms.ts';
import { queueLive } from '../live/transact.ts';

/** Data may be left out only where the event has none to give. */
type DataArg<T extends EventType> =
  Record<never, never> extends EventData<T> ? { data?: EventData<T> } : { data: EventData<T> };

/** The subject's state is required for exactly the events whose audience rule reads it. */
type StateArg<T extends EventType> = [EventState<T>] extends [undefined]
  ? { state?: undefined }
  : {
      /** The subject as it is now (the cycle, fact request, post…): its audience rule reads it. */
      state: EventState<T>;
    };

/** One event of the catalogue, with the data of its type. */
export type EventInput = {
  [T in EventType]: {
    agencyId: string;
    clientId?: string | null;
    type: T;
    subjectType: EventSubject<T>;
    subjectId: string;
  } & DataArg<T> &
    StateArg<T>;
}[EventType];

/**
 * Record what happened. Call it inside the transaction that makes the change, so the
 * history can never disagree with the data (no ORM hooks: every command says it explicitly).
 * The catalogue decides who may see it; that audience is stored with the row, and inside
 * `transact` the event also goes live after commit: to the team's room always, and to
 * everyone's room only when the client's contacts may see it.
 */
export async function recordEvent(
  tx: Executor,
  who: { id: string; name: string } | null,
  input: EventInput,
): Promise<void> {
  const type: EventType = input.type;
  // The compiler checks the callers; this keeps a cast in a helper from storing a shape the
  // readers (the feed, the web's sentences) do not expect.
  const data = eventCatalogue[type].data.parse(input.data ?? {}) as EventData<EventType>;
  const audience = audienceOf(type, input.state as EventState<EventType>, data);
  const [row] = await tx
    .insert(events)
    .values({
      agencyId: input.agencyId,
      clientId: input.clientId ?? null,
      actorId: who?.id ?? null,
      actorName: who?.name ?? null,
      type,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      data,
      audience,
    })
    .returning({ createdAt: events.createdAt });
  if (!input.clientId) return;
  const rooms = [teamRoom(input.clientId)];
  if (audience === 'everyone') rooms.push(everyoneRoom(input.clientId));
  // The catalogue checked that `data` is this type's; TypeScript cannot follow the pair.
  await queueLive(tx, rooms, {
    type,
    clientId: input.clientId,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    data,
    actorName: who?.name ?? null,
    at: (row?.createdAt ?? new Date()).toISOString(),
  } as LiveEvent);
}
