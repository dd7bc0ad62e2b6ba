import { Redis } from 'ioredis';
import { encode, type LiveMessage, LocalHub, type SocketDrop } from './hub.ts';

export type ControlHandler = (body: string) => void;

/**
 * Carries room frames to every server process. In one process it hands them straight to the
 * local hub; with Redis every process (this one included) receives them from the channel,
 * so all processes deliver in the same order.
 */
export interface LiveBus {
  readonly hub: LocalHub;
  publish(messages: LiveMessage[]): Promise<void>;
  /** An already-encoded frame that carries no number (presence, focus): delivered as is. */
  publishFrame(room: string, frame: string): void;
  /** A message between server processes, never forwarded to a browser. */
  publishControl(kind: string, body: string): void;
  onControl(kind: string, handler: ControlHandler): void;
  /**
   * Close live and collaboration sockets in every process: a person's (access removed, logged
   * out everywhere, a new password: all but the session that set it) or one session's (logged out).
   */
  drop(which: SocketDrop): Promise<void>;
  close(): Promise<void>;
}

class Controls {
  private readonly handlers = new Map<string, ControlHandler[]>();
  on(kind: string, handler: ControlHandler) {
    this.handlers.set(kind, [...(this.handlers.get(kind) ?? []), handler]);
  }
  emit(kind: string, body: string) {
    for (const handler of this.handlers.get(kind) ?? []) handler(body);
  }
}

const DROP = 'drop';

/** A drop travels between processes as JSON; anything else on the channel is ignored. */
function dropFrom(hub: LocalHub) {
  return (body: string) => {
    try {
      hub.drop(JSON.parse(body) as SocketDrop);
    } catch {
      // Not ours (or from an older process): nothing to close.
    }
  };
}

export function createInProcessBus(): LiveBus {
  const hub = new LocalHub();
  const controls = new Controls();
  controls.on(DROP, dropFrom(hub));
  return {
    hub,
    async publish(messages) {
      for (const m of messages) hub.deliver(m.room, encode(m));
    },
    publishFrame(room, frame) {
      hub.deliver(room, frame);
    },
    publishControl(kind, body) {
      // Asynchronous like Redis, so callers cannot come to rely on a synchronous echo.
      queueMicrotask(() => controls.emit(kind, body));
    },
    onControl: (kind, handler) => controls.on(kind, handler),
    async drop(which) {
      hub.drop(which);
    },
    async close() {},
  };
}

const CHANNEL = 'plit:live';

export async function createRedisBus(url: string): Promise<LiveBus> {
  const hub = new LocalHub();
  const controls = new Controls();
  controls.on(DROP, dropFrom(hub));
  const publisher = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const subscriber = new Redis(url, { lazyConnect: true });
  await Promise.all([publisher.connect(), subscriber.connect()]);
  await subscriber.subscribe(CHANNEL);
  subscriber.on('message', (_channel: string, raw: string) => {
    // "<room>\n<frame>": the frame is passed on exactly as encoded by the publisher.
    // "!<kind>\n<body>": a control message between processes. Room names never start with "!".
    const cut = raw.indexOf('\n');
    if (cut <= 0) return;
    const head = raw.slice(0, cut);
    if (head.startsWith('!')) controls.emit(head.slice(1), raw.slice(cut + 1));
    else hub.deliver(head, raw.slice(cut + 1));
  });
  const send = (payload: string) => {
    publisher.publish(CHANNEL, payload).catch(() => {
      // Frames without a number are refreshed by the next one; nothing to recover.
    });
  };
  return {
    hub,
    async publish(messages) {
      if (messages.length === 0) return;
      const pipeline = publisher.pipeline();
      for (const m of messages) pipeline.publish(CHANNEL, `${m.room}\n${encode(m)}`);
      await pipeline.exec();
    },
    publishFrame: (room, frame) => send(`${room}\n${frame}`),
    publishControl: (kind, body) => send(`!${kind}\n${body}`),
    onControl: (kind, handler) => controls.on(kind, handler),
    async drop(which) {
      await publisher.publish(CHANNEL, `!${DROP}\n${JSON.stringify(which)}`);
    },
    async close() {
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
    },
  };
}
