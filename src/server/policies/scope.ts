import type { Actor } from '../auth/actor.ts';

/** The thing a loader is about to hand out, named by the id a scoped link could be about. */
export type Subject = { cycleId: string } | { factRequestId: string } | { meetingId: string };

/**
 * May a session opened from a scoped link reach this? A full session always may (tenancy and
 * the other policies decide). A scoped one reaches its subject's month (the cycle the pages
 * read through), and within it only its own fact request or meeting; another request's,
 * month's or meeting's id is 404, like anything else out of reach. Which endpoints a scoped
 * session may call at all is the catalogue's `scopes` (http/route.ts).
 */
export function withinScope(actor: Actor, subject: Subject): boolean {
  const { scope } = actor;
  if (!scope) return true;
  if ('cycleId' in subject) return subject.cycleId === scope.cycleId;
  if ('factRequestId' in subject) return scope.kind === 'facts' && subject.factRequestId === scope.subjectId;
  return scope.kind === 'meeting' && subject.meetingId === scope.subjectId;
}
