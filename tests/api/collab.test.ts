import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { buildApp } from '../../src/server/app.ts';
import { NOTES_FIELD, readNotes } from '../../src/server/collab/notesText.ts';
import { loadState } from '../../src/server/collab/store.ts';
import type { App } from '../../src/server/context.ts';
import { connect, type Database, type Db } from '../../src/server/db/connect.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { cycles, meetings } from '../../src/server/db/schema/index.ts';
import { loadEnv } from '../../src/server/env.ts';
import { closeSockets } from '../../src/server/http/gracefulStop.ts';
import { notesDocument } from '../../src/server/meetings/notesAccess.ts';
import { COPY_FIELD, copyDocument } from '../../src/server/posts/copyDoc.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { collabSocketUrl } from '../../src/shared/live.ts';
import { reconnectWhenServerLeaves } from '../../src/web/collab/reconnect.ts';
import { until } from '../support/collab.ts';
import { engines } from '../support/engines.ts';
import { makeAgency, type TestAgency } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { listen } from '../support/live.ts';
import { makeCycle } from '../support/planning.ts';
import { editCopy, firstRun, makeWritingMonth, setCopy } from '../support/posts.ts';

const ORIGIN = 'http://plit.test';
const schema = getSchema([StarterKit.configure({ undoRedo: false })]);

async function startApp(
  database: Database,
  env: Record<string, string> = {},
): Promise<{ app: App; host: string }> {
  const app = await buildApp({
    env: loadEnv({ NODE_ENV: 'test', PUBLIC_URL: ORIGIN, LOG_LEVEL: 'silent', ...env }),
    database,
    webRoot: null,
    logger: false,
  });
  return { app, host: await listen(app) };
}

let months = 0;
/** A live online meeting of a cycle of the agency's first client (shared with the client unless asked). */
async function makeMeeting(db: Db, agency: TestAgency, shared = true) {
  const month = `2027-${String((months++ % 12) + 1).padStart(2, '0')}`;
  const cycle = await makeCycle(db, agency, month, shared);
  const [meeting] = await db
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

/** A browser's provider in Node: ws with the session cookie and the page's Origin. */
function openDocument(
  host: string,
  cookie: string | null,
  documentName: string,
  field: string,
  origin = ORIGIN,
) {
  const closes: number[] = [];
  class BrowserSocket extends WebSocket {
    constructor(url: string) {
      super(url, { headers: { ...(cookie ? { cookie } : {}), origin } });
      this.on('close', (code) => closes.push(code));
    }
  }
  const socket = new HocuspocusProviderWebsocket({
    url: collabSocketUrl(`http://${host}`),
    WebSocketPolyfill: BrowserSocket,
    // Refused sockets are not retried in tests; a real browser keeps trying.
    maxAttempts: 1,
  });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: documentName });
  // What the server answered to each change sent: 1 applied, 0 refused.
  const statuses: number[] = [];
  provider.on('message', ({ message }: { message: { readVarString(): string; readVarUint(): number } }) => {
    message.readVarString();
    if (message.readVarUint() === 8) statuses.push(message.readVarUint());
  });
  const refusals: string[] = [];
  const outcome = new Promise<{ scope: string } | { denied: string }>((resolve) => {
    provider.on('authenticated', ({ scope }: { scope: string }) => resolve({ scope }));
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
      refusals.push(reason);
      resolve({ denied: reason });
    });
  });
  provider.attach();
  const fragment = provider.document.getXmlFragment(field);
  return {
    provider,
    fragment,
    statuses,
    closes,
    refusals,
    outcome,
    synced: () => until('the first sync', () => provider.synced),
    /** Every change sent so far has been acknowledged by the server. */
    acknowledged: () => until('the acknowledgement', () => provider.synced && provider.unsyncedChanges === 0),
    text: () => fragment.toString(),
    /** Append a paragraph, as the editor does when someone types on a new line. */
    addParagraph(text: string) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(text)]);
      fragment.insert(fragment.length, [paragraph]);
    },
    close() {
      provider.destroy();
      socket.destroy();
    },
  };
}

const openNotes = (host: string, cookie: string | null, meetingId: string, origin = ORIGIN) =>
  openDocument(host, cookie, notesDocument(meetingId), NOTES_FIELD, origin);

/** What the database holds of a document: its compacted state and the changes stored since. */
const storedDocument = (db: Db, name: string) => loadState(db, name);

const storedState = (db: Db, meetingId: string) => storedDocument(db, notesDocument(meetingId));

/**
 * The editor's provider as useCollabConnection makes it (its own socket, the browser's retries),
 * in Node. Resolves with how long it was away when the server closed its socket with "going away".
 */
async function timeAway(host: string, cookie: string, documentName: string, soon: boolean) {
  const closes: number[] = [];
  class BrowserSocket extends WebSocket {
    constructor(url: string) {
      super(url, { headers: { cookie, origin: ORIGIN } });
      this.on('close', (code) => closes.push(code));
      this.on('error', () => {});
    }
  }
  const provider = new HocuspocusProvider({
    url: collabSocketUrl(`http://${host}`),
    name: documentName,
    // The provider hands its whole configuration to the socket it makes for itself (as in the
    // browser); only its type leaves the polyfill out.
    ...({ WebSocketPolyfill: BrowserSocket } as object),
  });
  const stop = soon ? reconnectWhenServerLeaves(provider) : () => {};
  let status = WebSocketStatus.Connecting;
  provider.on('status', (event: { status: WebSocketStatus }) => {
    status = event.status;
  });
  await until('the first sync', () => provider.synced);
  return {
    closes,
    async away(app: App) {
      const left = Date.now();
      closeSockets(app);
      await until('disconnected', () => status === WebSocketStatus.Disconnected, 2000);
      await until('connected again', () => status === WebSocketStatus.Connected, 5000);
      const ms = Date.now() - left;
      stop();
      provider.destroy();
      return ms;
    },
  };
}

describe('shared meeting notes (PGlite)', () => {
  let database: Database;
  let server: { app: App; host: string };
  beforeAll(async () => {
    database = await connect({});
    await migrate(database);
    server = await startApp(database);
  });
  afterAll(async () => {
    await server.app.close();
    await database.close();
  });

  it("[S4][16.6] the editor reconnects within moments of a 1001 close, not after the provider's one-second retry", async () => {
    const agency = await makeAgency(database.db);
    const meeting = await makeMeeting(database.db, agency);
    const document = notesDocument(meeting.id);

    const soon = await timeAway(server.host, agency.owner.cookie, document, true);
    const soonMs = await soon.away(server.app);
    expect(soon.closes[0]).toBe(1001);
    // Without it the provider waits its fixed second first: the difference this makes.
    const plain = await timeAway(server.host, agency.owner.cookie, document, false);
    const plainMs = await plain.away(server.app);
    expect(plainMs).toBeGreaterThanOrEqual(1000);
    expect(soonMs).toBeLessThan(900);
  });

  it('an agency member and a client contact type into one document and both see the merged text', async () => {
    const agency = await makeAgency(database.db);
    const meeting = await makeMeeting(database.db, agency);
    const cm = openNotes(server.host, agency.contentManager.cookie, meeting.id);
    const client = openNotes(server.host, agency.approver.cookie, meeting.id);
    expect(await cm.outcome).toEqual({ scope: 'read-write' });
    expect(await client.outcome).toEqual({ scope: 'read-write' });
    await Promise.all([cm.synced(), client.synced()]);

    // Both type before seeing the other's line.
    cm.addParagraph('Agency: three reels in December');
    client.addParagraph('Client: the fair opens on the 12th');
    for (const side of [cm, client]) {
      await until('both lines on both sides', () => side.fragment.length === 2);
    }
    expect(cm.text()).toBe(client.text());
    expect(cm.text()).toContain('Agency: three reels in December');
    expect(cm.text()).toContain('Client: the fair opens on the 12th');

    // And into the very same line at once.
    const cmLine = cm.fragment.get(0) as Y.XmlElement;
    const clientLine = client.fragment.get(0) as Y.XmlElement;
    (cmLine.get(0) as Y.XmlText).insert(0, '[A] ');
    (clientLine.get(0) as Y.XmlText).insert(0, '[C] ');
    await until(
      'the same line merged',
      () => cm.text() === client.text() && cm.text().includes('[A]') && cm.text().includes('[C]'),
    );
    cm.close();
    client.close();
  });

  it("[P1] stamps each caret with the session's person, whatever name the browser sends", async () => {
    const agency = await makeAgency(database.db);
    const meeting = await makeMeeting(database.db, agency);
    const cm = openNotes(server.host, agency.contentManager.cookie, meeting.id);
    const client = openNotes(server.host, agency.approver.cookie, meeting.id);
    await Promise.all([cm.synced(), client.synced()]);
    cm.provider.setAwarenessField('user', { name: 'The CEO', color: '#364fc7' });
    const seen = await until('the caret on the other side', () => {
      const state = client.provider.awareness?.getStates().get(cm.provider.document.clientID);
      return state?.user as { name: string; color: string } | undefined;
    });
    expect(seen).toEqual({ name: agency.contentManager.name, color: '#364fc7' });
    cm.close();
    client.close();
  });

  it('[C1] an acknowledged change is already in the database (a crash right after it loses nothing)', async () => {
    const agency = await makeAgency(database.db);
    const meeting = await makeMeeting(database.db, agency);
    const notes = openNotes(server.host, agency.owner.cookie, meeting.id);
    await notes.synced();
    for (const line of ['First point', 'Second point', 'Third point']) {
      notes.addParagraph(line);
      await notes.acknowledged();
      // No waiting for a debounced save: what the provider counts as synced is stored.
      expect((await readNotes({ db: database.db }, meeting.id)).paragraphs).toContain(line);
    }
    notes.close();
  });

  it('a long paste (100 kB in one change) is accepted and stored, not refused and resent forever', async () => {
    const agency = await makeAgency(database.db);
    const meeting = await makeMeeting(database.db, agency);
    const notes = openNotes(server.host, agency.owner.cookie, meeting.id);
    await notes.synced();
    notes.addParagraph('п'.repeat(50_000));
    await notes.acknowledged();
    expect(notes.closes).toEqual([]);
    expect((await readNotes({ db: database.db }, meeting.id)).text).toHaveLength(50_000);
    notes.close();
  });

  it('the notes survive closing the server and starting a new one on the same database', async () => {
    const agency = await makeAgency(database.db);
    const meeting = await makeMeeting(database.db, agency);
    const own = await startApp(database);
    const writer = openNotes(own.host, agency.contentManager.cookie, meeting.id);
    await writer.synced();
    writer.addParagraph('Budget: 40 000 ₴ for ads');
    writer.addParagraph('Бюджет погоджено');
    await writer.acknowledged();
    writer.close();
    await own.app.close();

    const again = await startApp(database);
    const reader = openNotes(again.host, agency.approver.cookie, meeting.id);
    await reader.synced();
    expect(reader.text()).toContain('Budget: 40 000 ₴ for ads');
    expect(reader.text()).toContain('Бюджет погоджено');
    reader.close();
    await again.app.close();
  });

  it('stores a compacted state: deleted text does not pile up', async () => {
    const agency = await makeAgency(database.db);
    const meeting = await makeMeeting(database.db, agency);
    const own = await startApp(database);
    const notes = openNotes(own.host, agency.owner.cookie, meeting.id);
    await notes.synced();
    notes.addParagraph('x'.repeat(20_000));
    await notes.acknowledged();
    notes.fragment.delete(0, 1);
    notes.addParagraph('kept');
    await notes.acknowledged();
    const appended = (await storedState(database.db, meeting.id))!.length;
    expect(appended).toBeGreaterThan(20_000);
    // The last one out triggers the debounced store, which rebuilds the document.
    notes.close();
    await until(
      'the compacted state',
      async () => (await storedState(database.db, meeting.id))!.length < 1000,
    );
    expect((await readNotes({ db: database.db }, meeting.id)).paragraphs).toEqual(['kept']);
    await own.app.close();
  });

  it('[S1] a logged-out socket and a page of another site are closed before they can ask for a document', async () => {
    const agency = await makeAgency(database.db);
    const meeting = await makeMeeting(database.db, agency);
    const anonymous = openNotes(server.host, null, meeting.id);
    const foreign = openNotes(server.host, agency.owner.cookie, meeting.id, 'https://evil.example');
    await until('both sockets closed', () => anonymous.closes.length > 0 && foreign.closes.length > 0);
    expect(anonymous.closes[0]).toBe(4401);
    expect(foreign.closes[0]).toBe(4403);
    expect(anonymous.provider.isAuthenticated || foreign.provider.isAuthenticated).toBe(false);
    anonymous.close();
    foreign.close();
  });

  it("[C3] refuses another client's contact and an unknown meeting with the same answer, and sends them nothing", async () => {
    const agency = await makeAgency(database.db);
    const meeting = await makeMeeting(database.db, agency);
    const writer = openNotes(server.host, agency.owner.cookie, meeting.id);
    await writer.synced();
    writer.addParagraph('Confidential: the price goes up');
    await writer.acknowledged();

    const otherContact = openNotes(server.host, agency.otherClientApprover.cookie, meeting.id);
    const outsider = await makeAgency(database.db);
    const otherAgency = openNotes(server.host, outsider.owner.cookie, meeting.id);
    const unknown = openNotes(server.host, agency.owner.cookie, crypto.randomUUID());
    const denied = await Promise.all([otherContact.outcome, otherAgency.outcome, unknown.outcome]);
    expect(denied).toEqual([
      { denied: 'permission-denied' },
      { denied: 'permission-denied' },
      { denied: 'permission-denied' },
    ]);
    // Their edits go nowhere either.
    otherContact.addParagraph('Planted');
    await new Promise((r) => setTimeout(r, 100));
    expect(otherContact.text()).not.toContain('Confidential');
    expect((await readNotes({ db: database.db }, meeting.id)).paragraphs).toEqual([
      'Confidential: the price goes up',
    ]);
    for (const p of [writer, otherContact, otherAgency, unknown]) p.close();
  });

  it('[A3] a contact removed from the client is cut off at once and refused when the editor reconnects', async () => {
    const agency = await makeAgency(database.db);
    const meeting = await makeMeeting(database.db, agency);
    const contact = openNotes(server.host, agency.approver.cookie, meeting.id);
    expect(await contact.outcome).toEqual({ scope: 'read-write' });
    const removed = await api(server.app, endpoints.removeContact, {
      params: { clientId: agency.client.id, userId: agency.approver.id },
      cookie: agency.contentManager.cookie,
    });
    expect(removed.status).toBe(200);
    await until('the socket closed', () => contact.closes.includes(4401));
    await until('the reconnect refused', () => contact.refusals.length > 0);
    expect(contact.refusals).toEqual(['permission-denied']);
    contact.close();
  });

  it('[C3] a contact cannot open the notes of a plan not shared with the client yet', async () => {
    const agency = await makeAgency(database.db);
    const meeting = await makeMeeting(database.db, agency, false);
    const contact = openNotes(server.host, agency.approver.cookie, meeting.id);
    expect(await contact.outcome).toEqual({ denied: 'permission-denied' });
    contact.close();
  });

  it('[C4] ending the meeting closes the open editors; they come back read-only', async () => {
    const agency = await makeAgency(database.db);
    const meeting = await makeMeeting(database.db, agency);
    await database.db.update(cycles).set({ stage: 'meeting' }).where(eq(cycles.id, meeting.cycleId));
    const contact = openNotes(server.host, agency.approver.cookie, meeting.id);
    expect(await contact.outcome).toEqual({ scope: 'read-write' });
    const ended = await api(server.app, endpoints.endMeeting, {
      params: { meetingId: meeting.id },
      cookie: agency.contentManager.cookie,
      body: { version: meeting.version },
    });
    expect(ended.status).toBe(200);
    // The editor that was open when it ended can no longer write...
    await new Promise((r) => setTimeout(r, 100));
    const answered = contact.statuses.length;
    contact.addParagraph('Written after the end');
    await new Promise((r) => setTimeout(r, 1000));
    expect(contact.statuses.slice(answered)).not.toContain(1);
    expect((await readNotes({ db: database.db }, meeting.id)).paragraphs).not.toContain(
      'Written after the end',
    );
    contact.close();
    // ...and opening the notes again gives a read-only view.
    const again = openNotes(server.host, agency.approver.cookie, meeting.id);
    expect(await again.outcome).toEqual({ scope: 'readonly' });
    again.close();
  });

  it('[C2] a read-only person sees the notes but their edits are refused and the stored document does not change', async () => {
    const agency = await makeAgency(database.db);
    const meeting = await makeMeeting(database.db, agency);
    const writer = openNotes(server.host, agency.owner.cookie, meeting.id);
    await writer.synced();
    writer.addParagraph('Decisions so far');
    await writer.acknowledged();
    // Once the meeting has ended, everyone still reads the notes and nobody writes.
    await database.db.update(meetings).set({ status: 'ended' }).where(eq(meetings.id, meeting.id));

    const reader = openNotes(server.host, agency.approver.cookie, meeting.id);
    expect(await reader.outcome).toEqual({ scope: 'readonly' });
    // Its own catch-up (nothing new) is answered as applied; wait for that first.
    await reader.acknowledged();
    expect(reader.text()).toContain('Decisions so far');
    const before = await storedState(database.db, meeting.id);
    const answered = reader.statuses.length;
    reader.addParagraph('Sneaked in afterwards');
    await until('the answer to the edit', () => reader.statuses.length > answered);
    expect(reader.statuses.slice(answered)).toEqual([0]);
    expect(reader.provider.unsyncedChanges).toBeGreaterThan(0);
    expect(writer.text()).not.toContain('Sneaked in');
    expect(await storedState(database.db, meeting.id)).toEqual(before);
    expect((await readNotes({ db: database.db }, meeting.id)).paragraphs).toEqual(['Decisions so far']);
    writer.close();
    reader.close();
  });

  it("[C2][C4] a post's copy, once sent to the client: the open editor's edit is not stored, and it reopens read-only", async () => {
    const agency = await makeAgency(database.db);
    const plan = await makeWritingMonth(database.db, agency);
    const created = await api(server.app, endpoints.createPost, {
      params: { cycleId: plan.cycle.id },
      cookie: agency.contentManager.cookie,
      body: { slotId: plan.slots[0]!.id },
    });
    expect(created.status).toBe(201);
    const postId: string = created.body.post.id;
    await setCopy(database.db, postId, 'Нова кава з Ефіопії.');
    const name = copyDocument(postId);
    const editor = openDocument(server.host, agency.creator.cookie, name, COPY_FIELD);
    expect(await editor.outcome).toEqual({ scope: 'read-write' });
    await editor.acknowledged();

    const current = await api(server.app, endpoints.getPost, {
      params: { postId },
      cookie: agency.contentManager.cookie,
    });
    const sent = await api(server.app, endpoints.movePost, {
      params: { postId },
      cookie: agency.contentManager.cookie,
      body: { to: 'client_review', version: current.body.post.version },
    });
    expect(sent.status).toBe(200);
    const stored = await storedDocument(database.db, name);
    // The editor that was open when the post went out can no longer write...
    await new Promise((r) => setTimeout(r, 100));
    const answered = editor.statuses.length;
    editor.addParagraph('Змінено після відправки');
    await new Promise((r) => setTimeout(r, 1000));
    expect(editor.statuses.slice(answered)).not.toContain(1);
    expect(await storedDocument(database.db, name)).toEqual(stored);
    editor.close();

    // ...and opened again it is read-only: what it sends is refused and nothing is stored.
    const again = openDocument(server.host, agency.creator.cookie, name, COPY_FIELD);
    expect(await again.outcome).toEqual({ scope: 'readonly' });
    await again.acknowledged();
    const before = again.statuses.length;
    again.addParagraph('Ще одна спроба');
    await until('the answer to the edit', () => again.statuses.length > before);
    expect(again.statuses.slice(before)).toEqual([0]);
    expect(await storedDocument(database.db, name)).toEqual(stored);
    again.close();
  });

  it("[C3] a client contact never opens a post's copy, sent or not: refused exactly like a copy that does not exist", async () => {
    const agency = await makeAgency(database.db);
    const plan = await makeWritingMonth(database.db, agency);
    const startPost = async (slot: number) => {
      const created = await api(server.app, endpoints.createPost, {
        params: { cycleId: plan.cycle.id },
        cookie: agency.contentManager.cookie,
        body: { slotId: plan.slots[slot]!.id },
      });
      expect(created.status).toBe(201);
      return created.body.post.id as string;
    };
    const sentId = await startPost(0);
    const draftId = await startPost(1);
    const secret = `MARKER-copy-${crypto.randomUUID().slice(0, 8)}`;
    await setCopy(database.db, sentId, 'Новий купаж з Ефіопії.');
    await setCopy(database.db, draftId, secret);
    const current = await api(server.app, endpoints.getPost, {
      params: { postId: sentId },
      cookie: agency.contentManager.cookie,
    });
    const sent = await api(server.app, endpoints.movePost, {
      params: { postId: sentId },
      cookie: agency.contentManager.cookie,
      body: { to: 'client_review', version: current.body.post.version },
    });
    expect(sent.status).toBe(200);
    // The agency writes on after the client asked for changes: the live copy is not theirs.
    const asked = await api(server.app, endpoints.movePost, {
      params: { postId: sentId },
      cookie: agency.approver.cookie,
      body: { to: 'changes_requested', revision: 1, note: 'Додайте ціну' },
    });
    expect(asked.status).toBe(200);
    await editCopy(database.db, sentId, (f) => firstRun(f).insert(0, `${secret} `));
    // The contact reads the post (REST) but not its live document.
    expect(
      (
        await api(server.app, endpoints.getPost, {
          params: { postId: sentId },
          cookie: agency.approver.cookie,
        })
      ).status,
    ).toBe(200);

    const opened = [
      openDocument(server.host, agency.approver.cookie, copyDocument(sentId), COPY_FIELD),
      openDocument(server.host, agency.approver.cookie, copyDocument(draftId), COPY_FIELD),
      openDocument(server.host, agency.approver.cookie, copyDocument(crypto.randomUUID()), COPY_FIELD),
      openDocument(server.host, agency.owner.cookie, copyDocument(crypto.randomUUID()), COPY_FIELD),
    ];
    const answers = await Promise.all(opened.map((o) => o.outcome));
    expect(answers).toEqual(Array(4).fill({ denied: 'permission-denied' }));
    await new Promise((r) => setTimeout(r, 200));
    // The same answer, the same (open) socket, and not a byte of the document.
    const seen = opened.map((o) => ({
      refusals: o.refusals,
      closes: o.closes,
      synced: o.provider.synced,
      text: o.text(),
    }));
    expect(seen.slice(0, 3)).toEqual([seen[3], seen[3], seen[3]]);
    expect(seen[3]).toEqual({ refusals: ['permission-denied'], closes: [], synced: false, text: '' });
    for (const o of opened) o.close();
  });

  it('readNotes turns the Tiptap document into plain paragraphs', async () => {
    const agency = await makeAgency(database.db);
    const meeting = await makeMeeting(database.db, agency);
    expect(await readNotes({ db: database.db }, meeting.id)).toEqual({ text: '', paragraphs: [] });

    const notes = openNotes(server.host, agency.contentManager.cookie, meeting.id);
    await notes.synced();
    const text = (value: string, marks?: Array<{ type: string }>) => ({ type: 'text', text: value, marks });
    const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });
    const item = (...content: unknown[]) => ({ type: 'listItem', content });
    prosemirrorJSONToYXmlFragment(
      schema,
      {
        type: 'doc',
        content: [
          { type: 'heading', attrs: { level: 2 }, content: [text('Підсумки зустрічі')] },
          paragraph(text('We agreed on '), text('three', [{ type: 'bold' }]), text(' reels.')),
          { type: 'paragraph' },
          {
            type: 'bulletList',
            content: [
              item(paragraph(text('Reels on Fridays')), {
                type: 'bulletList',
                content: [item(paragraph(text('starting 5 December')))],
              }),
              item(paragraph(text('No posts on the 31st'))),
            ],
          },
          {
            type: 'orderedList',
            attrs: { start: 1 },
            content: [item(paragraph(text('Send the price list')))],
          },
          { type: 'blockquote', content: [paragraph(text('“Less text, more faces”'))] },
        ],
      },
      notes.fragment,
    );
    await notes.acknowledged();
    const paragraphs = [
      'Підсумки зустрічі',
      'We agreed on three reels.',
      '• Reels on Fridays',
      '  • starting 5 December',
      '• No posts on the 31st',
      '1. Send the price list',
      '“Less text, more faces”',
    ];
    expect(await readNotes({ db: database.db }, meeting.id)).toEqual({
      text: paragraphs.join('\n'),
      paragraphs,
    });
    notes.close();
  });
});

const postgres = engines().find((e) => e.name === 'postgres');
const redisUrl = process.env.TEST_REDIS_URL;

/** Two server processes behind a load balancer: they share only PostgreSQL and Redis. */
describe.skipIf(!postgres || !redisUrl)(
  'shared notes across two server processes (PostgreSQL + Redis)',
  () => {
    let database: Database;
    let dispose: () => Promise<void>;
    const servers: Array<{ app: App; host: string }> = [];
    beforeAll(async () => {
      ({ database, dispose } = await postgres!.open());
      await migrate(database);
      for (let i = 0; i < 2; i++) servers.push(await startApp(database, { REDIS_URL: redisUrl! }));
    });
    afterAll(async () => {
      for (const s of servers) await s.app.close();
      await dispose();
    });

    it('[C5][C1] people on different processes edit one document; every acknowledged line is stored', async () => {
      const [a, b] = servers;
      const agency = await makeAgency(database.db);
      const meeting = await makeMeeting(database.db, agency);
      const onA = openNotes(a!.host, agency.contentManager.cookie, meeting.id);
      const onB = openNotes(b!.host, agency.approver.cookie, meeting.id);
      await Promise.all([onA.synced(), onB.synced()]);
      onA.addParagraph('Typed on process A');
      onB.addParagraph('Typed on process B');
      for (const side of [onA, onB]) {
        await until('both lines on both processes', () => side.fragment.length === 2);
      }
      expect(onA.text()).toBe(onB.text());
      await Promise.all([onA.acknowledged(), onB.acknowledged()]);
      expect((await readNotes({ db: database.db }, meeting.id)).paragraphs.sort()).toEqual([
        'Typed on process A',
        'Typed on process B',
      ]);
      onA.close();
      onB.close();
    });
  },
);
