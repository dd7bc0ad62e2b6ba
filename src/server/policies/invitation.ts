import type { Actor } from '../auth/actor.ts';

/**
 * An invitation's link is meant to be passed on, by the person who sent it: not by every
 * manager of the agency, who would then hold a way into an account someone else invited.
 */
export const canCopyInvitationLink = (actor: Actor, invitation: { invitedBy: string | null }) =>
  invitation.invitedBy !== null && invitation.invitedBy === actor.user.id;
