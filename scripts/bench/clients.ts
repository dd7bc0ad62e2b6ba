import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { liveSocketUrl } from '../../src/shared/live.ts';
import { FACILITATOR_NAME, type PlitMeeting, type ServerKind } from './protocol.ts';

/** What the load process hears from a room's participants. */
export interface Listener {
  /** Participant `index` (0 is the facilitator) received the event carrying `marker`. */
  event(index: number, marker: string): void;
  /** Any other traffic (presence, awareness, sync): the room has not settled yet. */
  other(): void;
}

/** N participants in one room; the first is the facilitator. */
export interface Room {
  /** The facilitator acts once: one event for everyone else, carrying `marker`. */
  act(marker: string): void;
  close(): Promise<void>;
}

export interface Target {
  kind: ServerKind;
  port: number;
  meeting: PlitMeeting | null;
}

// Connecting a whole room at once would measure the server's accept queue, not the room.
const CONNECT_BATCH = 25;
const ITEM_ID = '6f1c2a4e-1b2c-4d3e-8f40-5a6b7c8d9e0f';

async function inBatches<T>(n: number, open: (index: number) => Promise<T>): Promise<T[]> {
  const opened: T[] = [];
  for (let from = 0; from < n; from += CONNECT_BATCH) {
    const batch = Array.from({ length: Math.min(CONNECT_BATCH, n - from) }, (_, k) => open(from + k));
    opened.push(...(await Promise.all(batch)));
  }
  return opened;
}

/** What the baselines relay: a frame shaped and sized like the focus frame Plit sends. */
const focusFrame = (room: string, marker: string) =>
  JSON.stringify({
    type: 'focus',
    room,
    focus: { itemId: ITEM_ID, topicId: marker, byName: FACILITATOR_NAME, at: new Date().toISOString() },
  });

interface Frame {
  type?: string;
  focus?: { topicId?: string };
}

/** Every participant parses what it receives, as a browser would. */
const parse = (text: string) => JSON.parse(text) as Frame;

function heard(listener: Listener, index: number, frame: Frame): void {
  if (frame.type === 'focus' && frame.focus?.topicId) listener.event(index, frame.focus.topicId);
  else listener.other();
}

function opened(socket: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
}

async function closeAll(sockets: WebSocket[]): Promise<void> {
  await Promise.all(
    sockets.map(
      (socket) =>
        new Promise<void>((resolve) => {
          if (socket.readyState === socket.CLOSED) return resolve();
          socket.once('close', () => resolve());
          socket.close();
          setTimeout(() => {
            socket.terminate();
            resolve();
          }, 2000).unref();
        }),
    ),
  );
}

async function joinRelay(target: Target, n: number, listener: Listener): Promise<Room> {
  const room = 'meeting:bench';
  const sockets = await inBatches(n, async (index) => {
    const socket = new WebSocket(`ws://127.0.0.1:${target.port}/${room}`);
    socket.on('message', (data) => heard(listener, index, parse(data.toString())));
    await opened(socket);
    return socket;
  });
  return {
    act: (marker) => sockets[0]!.send(focusFrame(room, marker)),
    close: () => closeAll(sockets),
  };
}

async function joinHocuspocus(target: Target, n: number, listener: Listener): Promise<Room> {
  const providers = await inBatches(
    n,
    (index) =>
      new Promise<HocuspocusProvider>((resolve, reject) => {
        // One socket per participant, as with one browser tab each.
        const websocketProvider = new HocuspocusProviderWebsocket({
          url: `ws://127.0.0.1:${target.port}`,
          WebSocketPolyfill: WebSocket,
        });
        const provider: HocuspocusProvider = new HocuspocusProvider({
          websocketProvider,
          name: 'meeting:bench',
          document: new Y.Doc(),
          // No awareness: the baseline is the stateless relay. Awareness renewals (every
          // participant, every 15 s, to everyone) would land on whichever room is measured.
          awareness: null,
          onSynced: () => resolve(provider),
          onAuthenticationFailed: ({ reason }) => reject(new Error(reason)),
          onStateless: ({ payload }) => heard(listener, index, parse(payload)),
        });
        provider.attach();
      }),
  );
  return {
    act: (marker) => providers[0]!.sendStateless(focusFrame('meeting:bench', marker)),
    close: async () => {
      for (const provider of providers) {
        const socket = provider.configuration.websocketProvider;
        provider.destroy();
        socket.destroy();
      }
    },
  };
}

async function joinPlit(target: Target, n: number, listener: Listener): Promise<Room> {
  const { meetingId, cookies } = target.meeting!;
  const room = `meeting:${meetingId}`;
  const address = `http://127.0.0.1:${target.port}`;
  // As a page of the bench server's PUBLIC_URL (servers/plit.ts): Plit checks Origin against it.
  const origin = 'http://127.0.0.1';
  const sockets = await inBatches(n, async (index) => {
    // The facilitator is the first account; everyone else shares the other accounts.
    const cookie = index === 0 ? cookies[0]! : cookies[1 + ((index - 1) % (cookies.length - 1))]!;
    const socket = new WebSocket(liveSocketUrl(address), { headers: { cookie, origin } });
    const subscribed = new Promise<void>((resolve, reject) => {
      socket.on('message', (data) => {
        const frame = parse(data.toString());
        if (frame.type === 'subscribed') return resolve();
        if (frame.type === 'denied') return reject(new Error(`plit denied participant ${index}`));
        // A refused focus shows up as lost events; say why on stderr.
        if (frame.type === 'error')
          console.error(`plit answered participant ${index}: ${JSON.stringify(frame)}`);
        heard(listener, index, frame);
      });
      socket.once('close', (code) => reject(new Error(`plit closed participant ${index}: ${code}`)));
    });
    await opened(socket);
    socket.send(JSON.stringify({ type: 'subscribe', room }));
    await subscribed;
    return socket;
  });
  return {
    act: (marker) =>
      sockets[0]!.send(JSON.stringify({ type: 'focus', meetingId, itemId: ITEM_ID, topicId: marker })),
    close: () => closeAll(sockets),
  };
}

export function joinRoom(target: Target, n: number, listener: Listener): Promise<Room> {
  if (target.kind === 'ws-relay') return joinRelay(target, n, listener);
  if (target.kind === 'hocuspocus') return joinHocuspocus(target, n, listener);
  return joinPlit(target, n, listener);
}
