import { Redis } from 'ioredis';
import { encode, type LiveMessage, LocalHub } from './hub.ts';

/**
 * Carries room frames to every server process. In one process it hands them straight to the
 * local hub; with Redis every process (this one included) receives them from the channel,
 * so all processes deliver in the same order.
 */
export interface LiveBus {
  readonly hub: LocalHub;
  publish(messages: LiveMessage[]): Promise<void>;
  /** Close a person's live connections in every process (access removed, logged out everywhere). */
  dropUser(userId: string): Promise<void>;
  close(): Promise<void>;
}

export function createInProcessBus(): LiveBus {
  const hub = new LocalHub();
  return {
    hub,
    async publish(messages) {
      for (const m of messages) hub.deliver(m.room, encode(m));
    },
    async dropUser(userId) {
      hub.dropUser(userId);
    },
    async close() {},
  };
}

const CHANNEL = 'plit:live';
// Room names start with "client:", so this head can never be mistaken for one.
const DROP = '!drop';

export async function createRedisBus(url: string): Promise<LiveBus> {
  const hub = new LocalHub();
  const publisher = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const subscriber = new Redis(url, { lazyConnect: true });
  await Promise.all([publisher.connect(), subscriber.connect()]);
  await subscriber.subscribe(CHANNEL);
  subscriber.on('message', (_channel: string, raw: string) => {
    // "<room>\n<frame>": the frame is passed on exactly as encoded by the publisher;
    // "!drop\n<userId>" closes that person's sockets.
    const cut = raw.indexOf('\n');
    if (cut <= 0) return;
    const head = raw.slice(0, cut);
    if (head === DROP) hub.dropUser(raw.slice(cut + 1));
    else hub.deliver(head, raw.slice(cut + 1));
  });
  return {
    hub,
    async publish(messages) {
      if (messages.length === 0) return;
      const pipeline = publisher.pipeline();
      for (const m of messages) pipeline.publish(CHANNEL, `${m.room}\n${encode(m)}`);
      await pipeline.exec();
    },
    async dropUser(userId) {
      await publisher.publish(CHANNEL, `${DROP}\n${userId}`);
    },
    async close() {
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
    },
  };
}
