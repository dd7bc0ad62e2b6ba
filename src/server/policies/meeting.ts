import type { Actor } from '../auth/actor.ts';
import type { cycles, meetings } from '../db/schema/index.ts';
import type { ClientRow } from '../tenancy.ts';
import { agencyRoleIn, isAgencyManager } from './agency.ts';

type ClientRef = Pick<ClientRow, 'id' | 'agencyId' | 'archivedAt'>;
type CycleRef = Pick<typeof cycles.$inferSelect, 'stage' | 'sharedAt'>;
type MeetingRef = Pick<typeof meetings.$inferSelect, 'status' | 'format' | 'facilitatorId'>;

/**
 * Who may do what in a meeting. Seeing it follows the plan (the agency always, the client's
 * contacts once the plan is shared). The agency runs it; both sides contribute while it is on.
 */

const open = (client: ClientRef, cycle: CycleRef) => cycle.stage !== 'closed' && client.archivedAt === null;
const isContact = (actor: Actor, client: ClientRef) => actor.contactOf.has(client.id);
export const sideOf = (actor: Actor, client: ClientRef): 'agency' | 'client' =>
  agencyRoleIn(actor, client.agencyId) ? 'agency' : 'client';

/** Schedule, reschedule, invite, edit the agenda, start, end, hand over, run the timer. */
export function canRunMeeting(actor: Actor, client: ClientRef, cycle: CycleRef): boolean {
  return isAgencyManager(actor, client.agencyId) && open(client, cycle);
}

/** Before and during the meeting: both sides may put questions, plans and ideas on the table. */
const contributing = (meeting: MeetingRef) => meeting.status !== 'ended';

/** Ideas, questions, votes, reactions, notes: anyone of the agency, and the client's contacts. */
export function canContribute(
  actor: Actor,
  client: ClientRef,
  cycle: CycleRef,
  meeting: MeetingRef,
): boolean {
  if (!open(client, cycle) || !contributing(meeting)) return false;
  return (
    agencyRoleIn(actor, client.agencyId) !== null || (isContact(actor, client) && cycle.sharedAt !== null)
  );
}

/** Votes and reactions count only while the room is on (or the fire-mode review is open). */
export function canVote(actor: Actor, client: ClientRef, cycle: CycleRef, meeting: MeetingRef): boolean {
  return meeting.status === 'live' && canContribute(actor, client, cycle, meeting);
}

/** Decisions are taken together: the agency's managers and the client's contacts, while it is on. */
export function canDecide(actor: Actor, client: ClientRef, cycle: CycleRef, meeting: MeetingRef): boolean {
  if (meeting.status !== 'live' || !open(client, cycle)) return false;
  return isAgencyManager(actor, client.agencyId) || (isContact(actor, client) && cycle.sharedAt !== null);
}

/** Only the facilitator moves everyone's focus. */
export function canFocus(actor: Actor, meeting: MeetingRef): boolean {
  return meeting.status === 'live' && meeting.facilitatorId === actor.user.id;
}

/** Fire mode: the client's contacts comment and give verdicts; the agency answers. */
export function canComment(actor: Actor, client: ClientRef, cycle: CycleRef, meeting: MeetingRef): boolean {
  return (
    meeting.format === 'async' && meeting.status === 'live' && canContribute(actor, client, cycle, meeting)
  );
}

export function meetingAbilities(actor: Actor, client: ClientRef, cycle: CycleRef, meeting: MeetingRef) {
  return {
    run: canRunMeeting(actor, client, cycle),
    contribute: canContribute(actor, client, cycle, meeting),
    vote: canVote(actor, client, cycle, meeting),
    decide: canDecide(actor, client, cycle, meeting),
    focus: canFocus(actor, meeting),
    comment: canComment(actor, client, cycle, meeting),
  };
}
