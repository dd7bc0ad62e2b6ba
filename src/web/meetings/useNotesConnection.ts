import { HocuspocusProvider, WebSocketStatus } from '@hocuspocus/provider';
import { useEffect, useState } from 'react';

/** What the notes' connection state tells the person: whether their typing reaches the others now. */
export type NotesStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'unavailable';

export interface NotesConnection {
  provider: HocuspocusProvider | null;
  status: NotesStatus;
  /** The server opened the notes read-only (the meeting has ended, say). */
  serverReadOnly: boolean;
}

/** The same name the server gives the document (src/server/meetings/notesAccess.ts). */
const notesDocument = (meetingId: string) => `meeting:${meetingId}:notes`;

const collabUrl = () => `${location.origin.replace(/^http/, 'ws')}/api/collab`;

/**
 * One Hocuspocus provider per meeting's notes, for as long as the editor is on screen. The
 * Yjs document outlives every drop of the connection: typing goes on offline and merges when
 * the provider is back.
 */
export function useNotesConnection(meetingId: string): NotesConnection {
  const [state, setState] = useState<NotesConnection>({
    provider: null,
    status: 'connecting',
    serverReadOnly: false,
  });

  useEffect(() => {
    const provider = new HocuspocusProvider({ url: collabUrl(), name: notesDocument(meetingId) });
    let socket: WebSocketStatus = WebSocketStatus.Connecting;
    let everConnected = false;
    let refused = false;
    let serverReadOnly = false;

    const statusNow = (): NotesStatus => {
      if (refused) return 'unavailable';
      if (!navigator.onLine) return 'offline';
      if (socket === WebSocketStatus.Connected && provider.isAuthenticated) return 'connected';
      return everConnected ? 'reconnecting' : 'connecting';
    };
    const update = () => setState({ provider, status: statusNow(), serverReadOnly });

    provider.on('status', ({ status }: { status: WebSocketStatus }) => {
      socket = status;
      update();
    });
    provider.on('authenticated', ({ scope }: { scope: string }) => {
      everConnected = true;
      serverReadOnly = scope === 'readonly';
      update();
    });
    // The server answers the same whether the notes do not exist or are not this person's.
    provider.on('authenticationFailed', () => {
      refused = true;
      update();
    });
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    update();
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
      provider.destroy();
    };
  }, [meetingId]);

  return state;
}
