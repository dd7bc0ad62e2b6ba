import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { everyoneRoom, meetingRoom } from '../../src/shared/live.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeAgency, type TestAgency } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { listen, openLive } from '../support/live.ts';
import { liveMeeting } from '../support/meetings.ts';

let t: TestApp;
let host: string;
beforeAll(async () => {
  t = await createTestApp();
  host = await listen(t.app);
});
afterAll(() => t.close());

const meetingNow = async (agency: TestAgency, meetingId: string) =>
  (await api(t.app, endpoints.getMeeting, { params: { meetingId }, cookie: agency.approver.cookie })).body
    .meeting;

type Frame = Record<string, unknown>;
const eventOf = (f: Frame) => f.event as { type: string; data: Record<string, unknown> } | undefined;

describe('the timer follows the focus', () => {
  it('[M4] moving the focus to another agenda item pauses the timer left running there, for everyone', async () => {
    const agency = await makeAgency(t.database.db);
    const { meeting, plan } = await liveMeeting(t, agency);
    const [first, second] = meeting.agenda;
    const run = await api(t.app, endpoints.controlMeetingTimer, {
      params: { meetingId: meeting.id },
      cookie: agency.contentManager.cookie,
      body: { action: 'start', itemId: first!.id },
    });
    expect(run.body.meeting.timer).toMatchObject({ itemId: first!.id, endsAt: expect.any(String) });

    const facilitator = await openLive(host, agency.contentManager.cookie);
    const contact = await openLive(host, agency.approver.cookie);
    await facilitator.subscribe(meetingRoom(meeting.id));
    await contact.subscribe(meetingRoom(meeting.id));
    expect((await contact.subscribe(everyoneRoom(agency.client.id))).type).toBe('subscribed');

    // A move within the same item (another topic) leaves its timer running.
    facilitator.send({
      type: 'focus',
      meetingId: meeting.id,
      itemId: first!.id,
      topicId: plan.topics[0]!.id,
    });
    await contact.next((f) => f.type === 'focus' && (f.focus as Frame).topicId === plan.topics[0]!.id);
    await new Promise((r) => setTimeout(r, 200));
    expect((await meetingNow(agency, meeting.id)).timer?.endsAt).toEqual(expect.any(String));

    facilitator.send({ type: 'focus', meetingId: meeting.id, itemId: second!.id, topicId: null });
    const heard = await contact.next((f) => f.type === 'event' && eventOf(f)?.type === 'meeting.timer');
    expect(eventOf(heard)!.data).toMatchObject({
      action: 'pause',
      itemId: first!.id,
      because: 'focus_moved',
      timer: { itemId: first!.id, endsAt: null },
    });
    const after = await meetingNow(agency, meeting.id);
    expect(after.timer).toMatchObject({ itemId: first!.id, endsAt: null });
    // What was left is kept: coming back to the item, the facilitator resumes from there.
    expect(after.timer!.remainingMs).toBeGreaterThan(first!.minutes * 60_000 - 10_000);
    expect(after.timer!.remainingMs).toBeLessThanOrEqual(first!.minutes * 60_000);

    // A paused timer is not touched again by later moves.
    facilitator.send({ type: 'focus', meetingId: meeting.id, itemId: first!.id, topicId: null });
    await contact.next((f) => f.type === 'focus' && (f.focus as Frame).itemId === first!.id);
    await new Promise((r) => setTimeout(r, 200));
    const pauses = contact.frames.filter((f) => eventOf(f)?.type === 'meeting.timer');
    expect(pauses).toHaveLength(1);
    facilitator.close();
    contact.close();
  });

  it('[M4] a timer started on the item the room is on keeps running when the focus stays on it', async () => {
    const agency = await makeAgency(t.database.db);
    const { meeting } = await liveMeeting(t, agency);
    const [, second] = meeting.agenda;
    const facilitator = await openLive(host, agency.contentManager.cookie);
    await facilitator.subscribe(meetingRoom(meeting.id));
    facilitator.send({ type: 'focus', meetingId: meeting.id, itemId: second!.id, topicId: null });
    await facilitator.next((f) => f.type === 'focus' && (f.focus as Frame).itemId === second!.id);
    await api(t.app, endpoints.controlMeetingTimer, {
      params: { meetingId: meeting.id },
      cookie: agency.contentManager.cookie,
      body: { action: 'start', itemId: second!.id },
    });
    facilitator.send({ type: 'focus', meetingId: meeting.id, itemId: second!.id, topicId: null });
    await new Promise((r) => setTimeout(r, 300));
    expect((await meetingNow(agency, meeting.id)).timer).toMatchObject({
      itemId: second!.id,
      endsAt: expect.any(String),
    });
    facilitator.close();
  });
});
