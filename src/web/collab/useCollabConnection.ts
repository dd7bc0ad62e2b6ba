import { HocuspocusProvider, WebSocketStatus } from '@hocuspocus/provider';
import { useEffect, useState } from 'react';
import { collabSocketUrl } from '../../shared/live.ts';
import { reconnectWhenServerLeaves } from './reconnect.ts';

/** Whether one's typing reaches the others now. */
export type CollabStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'unavailable';

export interface CollabConnection {
  provider: HocuspocusProvider | null;
  status: CollabStatus;
  /** The document has loaded once: until then the editor is empty, not the copy. */
  synced: boolean;
  /** The server opened the document read-only (a post with the client, an ended meeting). */
  serverReadOnly: boolean;
  /** Typing the server has not confirmed yet. */
  unsaved: boolean;
}

/**
 * One Hocuspocus provider for a shared document (meeting notes, a post's copy) while its editor
 * is on screen. The Yjs document outlives every drop of the connection: typing goes on offline
 * and merges when the provider is back. A refusal looks the same whether the document does not
 * exist or is not this person's. A change of `accessKey` reconnects on purpose: the server
 * grants read or write when the connection opens.
 */
export function useCollabConnection(
  documentName: string | null,
  accessKey: unknown = null,
): CollabConnection {
  const [state, setState] = useState<CollabConnection>({
    provider: null,
    status: 'connecting',
    synced: false,
    serverReadOnly: false,
    unsaved: false,
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: `accessKey` reconnects on purpose
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
    const provider = new HocuspocusProvider({ url: collabSocketUrl(location.origin), name: documentName });
    let socket: WebSocketStatus = WebSocketStatus.Connecting;
    let everConnected = false;
    let refused = false;
    let synced = false;
    let serverReadOnly = false;
    let unsaved = false;

    const statusNow = (): CollabStatus => {
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
    const stopReconnecting = reconnectWhenServerLeaves(provider);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    update();
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
      stopReconnecting();
      provider.destroy();
    };
  }, [documentName, accessKey]);

  return state;
}
