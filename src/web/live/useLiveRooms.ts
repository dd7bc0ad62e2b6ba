import { useEffect, useRef, useSyncExternalStore } from 'react';
import { type FrameListener, type LiveListener, type LiveStatus, liveConnection } from './connection.ts';
import { noticeWhenOutdated } from './OutdatedNotice.tsx';

/**
 * Listens in the given rooms while the screen is shown. `onEvent` hears each event, or
 * `null` when events may have been missed and the screen should refetch. `onFrame` hears
 * the unnumbered frames of meeting rooms (presence, focus) and errors about what was sent.
 * A screen that listens also tells the person when the server has moved on to a newer
 * protocol and the page must be reloaded.
 */
export function useLiveRooms(rooms: readonly string[], onEvent: LiveListener, onFrame?: FrameListener): void {
  useEffect(() => noticeWhenOutdated(liveConnection), []);
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const frameHandler = useRef(onFrame);
  frameHandler.current = onFrame;
  const hearsFrames = Boolean(onFrame);
  const roomKey = [...rooms].sort().join('\n');

  useEffect(() => {
    if (!roomKey) return;
    const listener: LiveListener = (event, room) => handler.current(event, room);
    const frames: FrameListener | undefined = hearsFrames
      ? (frame) => frameHandler.current?.(frame)
      : undefined;
    const leaves = roomKey.split('\n').map((room) => liveConnection.join(room, listener, frames));
    return () => {
      for (const leave of leaves) leave();
    };
  }, [roomKey, hearsFrames]);
}

export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(liveConnection.onStatus, liveConnection.getStatus, () => 'idle' as const);
}
