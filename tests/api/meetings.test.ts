import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cycles, outbox, topics } from '../../src/server/db/schema/index.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import type { BodyOf } from '../../src/shared/api/endpoint.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { errorOf } from '../support/errors.ts';
import { makeAgency, makeContact, type TestAgency } from '../support/factories.ts';
import { api, raw } from '../support/http.ts';
import { makePlanForMeeting } from '../support/meetings.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** The error answer of a valid call that the meeting's state refuses (its body is typed as the success). */

async function scheduled(agency: TestAgency, format: 'online' | 'offline' | 'async' = 'online') {
  const plan = await makePlanForMeeting(t.database.db, agency);
  const res = await api(t.app, endpoints.scheduleMeeting, {
    params: { cycleId: plan.cycle.id },
    cookie: agency.contentManager.cookie,
    body: {
      format,
      date: '2026-11-27',
      time: '11:00',
      callLink: format === 'online' ? 'https://meet.example.com/abc' : undefined,
      place: format === 'offline' ? 'Office, Khreshchatyk 1' : undefined,
      participantIds: [agency.contentManager.id, agency.approver.id],
    },
  });
  expect(res.status).toBe(201);
  return { plan, meeting: res.body.meeting };
}

async function started(agency: TestAgency, format: 'online' | 'async' = 'online') {
  const s = await scheduled(agency, format);
  const res = await api(t.app, endpoints.startMeeting, {
    params: { meetingId: s.meeting.id },
    cookie: agency.contentManager.cookie,
    body: { version: s.meeting.version },
  });
  expect(res.status).toBe(200);
  return { ...s, meeting: res.body.meeting };
}

describe('scheduling a meeting', () => {
  it('keeps the local time, builds the standard agenda and invites both sides with an .ics', async () => {
    const agency = await makeAgency(t.database.db);
    const { meeting } = await scheduled(agency);
    expect(meeting).toMatchObject({
      status: 'scheduled',
      date: '2026-11-27',
      time: '11:00',
      format: 'online',
    });
    expect(meeting.startsAt).toBe('2026-11-27T09:00:00.000Z');
    expect(meeting.agenda.map((a: { kind: string }) => a.kind)).toEqual([
      'news',
      'schedule',
      'topics',
      'contingencies',
      'questions',
      'wrapup',
    ]);
    expect(meeting.participants.map((p: { side: string }) => p.side).sort()).toEqual(['agency', 'client']);
    const mail = await t.database.db.select().from(outbox).where(eq(outbox.toEmail, agency.approver.email));
    const invite = mail.find((m) => m.attachments.length > 0);
    expect(invite?.attachments[0]?.content).toContain('DTSTART:20261127T090000Z');
    expect(invite?.attachments[0]?.content).toContain(`UID:meeting-${meeting.id}@plit`);
  });

  it('refuses a second meeting, outsiders as participants, creators and strangers', async () => {
    const agency = await makeAgency(t.database.db);
    const other = await makeAgency(t.database.db);
    const { plan } = await scheduled(agency);
    const body = { format: 'online' as const, date: '2026-11-27', participantIds: [] };
    const again = await api(t.app, endpoints.scheduleMeeting, {
      params: { cycleId: plan.cycle.id },
      cookie: agency.owner.cookie,
      body,
    });
    expect(again.status).toBe(409);
    expect(errorOf(again).code).toBe('meeting_exists');
    const plan2 = await makePlanForMeeting(t.database.db, other);
    // Someone of another agency as a participant must fail validation: sent past the catalogue.
    const outsider = await raw(t.app, 'POST', `/api/cycles/${plan2.cycle.id}/meeting`, {
      cookie: other.owner.cookie,
      body: { ...body, participantIds: [agency.approver.id] },
    });
    expect(outsider.status).toBe(400);
    expect(outsider.body.error.fields.participantIds).toBeTruthy();
    const creator = await api(t.app, endpoints.scheduleMeeting, {
      params: { cycleId: plan2.cycle.id },
      cookie: other.creator.cookie,
      body,
    });
    expect(creator.status).toBe(403);
    const stranger = await api(t.app, endpoints.getCycleMeeting, {
      params: { cycleId: plan2.cycle.id },
      cookie: agency.approver.cookie,
    });
    expect(stranger.status).toBe(404);
  });

  it('an offline meeting needs a place; rescheduling re-invites with the same calendar entry', async () => {
    const agency = await makeAgency(t.database.db);
    const plan = await makePlanForMeeting(t.database.db, agency);
    const noPlace = await raw(t.app, 'POST', `/api/cycles/${plan.cycle.id}/meeting`, {
      cookie: agency.owner.cookie,
      body: { format: 'offline', date: '2026-11-27' },
    });
    expect(noPlace.status).toBe(400);
    expect(noPlace.body.error.fields.place).toBeTruthy();
    const fresh = await makeAgency(t.database.db);
    const { meeting } = await scheduled(fresh);
    const moved = await api(t.app, endpoints.updateMeeting, {
      params: { meetingId: meeting.id },
      cookie: fresh.contentManager.cookie,
      body: { time: '15:30', version: meeting.version },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.meeting).toMatchObject({ time: '15:30', version: 2 });
    const mail = await t.database.db.select().from(outbox).where(eq(outbox.toEmail, fresh.approver.email));
    const invites = mail.filter((m) => m.attachments.length > 0).map((m) => m.attachments[0]!.content);
    expect(invites).toHaveLength(2);
    expect(invites.every((ics) => ics.includes(`UID:meeting-${meeting.id}@plit`))).toBe(true);
    expect(
      invites.some((ics) => ics.includes('SEQUENCE:2') && ics.includes('DTSTART:20261127T133000Z')),
    ).toBe(true);
    const stale = await api(t.app, endpoints.updateMeeting, {
      params: { meetingId: meeting.id },
      cookie: fresh.contentManager.cookie,
      body: { time: '16:00', version: meeting.version },
    });
    expect(stale.status).toBe(409);
  });
});

describe('in the room', () => {
  it('moves the cycle to the meeting stage and makes the starter the facilitator', async () => {
    const agency = await makeAgency(t.database.db);
    const { meeting, plan } = await started(agency);
    expect(meeting).toMatchObject({ status: 'live', facilitatorId: agency.contentManager.id });
    expect(meeting.focus!.itemId).toBe(meeting.agenda[0]!.id);
    const [cycle] = await t.database.db.select().from(cycles).where(eq(cycles.id, plan.cycle.id));
    expect(cycle?.stage).toBe('meeting');
  });

  it("a client's idea becomes a meeting topic with its author", async () => {
    const agency = await makeAgency(t.database.db);
    const { meeting } = await started(agency);
    const idea = await api(t.app, endpoints.addMeetingIdea, {
      params: { meetingId: meeting.id },
      cookie: agency.approver.cookie,
      body: { title: 'Дегустація в суботу' },
    });
    expect(idea.status).toBe(201);
    expect(idea.body.topic).toMatchObject({
      source: 'meeting',
      status: 'proposed',
      authorName: agency.approver.name,
    });
  });

  it('dot votes stay within the budget and a retried vote never counts twice', async () => {
    const agency = await makeAgency(t.database.db);
    const { meeting, plan } = await started(agency);
    const [a, b, c] = plan.topics;
    const vote = (topicId: string, dots: number) =>
      api(t.app, endpoints.voteOnTopic, {
        params: { meetingId: meeting.id, topicId },
        cookie: agency.approver.cookie,
        body: { dots },
      });
    expect((await vote(a!.id, 2)).status).toBe(200);
    const retried = await vote(a!.id, 2);
    expect(retried.body.meeting.tallies.find((x: { topicId: string }) => x.topicId === a!.id)).toMatchObject({
      dots: 2,
      myDots: 2,
    });
    expect((await vote(b!.id, 1)).status).toBe(200);
    const over = await vote(c!.id, 1);
    expect(over.status).toBe(409);
    expect(errorOf(over).code).toBe('vote_budget');
    // Taking one back frees it.
    expect((await vote(a!.id, 1)).status).toBe(200);
    expect((await vote(c!.id, 1)).status).toBe(200);

    const react = () =>
      api(t.app, endpoints.addTopicReaction, {
        params: { meetingId: meeting.id, topicId: a!.id, reaction: 'fire' },
        cookie: agency.approver.cookie,
      });
    await react();
    const twice = await react();
    expect(
      twice.body.meeting.tallies.find((x: { topicId: string }) => x.topicId === a!.id)!.reactions,
    ).toEqual({ fire: 1 });
  });

  it('decisions park to the reserve, drop, change with a note, move to a slot, and refuse a stale topic', async () => {
    const agency = await makeAgency(t.database.db);
    const { meeting, plan } = await started(agency);
    const [a, b, c] = plan.topics;
    const decide = (cookie: string, body: BodyOf<typeof endpoints.decideOnTopic>) =>
      api(t.app, endpoints.decideOnTopic, { params: { meetingId: meeting.id }, cookie, body });
    const parked = await decide(agency.approver.cookie, { topicId: a!.id, kind: 'park', topicVersion: 1 });
    expect(parked.status).toBe(201);
    const [inReserve] = await t.database.db.select().from(topics).where(eq(topics.id, a!.id));
    expect(inReserve).toMatchObject({ cycleId: null, status: 'parked' });
    // Out of the plan, still in the meeting's story, also for the client.
    const seen = await api(t.app, endpoints.getMeeting, {
      params: { meetingId: meeting.id },
      cookie: agency.approver.cookie,
    });
    expect(seen.body.meeting.parkedTopics.map((x: { title: string }) => x.title)).toEqual([a!.title]);

    // A change without a note must fail validation: sent as it is, past the catalogue.
    const noNote = await raw(t.app, 'POST', `/api/meetings/${meeting.id}/decisions`, {
      cookie: agency.contentManager.cookie,
      body: { topicId: b!.id, kind: 'change', topicVersion: 1 },
    });
    expect(noNote.status).toBe(400);
    const changed = await decide(agency.contentManager.cookie, {
      topicId: b!.id,
      kind: 'change',
      note: 'Показати обох бариста',
      topicVersion: 1,
    });
    expect(changed.status).toBe(201);
    const stale = await decide(agency.contentManager.cookie, {
      topicId: b!.id,
      kind: 'accept',
      topicVersion: 1,
    });
    expect(stale.status).toBe(409);
    expect(errorOf(stale).code).toBe('stale_version');

    const moved = await decide(agency.approver.cookie, {
      topicId: c!.id,
      kind: 'move',
      slotId: plan.slots[2]!.id,
      topicVersion: 1,
    });
    expect(moved.status).toBe(201);
    const last = moved.body.meeting.decisions.at(-1);
    expect(last).toMatchObject({
      kind: 'move',
      slotId: plan.slots[2]!.id,
      side: 'client',
      decidedByName: agency.approver.name,
    });

    const creator = await decide(agency.creator.cookie, { topicId: c!.id, kind: 'drop', topicVersion: 2 });
    expect(creator.status).toBe(403);
  });

  it('questions are asked by either side and answered or kept for the fact request', async () => {
    const agency = await makeAgency(t.database.db);
    const { meeting, plan } = await started(agency);
    const asked = await api(t.app, endpoints.askQuestion, {
      params: { meetingId: meeting.id },
      cookie: agency.contentManager.cookie,
      body: { text: 'Яка ціна нового купажу?', topicId: plan.topics[0]!.id },
    });
    expect(asked.status).toBe(201);
    expect(asked.body.question).toMatchObject({ side: 'agency', status: 'open' });
    const forFacts = await api(t.app, endpoints.updateQuestion, {
      params: { questionId: asked.body.question.id },
      cookie: agency.approver.cookie,
      body: { status: 'for_facts', version: 1 },
    });
    expect(forFacts.body.question.status).toBe('for_facts');
    const mine = await api(t.app, endpoints.askQuestion, {
      params: { meetingId: meeting.id },
      cookie: agency.approver.cookie,
      body: { text: 'Коли публікуємо меню?' },
    });
    const answered = await api(t.app, endpoints.updateQuestion, {
      params: { questionId: mine.body.question.id },
      cookie: agency.contentManager.cookie,
      body: { answer: '14 грудня', version: 1 },
    });
    expect(answered.body.question).toMatchObject({
      status: 'answered',
      answeredByName: agency.contentManager.name,
    });
  });

  it('the timer runs on the server clock and pauses with what is left', async () => {
    const agency = await makeAgency(t.database.db);
    const { meeting } = await started(agency);
    const item = meeting.agenda[0]!;
    const before = Date.now();
    const run = await api(t.app, endpoints.controlMeetingTimer, {
      params: { meetingId: meeting.id },
      cookie: agency.contentManager.cookie,
      body: { action: 'start', itemId: item.id },
    });
    const endsAt = Date.parse(run.body.meeting.timer!.endsAt!);
    expect(endsAt - before).toBeGreaterThanOrEqual(item.minutes * 60_000 - 50);
    expect(endsAt - before).toBeLessThanOrEqual(item.minutes * 60_000 + 5_000);
    const paused = await api(t.app, endpoints.controlMeetingTimer, {
      params: { meetingId: meeting.id },
      cookie: agency.contentManager.cookie,
      body: { action: 'pause', itemId: item.id },
    });
    expect(paused.body.meeting.timer!.endsAt).toBeNull();
    expect(paused.body.meeting.timer!.remainingMs).toBeGreaterThan(item.minutes * 60_000 - 10_000);
    const byClient = await api(t.app, endpoints.controlMeetingTimer, {
      params: { meetingId: meeting.id },
      cookie: agency.approver.cookie,
      body: { action: 'resume', itemId: item.id },
    });
    expect(byClient.status).toBe(403);
  });
});

describe('ending the meeting', () => {
  it('asks about undecided topics, then freezes the summary, mails it and moves the cycle to facts', async () => {
    const agency = await makeAgency(t.database.db);
    const { meeting, plan } = await started(agency);
    await api(t.app, endpoints.decideOnTopic, {
      params: { meetingId: meeting.id },
      cookie: agency.approver.cookie,
      body: { topicId: plan.topics[2]!.id, kind: 'drop', note: 'Не на часі', topicVersion: 1 },
    });
    await api(t.app, endpoints.askQuestion, {
      params: { meetingId: meeting.id },
      cookie: agency.contentManager.cookie,
      body: { text: 'Фото нового купажу?' },
    });
    const blocked = await api(t.app, endpoints.endMeeting, {
      params: { meetingId: meeting.id },
      cookie: agency.contentManager.cookie,
      body: { version: meeting.version },
    });
    expect(blocked.status).toBe(409);
    expect(errorOf(blocked).fields!.to).toBe('topics_undecided');
    const byClient = await api(t.app, endpoints.endMeeting, {
      params: { meetingId: meeting.id },
      cookie: agency.approver.cookie,
      body: { version: meeting.version, acceptUndecided: true },
    });
    expect(byClient.status).toBe(403);
    const ended = await api(t.app, endpoints.endMeeting, {
      params: { meetingId: meeting.id },
      cookie: agency.contentManager.cookie,
      body: { version: meeting.version, acceptUndecided: true },
    });
    expect(ended.status).toBe(200);
    const s = ended.body.meeting.summary!;
    expect(s.agreed.map((a: { title: string }) => a.title)).toEqual(['Новий купаж', 'Бариста тижня']);
    expect(s.agreed[0]!.slot).toMatchObject({ date: '2026-12-07', time: '10:00' });
    expect(s.dropped).toEqual([expect.objectContaining({ title: 'Зимове меню', note: 'Не на часі' })]);
    expect(s.questions).toEqual([expect.objectContaining({ text: 'Фото нового купажу?', status: 'open' })]);
    const [cycle] = await t.database.db.select().from(cycles).where(eq(cycles.id, plan.cycle.id));
    expect(cycle?.stage).toBe('facts');
    const mail = await t.database.db.select().from(outbox).where(eq(outbox.toEmail, agency.approver.email));
    expect(mail.some((m) => m.subject.startsWith('Підсумки'))).toBe(true);
    const afterwards = await api(t.app, endpoints.addMeetingIdea, {
      params: { meetingId: meeting.id },
      cookie: agency.approver.cookie,
      body: { title: 'Too late' },
    });
    expect(afterwards.status).toBe(403);
  });
});

describe('fire mode', () => {
  it('the client comments with verdicts, the agency answers, and the same summary comes out', async () => {
    const agency = await makeAgency(t.database.db);
    const second = await makeContact(t.database.db, agency.client.id, 'contributor');
    const { meeting, plan } = await started(agency, 'async');
    expect(meeting).toMatchObject({ fireMode: true, status: 'live' });
    const comment = (cookie: string, body: BodyOf<typeof endpoints.addReviewComment>) =>
      api(t.app, endpoints.addReviewComment, { params: { meetingId: meeting.id }, cookie, body });
    const ok = await comment(agency.approver.cookie, {
      subjectType: 'topic',
      subjectId: plan.topics[0]!.id,
      body: 'Чудово',
      verdict: 'accept',
    });
    expect(ok.status).toBe(201);
    const changes = await comment(second.cookie, {
      subjectType: 'slot',
      subjectId: plan.slots[1]!.id,
      verdict: 'changes',
      body: 'Краще о 12:00',
    });
    expect(changes.status).toBe(201);
    // A verdict is the client's to give: from the agency it must fail validation, sent past the catalogue.
    const agencyVerdict = await raw(t.app, 'POST', `/api/meetings/${meeting.id}/comments`, {
      cookie: agency.contentManager.cookie,
      body: { subjectType: 'slot', subjectId: plan.slots[1]!.id, verdict: 'accept' },
    });
    expect(agencyVerdict.status).toBe(400);
    const answer = await comment(agency.contentManager.cookie, {
      subjectType: 'slot',
      subjectId: plan.slots[1]!.id,
      body: 'Перенесемо',
    });
    expect(answer.status).toBe(201);
    const foreign = await comment(agency.approver.cookie, {
      subjectType: 'topic',
      subjectId: crypto.randomUUID(),
      body: 'x',
    });
    expect(foreign.status).toBe(404);
    const ended = await api(t.app, endpoints.endMeeting, {
      params: { meetingId: meeting.id },
      cookie: agency.contentManager.cookie,
      body: { version: meeting.version, acceptUndecided: true },
    });
    expect(ended.status).toBe(200);
    expect(ended.body.meeting.summary!.fireMode).toBe(true);
    expect(ended.body.meeting.summary!.comments).toHaveLength(3);
  });
});
