import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { readNotes } from '../../../src/server/collab/notesText.ts';
import { meetings } from '../../../src/server/db/schema/index.ts';
import { collabChangeBudget, roomsPerSocket, socketsPerSession } from '../../../src/server/live/budget.ts';
import { notesDocument } from '../../../src/server/meetings/notesAccess.ts';
import { closeCodes, collabSocketUrl, everyoneRoom, livePath, teamRoom } from '../../../src/shared/live.ts';
import { createTestApp, type TestApp } from '../../support/app.ts';
import { makeAgency, makeClient, type TestAgency } from '../../support/factories.ts';
import { listen, openLive } from '../../support/live.ts';
import { makeCycle } from '../../support/planning.ts';

let t: TestApp;
let host: string;
beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: 'http://plit.test' });
  host = await listen(t.app);
});
afterAll(() => t.close());

type Live = Awaited<ReturnType<typeof openLive>>;

/** The close code, or 'open' if the socket is still open once a ping has been answered. */
async function closedOrOpen(live: Live): Promise<number | 'open'> {
  const pong = live
    .next((f) => f.type === 'pong')
    .then(() => 'open' as const)
    .catch(() => 'open' as const);
  live.send({ type: 'ping' });
  return Promise.race([live.closed.then((c) => c.code), pong]);
}

/** A live meeting of a shared plan of the agency's first client: its notes are a shared document. */
async function liveMeeting(agency: TestAgency) {
  const cycle = await makeCycle(t.database.db, agency, '2027-01', true);
  const [meeting] = await t.database.db
    .insert(meetings)
    .values({
      cycleId: cycle.id,
      clientId: agency.client.id,
      format: 'online',
      status: 'live',
      startsAt: new Date(),
    })
    .returning();
  return meeting!;
}

/** A browser's editor on a meeting's notes, over its own collaboration socket, not retried once closed. */
async function openNotes(cookie: string, meetingId: string) {
  const closes: number[] = [];
  class BrowserSocket extends WebSocket {
    constructor(url: string) {
      super(url, { headers: { cookie, origin: 'http://plit.test' } });
      this.on('close', (code) => closes.push(code));
    }
  }
  const socket = new HocuspocusProviderWebsocket({
    url: collabSocketUrl(`http://${host}`),
    WebSocketPolyfill: BrowserSocket,
    maxAttempts: 1,
  });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: notesDocument(meetingId) });
  const synced = new Promise<void>((resolve) => provider.on('synced', () => resolve()));
  provider.attach();
  await synced;
  const close = () => {
    provider.destroy();
    socket.destroy();
  };
  return { provider, closes, close };
}

async function until(what: string, probe: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('[14.7] a socket cannot take the server for itself', () => {
  it('[S3][14.7] a flood of frames gets the socket closed with 1008 while another socket keeps working', async () => {
    const agency = await makeAgency(t.database.db);
    const flooding = await openLive(host, agency.approver.cookie);
    const other = await openLive(host, agency.approver.cookie);
    for (let i = 0; i < 500; i++) flooding.send({ type: 'subscribe', room: everyoneRoom(agency.client.id) });
    expect((await flooding.closed).code).toBe(closeCodes.overLimit);
    expect((await other.subscribe(everyoneRoom(agency.client.id))).type).toBe('subscribed');
    other.close();
  });

  it("[S3][14.7] a collaboration socket flooding frames is closed with 1008 while another session's keeps editing", async () => {
    const agency = await makeAgency(t.database.db);
    const meeting = await liveMeeting(agency);
    const flooding = await openNotes(agency.owner.cookie, meeting.id);
    const other = await openNotes(agency.contentManager.cookie, meeting.id);
    // Over the burst at once: small frames Hocuspocus would otherwise handle one by one.
    for (let i = 0; i < 1000; i++) flooding.provider.sendStateless('flood');
    await until('the flooding socket to be closed', () => flooding.closes.length > 0);
    expect(flooding.closes[0]).toBe(closeCodes.overLimit);
    expect(other.closes).toEqual([]);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('still here')]);
    other.provider.document.getXmlFragment('default').insert(0, [paragraph]);
    await until('the edit to be acknowledged', () => other.provider.unsyncedChanges === 0);
    expect(other.closes).toEqual([]);
    flooding.close();
    other.close();
  });

  it('[S3][14.7] document changes beyond the change budget are read at its pace: not refused, not lost, the socket kept open', async () => {
    const agency = await makeAgency(t.database.db);
    const meeting = await liveMeeting(agency);
    const typing = await openNotes(agency.owner.cookie, meeting.id);
    const other = await openNotes(agency.contentManager.cookie, meeting.id);
    // Each paragraph is its own Yjs transaction, so its own update frame: 40 over the burst.
    const count = collabChangeBudget.burst + 40;
    const started = Date.now();
    const fragment = typing.provider.document.getXmlFragment('default');
    for (let i = 0; i < count; i++) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(`line ${i}`)]);
      fragment.insert(fragment.length, [paragraph]);
    }
    // Another person's edit to the same document is not held behind the typist's backlog.
    const theirs = new Y.XmlElement('paragraph');
    theirs.insert(0, [new Y.XmlText('from the other editor')]);
    other.provider.document.getXmlFragment('default').insert(0, [theirs]);
    await until('the other edit to be acknowledged', () => other.provider.unsyncedChanges === 0);
    expect(typing.provider.unsyncedChanges).toBeGreaterThan(0);
    await until('every change to be acknowledged', () => typing.provider.unsyncedChanges === 0, 30_000);
    // The 40 beyond the burst cannot be read faster than the budget refills.
    expect(Date.now() - started).toBeGreaterThanOrEqual((40 / collabChangeBudget.perSecond) * 1000 * 0.9);
    expect(typing.closes).toEqual([]);
    const stored = (await readNotes({ db: t.database.db }, meeting.id)).paragraphs;
    expect(stored).toHaveLength(count + 1);
    expect(stored).toContain('from the other editor');
    expect(stored.filter((line) => line.startsWith('line '))).toEqual(
      Array.from({ length: count }, (_, i) => `line ${i}`),
    );
    typing.close();
    other.close();
  });

  it(`[S3][14.7] the socket over ${socketsPerSession} of one session is refused with 1008`, async () => {
    const agency = await makeAgency(t.database.db);
    const open: Live[] = [];
    for (let i = 0; i < socketsPerSession; i++) open.push(await openLive(host, agency.owner.cookie));
    const extra = await openLive(host, agency.owner.cookie);
    expect(await closedOrOpen(extra)).toBe(closeCodes.overLimit);
    // Those already open keep working, and another session of the same person is not counted.
    expect(await closedOrOpen(open[0]!)).toBe('open');
    expect(await closedOrOpen(await openLive(host, agency.contentManager.cookie))).toBe('open');
    // A closed one frees its place.
    open[0]!.close();
    await open[0]!.closed;
    await new Promise((r) => setTimeout(r, 50));
    expect(await closedOrOpen(await openLive(host, agency.owner.cookie))).toBe('open');
  });

  it(`[S3][14.7] the collaboration socket over ${socketsPerSession} of one session is refused with 1008`, async () => {
    const agency = await makeAgency(t.database.db);
    const open = async () => {
      const socket = new WebSocket(collabSocketUrl(`http://${host}`), {
        headers: { cookie: agency.owner.cookie, origin: 'http://plit.test' },
      });
      const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
      await new Promise<void>((resolve, reject) => {
        socket.once('open', () => resolve());
        socket.once('error', reject);
      });
      return { socket, closed };
    };
    const sockets = [];
    for (let i = 0; i < socketsPerSession; i++) sockets.push(await open());
    const extra = await open();
    const stillOpen = new Promise<'open'>((resolve) => setTimeout(() => resolve('open'), 1000));
    expect(await Promise.race([extra.closed, stillOpen])).toBe(closeCodes.overLimit);
    expect(sockets.every(({ socket }) => socket.readyState === WebSocket.OPEN)).toBe(true);
    for (const { socket } of sockets) socket.close();
  });

  it(`[S3][14.7] subscription ${roomsPerSocket + 1} of one socket is refused with an error frame`, async () => {
    const agency = await makeAgency(t.database.db);
    const rooms: string[] = [];
    while (rooms.length < roomsPerSocket) {
      const client = await makeClient(t.database.db, agency.id);
      rooms.push(teamRoom(client.id), everyoneRoom(client.id));
    }
    const live = await openLive(host, agency.owner.cookie);
    // Sent a few at a time: the cap is on rooms, not on the frame budget.
    for (const room of rooms.slice(0, roomsPerSocket))
      expect((await live.subscribe(room)).type).toBe('subscribed');
    const over = teamRoom(agency.client.id);
    live.send({ type: 'subscribe', room: over });
    const answer = await live.next((f) => f.type === 'error' || (f.type === 'subscribed' && f.room === over));
    expect(answer).toEqual({ type: 'error', code: 'too_many_rooms', about: 'subscribe' });
    // Leaving a room makes room for another.
    live.send({ type: 'unsubscribe', room: rooms[0] });
    expect((await live.subscribe(over)).type).toBe('subscribed');
    live.close();
  });

  it('[S3][14.7] 700 socket upgrades from one address within a minute are not answered 429; REST still is at 600', async () => {
    const office = '203.0.113.7';
    const { owner } = await makeAgency(t.database.db);
    for (let i = 0; i < 700; i++) {
      const res = await t.app.inject({ method: 'GET', url: `${livePath}?protocol=1`, remoteAddress: office });
      expect(res.statusCode, `upgrade ${i + 1}`).not.toBe(429);
    }
    const statuses: number[] = [];
    for (let i = 0; i < 601; i++) {
      statuses.push(
        (
          await t.app.inject({
            method: 'GET',
            url: '/api/me',
            remoteAddress: office,
            headers: { cookie: owner.cookie },
          })
        ).statusCode,
      );
    }
    expect(statuses.slice(0, 600).every((s) => s !== 429)).toBe(true);
    expect(statuses[600]).toBe(429);
  });
});
