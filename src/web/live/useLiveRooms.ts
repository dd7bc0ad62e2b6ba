import { useEffect, useRef, useSyncExternalStore } from 'react';
import { type LiveListener, type LiveStatus, liveConnection } from './connection.ts';

/**
 * Listens in the given rooms while the screen is shown. `onEvent` hears each event, or
 * `null` when events may have been missed and the screen should refetch.
 */
export function useLiveRooms(rooms: readonly string[], onEvent: LiveListener): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const roomKey = [...rooms].sort().join('\n');

  useEffect(() => {
    if (!roomKey) return;
    const listener: LiveListener = (event, room) => handler.current(event, room);
    const leaves = roomKey.split('\n').map((room) => liveConnection.join(room, listener));
    return () => {
      for (const leave of leaves) leave();
    };
  }, [roomKey]);
}

export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(liveConnection.onStatus, liveConnection.getStatus, () => 'idle' as const);
}
