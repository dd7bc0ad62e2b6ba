import { HocuspocusProvider, WebSocketStatus } from '@hocuspocus/provider';
import { useEffect, useState } from 'react';

/** Whether the writer's typing reaches the others now (same meaning as the meeting notes'). */
export type CopyStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'unavailable';

export interface CopyConnection {
  provider: HocuspocusProvider | null;
  status: CopyStatus;
  /** The document has loaded once: until then the editor is empty, not the copy. */
  synced: boolean;
  /** The server opened the copy read-only (the client reviews it, say). */
  serverReadOnly: boolean;
  /** Typing the server has not confirmed yet. */
  unsaved: boolean;
}

const collabUrl = () => `${location.origin.replace(/^http/, 'ws')}/api/collab`;

/**
 * One Hocuspocus provider for a post's copy while its editor is on screen. The server names the
 * document (`copyDocument`), so the browser never guesses which one it may open. Typing goes on
 * offline and merges when the connection is back.
 */
export function useCopyConnection(documentName: string | null, writable: boolean): CopyConnection {
  const [state, setState] = useState<CopyConnection>({
    provider: null,
    status: 'connecting',
    synced: false,
    serverReadOnly: false,
    unsaved: false,
  });

  // The server grants read or write when the connection opens: a post taken back (or sent)
  // reconnects, so the writer gets the access the post's status gives now.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `writable` reconnects on purpose
  useEffect(() => {
    if (!documentName) {
      setState({
        provider: null,
        status: 'unavailable',
        synced: false,
        serverReadOnly: true,
        unsaved: false,
      });
      return;
    }
    const provider = new HocuspocusProvider({ url: collabUrl(), name: documentName });
    let socket: WebSocketStatus = WebSocketStatus.Connecting;
    let everConnected = false;
    let refused = false;
    let synced = false;
    let serverReadOnly = false;
    let unsaved = false;

    const statusNow = (): CopyStatus => {
      if (refused) return 'unavailable';
      if (!navigator.onLine) return 'offline';
      if (socket === WebSocketStatus.Connected && provider.isAuthenticated) return 'connected';
      return everConnected ? 'reconnecting' : 'connecting';
    };
    const update = () => setState({ provider, status: statusNow(), synced, serverReadOnly, unsaved });

    provider.on('status', ({ status }: { status: WebSocketStatus }) => {
      socket = status;
      update();
    });
    provider.on('authenticated', ({ scope }: { scope: string }) => {
      everConnected = true;
      serverReadOnly = scope === 'readonly';
      update();
    });
    provider.on('synced', ({ state: isSynced }: { state: boolean }) => {
      if (isSynced) synced = true;
      update();
    });
    provider.on('unsyncedChanges', ({ number }: { number: number }) => {
      if (unsaved === number > 0) return;
      unsaved = number > 0;
      update();
    });
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
  }, [documentName, writable]);

  return state;
}
