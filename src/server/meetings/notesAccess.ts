import type { Actor } from '../auth/actor.ts';
import type { Executor } from '../db/connect.ts';
import { canContribute } from '../policies/meeting.ts';
import { loadMeeting } from './load.ts';

/** The Yjs document of a meeting's shared notes. */
export const notesDocument = (meetingId: string) => `meeting:${meetingId}:notes`;
const pattern = /^meeting:([0-9a-f-]{36}):notes$/;

export const meetingOfDocument = (name: string): string | null => pattern.exec(name)?.[1] ?? null;

/**
 * May this person open a notes document, and may they write? The same rules as the meeting:
 * anyone who sees the meeting reads; contributors write until it ends. null: as if it did not exist.
 */
export async function notesAccess(
  db: Executor,
  actor: Actor,
  documentName: string,
): Promise<'write' | 'read' | null> {
  const meetingId = meetingOfDocument(documentName);
  if (!meetingId) return null;
  try {
    const { client, cycle, meeting } = await loadMeeting(db, actor, meetingId);
    return canContribute(actor, client, cycle, meeting) ? 'write' : 'read';
  } catch {
    return null;
  }
}
