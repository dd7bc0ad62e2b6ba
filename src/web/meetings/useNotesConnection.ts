import { type CollabConnection, useCollabConnection } from '../collab/useCollabConnection.ts';

/** The same name the server gives the document (src/server/meetings/notesAccess.ts). */
const notesDocument = (meetingId: string) => `meeting:${meetingId}:notes`;

/** The meeting's shared notes, for as long as the editor is on screen. */
export const useNotesConnection = (meetingId: string): CollabConnection =>
  useCollabConnection(notesDocument(meetingId));
