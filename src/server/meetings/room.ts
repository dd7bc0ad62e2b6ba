import { and, eq } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket } from 'ws';
import { meetingOfRoom, meetingRoom, type RoomMember } from '../../shared/live.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/connect.ts';
import { agendaItems, type MeetingFocus, type MeetingTimer, meetings, topics } from '../db/schema/index.ts';
import type { LiveBus } from '../live/bus.ts';
import { encodeFrame } from '../live/hub.ts';
import { PresenceBoard } from '../live/presence.ts';
import { recordAttendance } from './attendance.ts';

export { meetingOfRoom, meetingRoom } from '../../shared/live.ts';

interface Rules {
  facilitatorId: string | null;
  status: string;
  cycleId: string;
  loadedAt: number;
}

const ANNOUNCE_EVERY = 15_000;
const RULES_TTL = 5_000;
// A little before the copy expires, a move re-reads it in the background: a facilitator who
// keeps moving never waits on the database (a re-read on the move itself was the slowest 1%).
const RULES_REFRESH = 4_000;
// The latest focus is written once the facilitator has stayed on it for a second, and at
// least every ten seconds while they keep moving. PGlite runs in this thread, so each write
// pauses the room for a moment; writing on every move would put that pause into the tail of
// every facilitator's clicks. A restart loses at most the last few seconds of pointing.
const FLUSH_CHECK = 250;
const SETTLED_AFTER = 1_000;
const WRITE_AT_LEAST_EVERY = 10_000;
// A join or leave is told to the room once per this window: a room of 200 filling up (or
// emptying) sends a few lists, not one per person to every person.
const PRESENCE_EVERY = 150;

/**
 * The fast lane of a meeting: presence and the facilitator's focus. These change many times
 * a minute and matter only while the room is on, so they skip the numbered event log: the
 * facilitator's move is checked against a cached copy of the meeting (dropped in every process
 * when the meeting changes), encoded once, and fanned out; the latest focus is written to the
 * database a moment later so a restarted server comes back to it.
 */
export class MeetingRooms {
  readonly presence = new PresenceBoard();
  private readonly rules = new Map<string, Rules>();
  private readonly reading = new Map<string, Promise<Rules | null>>();
  private readonly lastFocus = new Map<string, string>();
  private readonly unsaved = new Map<string, { focus: MeetingFocus; movedAt: number; since: number }>();
  private readonly timers: ReturnType<typeof setInterval>[] = [];
  private readonly presenceDue = new Map<string, ReturnType<typeof setTimeout>>();
  // Who this process has already recorded as having come, per room: one write per person.
  private readonly recorded = new Set<string>();

  private readonly db: Db;
  private readonly live: LiveBus;
  private readonly log: FastifyBaseLogger;

  constructor(db: Db, live: LiveBus, log: FastifyBaseLogger) {
    this.db = db;
    this.live = live;
    this.log = log;
    live.onControl('presence', (body) => this.heardPart(body));
    live.onControl('presence-hello', (room) => this.announce(room));
    live.onControl('meeting', (meetingId) => this.forgetRules(meetingId));
    live.onControl('focus', (body) => {
      const cut = body.indexOf('\n');
      this.lastFocus.set(body.slice(0, cut), body.slice(cut + 1));
    });
    this.timers.push(
      setInterval(() => {
        for (const room of this.presence.localRooms()) this.announce(room);
      }, ANNOUNCE_EVERY),
    );
    this.timers.push(setInterval(() => void this.flush(), FLUSH_CHECK));
    for (const t of this.timers) t.unref();
  }

  /**
   * A socket joined a meeting room: count it in, and show it where the room stands. While the
   * meeting is live the person is recorded as having come (once per process and person: a tab
   * reconnecting writes nothing), so the summary names who was there, not who was invited.
   */
  enter(room: string, socket: WebSocket, person: RoomMember, live = false): void {
    if (live) this.attended(room, person);
    const first = !this.presence.localRooms().includes(room);
    this.presence.enter(room, socket, person);
    this.announce(room);
    // Other processes say who they hold, so a room new to this process is complete at once.
    if (first) this.live.publishControl('presence-hello', room);
    const focus = this.lastFocus.get(room);
    if (focus && socket.readyState === socket.OPEN) socket.send(focus);
  }

  private attended(room: string, person: RoomMember): void {
    const meetingId = meetingOfRoom(room);
    const key = `${room}\n${person.userId}`;
    if (!meetingId || this.recorded.has(key)) return;
    this.recorded.add(key);
    recordAttendance(this.db, meetingId, [person]).catch((err: unknown) => {
      this.recorded.delete(key);
      this.log.warn({ err }, 'recording who came to the meeting failed');
    });
  }

  leave(socket: WebSocket, room?: string): void {
    for (const left of this.presence.leave(socket, room)) this.announce(left);
  }

  /** The meeting changed (facilitator, status): every process forgets its cached rules. */
  changed(meetingId: string): void {
    this.forgetRules(meetingId);
    this.live.publishControl('meeting', meetingId);
  }

  /**
   * The facilitator moves everyone's focus. Answers null when this person may not (not the
   * facilitator, the meeting not on); the caller tells the browser. Otherwise says whether a
   * timer is left running on another agenda item, for the caller to pause (only the current
   * item's timer runs): read with the item, so a move costs no extra query.
   */
  async focus(
    actor: Actor,
    meetingId: string,
    target: { itemId: string | null; topicId: string | null },
  ): Promise<{ timerLeftRunning: boolean } | null> {
    const rules = await this.rulesOf(meetingId);
    if (rules?.status !== 'live' || rules.facilitatorId !== actor.user.id) return null;
    // Everyone in the room receives the focus: it may name only this meeting's own agenda item
    // and a topic of its plan, never another plan's topic (an unshared one, another client's).
    const found = await this.isOfMeeting(meetingId, rules.cycleId, target);
    if (!found) return null;
    const room = meetingRoom(meetingId);
    const focus: MeetingFocus = { ...target, byName: actor.user.name, at: new Date().toISOString() };
    const frame = encodeFrame({ type: 'focus', room, focus });
    this.live.publishFrame(room, frame);
    this.live.publishControl('focus', `${room}\n${frame}`);
    const now = Date.now();
    this.unsaved.set(meetingId, { focus, movedAt: now, since: this.unsaved.get(meetingId)?.since ?? now });
    const timer = found.timer;
    return { timerLeftRunning: Boolean(target.itemId && timer?.endsAt && timer.itemId !== target.itemId) };
  }

  /** Null unless the item and the topic are this meeting's; then the meeting's timer as it stands. */
  private async isOfMeeting(
    meetingId: string,
    cycleId: string,
    { itemId, topicId }: { itemId: string | null; topicId: string | null },
  ): Promise<{ timer: MeetingTimer | null } | null> {
    const [item, topic] = await Promise.all([
      itemId
        ? this.db
            .select({ id: agendaItems.id, timer: meetings.timer })
            .from(agendaItems)
            .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
            .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId)))
        : [{ id: null, timer: null }],
      topicId
        ? this.db
            .select({ id: topics.id })
            .from(topics)
            .where(and(eq(topics.id, topicId), eq(topics.cycleId, cycleId)))
        : [{ id: null }],
    ]);
    return item[0] && topic.length > 0 ? { timer: item[0].timer ?? null } : null;
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    for (const t of this.presenceDue.values()) clearTimeout(t);
    await this.flush(true);
  }

  /** The cached rules while they are fresh (never older than RULES_TTL), otherwise read now. */
  private rulesOf(meetingId: string): Rules | Promise<Rules | null> {
    const cached = this.rules.get(meetingId);
    const age = cached ? Date.now() - cached.loadedAt : RULES_TTL;
    if (!cached || age >= RULES_TTL) return this.readRules(meetingId);
    if (age >= RULES_REFRESH)
      this.readRules(meetingId).catch((err: unknown) =>
        this.log.warn({ err }, 'reading meeting rules failed'),
      );
    return cached;
  }

  /** One read at a time per meeting. A read the meeting changed under is done again, not kept. */
  private readRules(meetingId: string): Promise<Rules | null> {
    const pending = this.reading.get(meetingId);
    if (pending) return pending;
    const read: Promise<Rules | null> = this.db
      .select({ facilitatorId: meetings.facilitatorId, status: meetings.status, cycleId: meetings.cycleId })
      .from(meetings)
      .where(eq(meetings.id, meetingId))
      .then(([row]) => {
        if (this.reading.get(meetingId) !== read) return this.readRules(meetingId);
        if (!row) return null;
        const rules = { ...row, loadedAt: Date.now() };
        this.rules.set(meetingId, rules);
        return rules;
      })
      .finally(() => {
        if (this.reading.get(meetingId) === read) this.reading.delete(meetingId);
      });
    this.reading.set(meetingId, read);
    return read;
  }

  private forgetRules(meetingId: string): void {
    this.rules.delete(meetingId);
    this.reading.delete(meetingId);
  }

  private announce(room: string): void {
    const people = this.presence.localPart(room);
    this.live.publishControl(
      'presence',
      JSON.stringify({ room, processId: this.presence.processId, people }),
    );
  }

  private heardPart(body: string): void {
    const { room, processId, people } = JSON.parse(body) as {
      room: string;
      processId: string;
      people: RoomMember[];
    };
    this.presence.mergePart(room, processId, people);
    if (this.presenceDue.has(room)) return;
    const timer = setTimeout(() => {
      this.presenceDue.delete(room);
      // Each process tells its own sockets; the list is the same everywhere once parts arrive.
      this.live.hub.deliver(room, encodeFrame({ type: 'presence', room, people: this.presence.list(room) }));
    }, PRESENCE_EVERY);
    timer.unref();
    this.presenceDue.set(room, timer);
  }

  /** Write the focus of meetings whose facilitator has settled (or kept moving for long); all of them on close. */
  private async flush(all = false): Promise<void> {
    if (this.unsaved.size === 0) return;
    const now = Date.now();
    const batch: Array<[string, MeetingFocus]> = [];
    for (const [meetingId, u] of this.unsaved) {
      if (all || now - u.movedAt >= SETTLED_AFTER || now - u.since >= WRITE_AT_LEAST_EVERY) {
        batch.push([meetingId, u.focus]);
        this.unsaved.delete(meetingId);
      }
    }
    for (const [meetingId, focus] of batch) {
      await this.db
        .update(meetings)
        .set({ focus })
        .where(eq(meetings.id, meetingId))
        .catch((err: unknown) => this.log.warn({ err }, 'saving the meeting focus failed'));
    }
  }

  /** The presence list as it stands, for a meeting's first load. */
  people(meetingId: string) {
    return this.presence.list(meetingRoom(meetingId));
  }
}
