import type { z } from 'zod';
import { agencyEvents } from './agency.ts';
import { type Audience, type AudienceRuleName, audienceRules, type EventDefinition } from './audience.ts';
import { clientEvents } from './client.ts';
import { factEvents } from './facts.ts';
import { meetingEvents } from './meetings.ts';
import { cycleEvents, planEvents } from './plan.ts';
import { postEvents } from './posts.ts';

export { type Audience, type AudienceRuleName, audienceRules, audiences } from './audience.ts';

/**
 * Every event Plit records: what it is about, the shape of its data and who may see it.
 * `recordEvent` accepts nothing else, stores the audience on the row, and the activity feed
 * and the live rooms show each event only to its audience.
 */
export const eventCatalogue = {
  ...agencyEvents,
  ...clientEvents,
  ...cycleEvents,
  ...planEvents,
  ...meetingEvents,
  ...factEvents,
  ...postEvents,
} satisfies Record<string, EventDefinition>;

export type EventCatalogue = typeof eventCatalogue;
export type EventType = keyof EventCatalogue;
export const eventTypes = Object.keys(eventCatalogue) as EventType[];

export type EventData<T extends EventType> = z.infer<EventCatalogue[T]['data']>;
export type EventSubject<T extends EventType> = EventCatalogue[T]['subject'];
/** The audience of T: fixed, or the name of the rule that decides it. */
export type EventAudienceRule<T extends EventType> = EventCatalogue[T]['audience'];
type RuleOf<T extends EventType> = EventAudienceRule<T>;

/** The state of the subject the audience rule of T reads; `undefined` when its audience is fixed. */
export type EventState<T extends EventType> =
  RuleOf<T> extends AudienceRuleName ? Parameters<(typeof audienceRules)[RuleOf<T>]>[0] : undefined;

/** One member per event type, with its data. */
export type PlitEvent = { [T in EventType]: { type: T; data: EventData<T> } }[EventType];

/** A helper's data argument: optional for an event with nothing to say. */
export type DataArgs<Data> = Record<never, never> extends Data ? [data?: Data] : [data: Data];

/** The events each recording helper takes (it adds the common data: cycle, month…). */
export type PlanEventType = keyof typeof planEvents;
export type MeetingEventType = keyof typeof meetingEvents;
export type FactEventType = keyof typeof factEvents;
export type PostEventType = keyof typeof postEvents;

/** Who may see an event of this type with this data, its subject being in this state now. */
export function audienceOf<T extends EventType>(type: T, state: EventState<T>, data: EventData<T>): Audience {
  const rule: Audience | AudienceRuleName = eventCatalogue[type].audience;
  if (rule === 'team' || rule === 'everyone') return rule;
  return (audienceRules[rule] as (state: unknown, data: unknown) => Audience)(state, data);
}

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(eventCatalogue, type);
}

/**
 * A stored event read back as a catalogue event, or null when its type or data is not one
 * the catalogue knows (a row written by another version of Plit).
 */
export function readEvent(event: { type: string; data: unknown }): PlitEvent | null {
  if (!isEventType(event.type)) return null;
  const parsed = eventCatalogue[event.type].data.safeParse(event.data);
  return parsed.success ? ({ type: event.type, data: parsed.data } as PlitEvent) : null;
}
