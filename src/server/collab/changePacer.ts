import type { FrameBudget } from '../live/budget.ts';

/** What the pacer needs of a socket: to stop and restart reading it. */
export interface Readable {
  pause(): void;
  resume(): void;
}

export interface ChangePacer {
  /** A frame read from the socket, handled now or, in order, once the change budget allows. */
  push(frame: Uint8Array): void;
  /** The socket closed: nothing more is handed on. */
  stop(): void;
}

/** Frames held while paused; only what the socket had buffered already can arrive after a pause. */
const MAX_HELD = 2000;

/**
 * Document changes of one collaboration socket, handed on at the pace of `budget` and in the
 * order they came. A change is stored in the database before it is acknowledged, so it is the
 * dearest frame a socket can send: fifty sockets each sending 20 a second (well under their
 * frame budget) kept the server busy for minutes (issue 14; `npm run bench:socket-flood --
 * --collab-frames=update`). Over the budget nothing is refused, since refusing a change would
 * make the editor resend it: the socket stops being read until a change may pass again, so the
 * backlog waits in the sender's buffers, not in our memory or our database queue. Frames of
 * other kinds behind a held change wait with it (the order of a socket's frames is kept).
 */
export function changePacer(
  socket: Readable,
  budget: FrameBudget,
  isChange: (frame: Uint8Array) => boolean,
  handle: (frame: Uint8Array) => void,
  overflow: () => void,
): ChangePacer {
  const held: Uint8Array[] = [];
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const drain = () => {
    timer = undefined;
    while (held.length > 0 && !stopped) {
      const frame = held[0]!;
      if (isChange(frame) && !budget.take()) {
        timer = setTimeout(drain, budget.wait());
        return;
      }
      held.shift();
      handle(frame);
    }
    if (!stopped) socket.resume();
  };

  return {
    push(frame) {
      if (stopped) return;
      if (held.length === 0 && (!isChange(frame) || budget.take())) {
        handle(frame);
        return;
      }
      held.push(frame);
      if (held.length > MAX_HELD) {
        overflow();
        return;
      }
      if (!timer) {
        socket.pause();
        timer = setTimeout(drain, budget.wait());
      }
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      held.length = 0;
    },
  };
}
