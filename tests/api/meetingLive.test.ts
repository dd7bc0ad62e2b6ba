import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetings, topics } from '../../src/server/db/schema/index.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { meetingRoom, type PresentPerson } from '../../src/shared/live.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeAgency } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { listen, openLive } from '../support/live.ts';
import { liveMeeting } from '../support/meetings.ts';
import { makeCycle } from '../support/planning.ts';

let t: TestApp;
let host: string;
beforeAll(async () => {
  t = await createTestApp();
  host = await listen(t.app);
});
afterAll(() => t.close());

type Frame = Record<string, unknown>;
const people = (f: Frame) => (f.people as PresentPerson[]) ?? [];

describe('the meeting room over the live socket', () => {
  it('[P2] shows who is in, from which side, and who left', async () => {
    const agency = await makeAgency(t.database.db);
    const { meeting } = await liveMeeting(t, agency);
    const room = `meeting:${meeting.id}`;
    const manager = await openLive(host, agency.contentManager.cookie);
    expect((await manager.subscribe(room)).type).toBe('subscribed');
    const client = await openLive(host, agency.approver.cookie);
    await client.subscribe(room);
    const both = await manager.next(
      (f) => f.type === 'presence' && people(f).filter((p) => p.state === 'online').length === 2,
    );
    expect(
      people(both)
        .map((p) => p.side)
        .sort(),
    ).toEqual(['agency', 'client']);
    client.close();
    const after = await manager.next(
      (f) =>
        f.type === 'presence' && people(f).some((p) => p.name === agency.approver.name && p.state === 'gone'),
    );
    expect(people(after).find((p) => p.name === agency.contentManager.name)?.state).toBe('online');
    manager.close();
  });

  it("[P1] presence names the session's person, whatever the subscribe frame claims", async () => {
    const agency = await makeAgency(t.database.db);
    const { meeting } = await liveMeeting(t, agency);
    const room = meetingRoom(meeting.id);
    const contact = await openLive(host, agency.approver.cookie);
    // A page that tries to pass for the agency's owner: the frame's extra fields are not read.
    contact.send({ type: 'subscribe', room, userId: agency.owner.id, name: 'The CEO', side: 'agency' });
    expect(await contact.next((f) => f.type === 'subscribed' || f.type === 'denied')).toMatchObject({
      type: 'subscribed',
      room,
    });
    const seen = await contact.next((f) => f.type === 'presence' && people(f).length > 0);
    expect(people(seen)).toEqual([
      {
        userId: agency.approver.id,
        name: agency.approver.name,
        side: 'client',
        state: 'online',
        since: expect.any(String),
      },
    ]);
    contact.close();
  });

  it("[M1][M2] the facilitator's focus reaches everyone, and only the facilitator may move it", async () => {
    const agency = await makeAgency(t.database.db);
    const { meeting, plan } = await liveMeeting(t, agency);
    const room = `meeting:${meeting.id}`;
    const manager = await openLive(host, agency.contentManager.cookie);
    const client = await openLive(host, agency.approver.cookie);
    await manager.subscribe(room);
    await client.subscribe(room);
    const itemId = meeting.agenda[2]!.id;
    manager.send({ type: 'focus', meetingId: meeting.id, itemId, topicId: plan.topics[1]!.id });
    const seen = await client.next(
      (f) => f.type === 'focus' && (f.focus as Frame).topicId === plan.topics[1]!.id,
    );
    expect(seen.focus).toMatchObject({ itemId, byName: agency.contentManager.name });

    client.send({ type: 'focus', meetingId: meeting.id, itemId, topicId: plan.topics[0]!.id });
    expect(await client.next((f) => f.type === 'error')).toMatchObject({ code: 'forbidden', about: 'focus' });

    // Hand over: the old facilitator is refused at once, the new one moves everyone.
    const handed = await api(t.app, endpoints.handOverFacilitator, {
      params: { meetingId: meeting.id },
      cookie: agency.contentManager.cookie,
      body: { userId: agency.owner.id, version: meeting.version },
    });
    expect(handed.status).toBe(200);
    // The owner was not invited; any member of the agency may take over, by name.
    expect(handed.body.meeting.facilitatorName).toBe(agency.owner.name);
    await new Promise((r) => setTimeout(r, 20));
    manager.send({ type: 'focus', meetingId: meeting.id, itemId, topicId: plan.topics[2]!.id });
    expect(await manager.next((f) => f.type === 'error')).toMatchObject({ about: 'focus' });
    const owner = await openLive(host, agency.owner.cookie);
    await owner.subscribe(room);
    owner.send({ type: 'focus', meetingId: meeting.id, itemId, topicId: plan.topics[2]!.id });
    await client.next((f) => f.type === 'focus' && (f.focus as Frame).topicId === plan.topics[2]!.id);

    // A late joiner is shown where the room is, and the focus survives a restart in the database.
    const late = await openLive(host, agency.approver.cookie);
    await late.subscribe(room);
    await late.next((f) => f.type === 'focus' && (f.focus as Frame).topicId === plan.topics[2]!.id);
    // Written once the facilitator has stayed on it for a second.
    await new Promise((r) => setTimeout(r, 1600));
    const [row] = await t.database.db.select().from(meetings).where(eq(meetings.id, meeting.id));
    expect(row?.focus?.topicId).toBe(plan.topics[2]!.id);
    for (const s of [manager, client, owner, late]) s.close();
  });

  it('[M1] a focus names only this meeting’s agenda and plan: never a topic of another plan', async () => {
    const agency = await makeAgency(t.database.db);
    const { meeting, plan } = await liveMeeting(t, agency);
    // The agency's next month, not shared: its topic must not reach the client through the room.
    const hidden = await makeCycle(t.database.db, agency, '2027-01');
    const [secret] = await t.database.db
      .insert(topics)
      .values({
        clientId: agency.client.id,
        cycleId: hidden.id,
        title: 'Ще не показано клієнту',
        source: 'agency',
      })
      .returning();
    const room = `meeting:${meeting.id}`;
    const manager = await openLive(host, agency.contentManager.cookie);
    const client = await openLive(host, agency.approver.cookie);
    await manager.subscribe(room);
    await client.subscribe(room);
    const itemId = meeting.agenda[0]!.id;
    const refusals = () => manager.frames.filter((f) => f.type === 'error' && f.about === 'focus').length;
    manager.send({ type: 'focus', meetingId: meeting.id, itemId, topicId: secret!.id });
    await manager.next(() => refusals() === 1);
    // Nor an agenda item of no agenda of this meeting.
    manager.send({ type: 'focus', meetingId: meeting.id, itemId: secret!.id, topicId: null });
    await manager.next(() => refusals() === 2);
    // The room still moves to the plan's own topics.
    manager.send({ type: 'focus', meetingId: meeting.id, itemId, topicId: plan.topics[0]!.id });
    await client.next((f) => f.type === 'focus' && (f.focus as Frame).topicId === plan.topics[0]!.id);
    expect(JSON.stringify(client.frames)).not.toContain(secret!.id);
    for (const s of [manager, client]) s.close();
  });

  it("[A2][M1] refuses a contact of another client and a meeting's room before it is shared", async () => {
    const agency = await makeAgency(t.database.db);
    const { meeting } = await liveMeeting(t, agency);
    const stranger = await openLive(host, agency.otherClientApprover.cookie);
    expect((await stranger.subscribe(`meeting:${meeting.id}`)).type).toBe('denied');
    stranger.send({ type: 'focus', meetingId: meeting.id, itemId: null, topicId: null });
    expect(await stranger.next((f) => f.type === 'error')).toMatchObject({ code: 'forbidden' });
    stranger.close();
  });
});
