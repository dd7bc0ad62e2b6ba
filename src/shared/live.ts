import { z } from 'zod';
import type { PlitEvent } from './events/index.ts';
import type { Side } from './roles.ts';

/**
 * The live socket's protocol, declared once for the server (routes/live.ts, live/hub.ts,
 * meetings/room.ts) and the browser (web/live/connection.ts). LIVE-SPEC.md states the rules
 * it keeps, each with the tests that prove it.
 */

/**
 * The version of the frames below. Bump it when a frame changes in a way an open page of the
 * previous build would misread (a frame or field renamed, removed or retyped): the server then
 * tells pages on an older number to reload instead of serving them frames they cannot read
 * (LIVE-SPEC [V1]). A new optional field, or a new frame old pages ignore, needs no bump.
 */
export const LIVE_PROTOCOL = 1;

export const livePath = '/api/live';
export const collabPath = '/api/collab';

/** The query parameter of the live socket's address that carries the page's protocol version. */
export const protocolParam = 'protocol';

/** ws:// for a page served over http, wss:// for https. `origin`: the page's, e.g. `location.origin`. */
const socketOrigin = (origin: string) => origin.replace(/^http/, 'ws');

/**
 * The address of the live socket for a page at `origin`. The version rides in the address, so
 * the server can turn an outdated page away before reading a single frame from it.
 */
export const liveSocketUrl = (origin: string, protocol: number = LIVE_PROTOCOL) =>
  `${socketOrigin(origin)}${livePath}?${protocolParam}=${protocol}`;

/** The address of the shared-document socket (Hocuspocus speaks its own, versioned protocol there). */
export const collabSocketUrl = (origin: string) => `${socketOrigin(origin)}${collabPath}`;

/** The protocol version a live socket's address (path and query) says it speaks; null when none. */
export function protocolOf(address: string): number | null {
  const value = new URL(address, 'http://plit.invalid').searchParams.get(protocolParam);
  return value !== null && /^\d+$/.test(value) ? Number(value) : null;
}

/**
 * How the server closes a socket, live or collaboration. Browsers cannot read the HTTP status of
 * a refused upgrade, so every refusal is a close code after the socket opened.
 */
export const closeCodes = {
  /** No session, or the person's access changed (removed, logged out everywhere): refetch, rejoin what one still may. */
  unauthorized: 4401,
  /** Opened by a page of another site: it must not listen or write with the visitor's cookie. */
  foreignOrigin: 4403,
  /** The page speaks an older protocol: reload it. Preceded by an `outdated` frame. */
  outdated: 4426,
  /**
   * Too much from one socket or one session (LIVE-SPEC [S3]): frames faster than the budget, or
   * more open sockets than a session may hold. The standard "policy violation".
   */
  overLimit: 1008,
  /**
   * The server is stopping (a restart, a deploy, a node taken out): reconnect at once, through
   * the proxy to another node or to this one once it is back. The standard "going away".
   */
  goingAway: 1001,
} as const;

/**
 * A server that closed a socket on purpose to go away (ours: 1001 on a stop; 1012 "service
 * restart", which proxies send): the page reconnects within moments, through the proxy to
 * another node or to this one once it is back, instead of after its usual backoff. Spread over
 * RECONNECT_SPREAD_MS so a node's every page does not arrive in the same instant.
 */
export const reconnectAtOnce = (code: number) => code === closeCodes.goingAway || code === 1012;
export const RECONNECT_SPREAD_MS = 250;

// Room names say who may be in them (see server/live/rooms.ts for who may join which).

/** The agency's people: every change of that client, drafts included. */
export const teamRoom = (clientId: string) => `client:${clientId}:team`;
/** Everyone who sees the client, its contacts included: only what they may see. */
export const everyoneRoom = (clientId: string) => `client:${clientId}:all`;
/** A meeting's fast lane: presence and the facilitator's focus, without numbers. */
export const meetingRoom = (meetingId: string) => `meeting:${meetingId}`;

const clientRoomPattern = /^client:([0-9a-f-]{36}):(team|all)$/;
const meetingRoomPattern = /^meeting:([0-9a-f-]{36})$/;

/** The client and scope a client room names; null for any other name. */
export function clientRoomOf(room: string): { clientId: string; scope: 'team' | 'all' } | null {
  const match = clientRoomPattern.exec(room);
  return match ? { clientId: match[1]!, scope: match[2] as 'team' | 'all' } : null;
}

export const meetingOfRoom = (room: string): string | null => meetingRoomPattern.exec(room)?.[1] ?? null;

// Frames from the browser. The server parses each one with this schema; anything else is
// answered with an `error` frame and the socket stays open.

const room = z.string().max(100);

export const clientFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('subscribe'), room }),
  z.object({ type: z.literal('unsubscribe'), room }),
  z.object({ type: z.literal('ping') }),
  // The facilitator moves everyone's focus (an agenda item and, within "topics", a topic).
  z.object({
    type: z.literal('focus'),
    meetingId: z.uuid(),
    itemId: z.uuid().nullable(),
    topicId: z.uuid().nullable(),
  }),
]);
export type ClientFrame = z.infer<typeof clientFrame>;

// Frames from the server.

/**
 * What happened: the event's type and what it carries. This is the one place the event
 * catalogue (src/shared/events.ts) plugs in: swap it for the catalogue's union and every
 * `event` frame, on both sides, is typed by it.
 */
export type LiveEventBody = PlitEvent;

/** An event as it travels to browsers. */
export type LiveEvent = LiveEventBody & {
  clientId: string | null;
  subjectType: string;
  subjectId: string;
  actorName: string | null;
  at: string;
};

/** Someone connected to a meeting room, as the session says (never as the browser says). */
export interface RoomMember {
  userId: string;
  name: string;
  side: Side;
}

/** A line of a meeting room's presence list: who is here, or was here and left. */
export interface PresentPerson extends RoomMember {
  state: 'online' | 'gone';
  /** Online: since when; gone: when last seen. */
  since: string;
}

/** Where the facilitator points everyone: an agenda item and, within "topics", a topic. */
export interface LiveFocus {
  itemId: string | null;
  topicId: string | null;
  byName: string | null;
  at: string;
}

/** A numbered change of a room: the number is one more than the room's previous one. */
export interface EventFrame {
  type: 'event';
  room: string;
  seq: number;
  event: LiveEvent;
}

export type ServerFrame =
  /** Joined: the room's current number, where the browser starts counting; `now` is the server's clock. */
  | { type: 'subscribed'; room: string; seq: number; now: number }
  /** Not allowed in the room, or no such room: the two look the same. */
  | { type: 'denied'; room: string }
  | EventFrame
  | { type: 'pong'; now: number }
  /** Unnumbered, meeting rooms only: the latest one is the truth. */
  | { type: 'presence'; room: string; people: PresentPerson[] }
  | { type: 'focus'; room: string; focus: LiveFocus }
  /** Something this socket sent was refused (it names no room). */
  | {
      type: 'error';
      code: 'malformed_request' | 'forbidden' | 'too_many_rooms';
      about?: 'focus' | 'subscribe';
    }
  /** The page's protocol is not the server's: sent just before closing with `closeCodes.outdated`. */
  | { type: 'outdated'; protocol: number };

/** The frames a meeting screen hears as they come, outside the numbered sequence. */
export type UnnumberedFrame = Extract<ServerFrame, { type: 'presence' | 'focus' | 'error' }>;
