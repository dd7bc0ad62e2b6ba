import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { factRequests, posts, slots, topics } from '../../src/server/db/schema/index.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import type { CallParts, EndpointSpec } from '../../src/shared/api/endpoint.ts';
import { errorOf } from '../support/errors.ts';
import { makeAgency, makeClient, type TestAgency } from '../support/factories.ts';
import { api, raw } from '../support/http.ts';
import { withMailedApp } from '../support/mailedApp.ts';
import { makeCycle } from '../support/planning.ts';

// Emails are read as their recipients get them; the outbox is the agency's record of them.
const t = withMailedApp();

/** Calls through the endpoint catalogue with this session. */
const as =
  (cookie: string) =>
  <E extends EndpointSpec>(spec: E, parts: CallParts<E>) =>
    api(t.app, spec, { ...parts, cookie });

/** The error answer of a valid call that the plan's state refuses (its body is typed as the success). */

async function world() {
  const agency = await makeAgency(t.database.db);
  const cm = as(agency.contentManager.cookie);
  return { agency, cm };
}

const slotBody = (agency: TestAgency, date = '2026-12-07', time = '10:00') => ({
  date,
  time,
  channelId: agency.client.channel.id,
  format: 'post' as const,
});

describe('cycles', () => {
  it('starts a month with default deadlines from the client settings, once per month', async () => {
    const { agency, cm } = await world();
    const clientId = agency.client.id;
    const res = await cm(endpoints.startCycle, { params: { clientId }, body: { month: '2027-01' } });
    expect(res.status).toBe(201);
    expect(res.body.cycle).toMatchObject({
      month: '2027-01',
      stage: 'preparation',
      owner: 'agency',
      shared: false,
    });
    expect(res.body.cycle.deadlines).toMatchObject({
      preparation: '2026-12-20',
      meeting: '2026-12-23',
      running: '2027-01-31',
    });
    expect(res.body.cycle.history).toEqual([expect.objectContaining({ from: null, to: 'preparation' })]);
    const again = await cm(endpoints.startCycle, { params: { clientId }, body: { month: '2027-01' } });
    expect(again.status).toBe(409);
    const cookie = agency.contentManager.cookie;
    const body = { month: '2027-13' };
    expect((await raw(t.app, 'POST', `/api/clients/${clientId}/cycles`, { cookie, body })).status).toBe(400);
  });

  it('copies the previous month’s cadence when asked', async () => {
    const { agency, cm } = await world();
    const clientId = agency.client.id;
    const dec = await cm(endpoints.startCycle, { params: { clientId }, body: { month: '2026-12' } });
    await cm(endpoints.replaceCadence, {
      params: { cycleId: dec.body.cycle.id },
      body: {
        rules: [
          {
            channelId: agency.client.channel.id,
            format: 'post',
            weekdays: [1, 3, 5],
            time: '10:00',
            rubricId: null,
          },
        ],
        version: dec.body.cycle.version,
      },
    });
    const jan = await cm(endpoints.startCycle, { params: { clientId }, body: { month: '2027-01' } });
    const plan = await cm(endpoints.getPlan, { params: { cycleId: jan.body.cycle.id } });
    expect(plan.body.cadence).toEqual([expect.objectContaining({ weekdays: [1, 3, 5], time: '10:00' })]);
  });

  it('says what is missing before preparation can end, and moves on once it is there', async () => {
    const { agency, cm } = await world();
    const cycle = (
      await cm(endpoints.startCycle, { params: { clientId: agency.client.id }, body: { month: '2026-12' } })
    ).body.cycle;
    const params = { cycleId: cycle.id };
    expect(cycle.next).toEqual({ stage: 'meeting', missing: ['no_slots', 'no_topics', 'not_shared'] });
    const blocked = await cm(endpoints.moveCycleStage, {
      params,
      body: { to: 'meeting', version: cycle.version },
    });
    expect(blocked.status).toBe(409);
    expect(errorOf(blocked).code).toBe('stage_blocked');

    await cm(endpoints.createSlot, { params, body: slotBody(agency) });
    await cm(endpoints.createTopic, { params, body: { title: 'Різдвяна обсмажка' } });
    const shared = await cm(endpoints.shareCycle, { params, body: { version: cycle.version } });
    expect(shared.body.cycle.next?.missing).toEqual([]);
    const moved = await cm(endpoints.moveCycleStage, {
      params,
      body: { to: 'meeting', version: shared.body.cycle.version },
    });
    expect(moved.status).toBe(200);
    // Whose move comes from what waits, not the stage: no meeting scheduled yet is the agency's.
    expect(moved.body.cycle).toMatchObject({
      stage: 'meeting',
      owner: 'agency',
      waiting: [{ kind: 'schedule_meeting', count: null }],
    });
    expect(moved.body.cycle.history.map((h: { to: string }) => h.to)).toEqual(['preparation', 'meeting']);
    // Skipping a stage is refused.
    const skip = await cm(endpoints.moveCycleStage, {
      params,
      body: { to: 'content', version: moved.body.cycle.version },
    });
    expect(skip.status).toBe(409);
  });

  it('keeps an unshared plan from the client, and shows a shared one read-only', async () => {
    const { agency, cm } = await world();
    const clientId = agency.client.id;
    const cycle = (await cm(endpoints.startCycle, { params: { clientId }, body: { month: '2026-12' } })).body
      .cycle;
    const params = { cycleId: cycle.id };
    const contact = as(agency.approver.cookie);
    expect((await contact(endpoints.getPlan, { params })).status).toBe(404);
    expect((await contact(endpoints.listCycles, { params: { clientId } })).body.cycles).toEqual([]);
    await cm(endpoints.shareCycle, { params, body: { version: cycle.version } });
    const seen = await contact(endpoints.getPlan, { params });
    expect(seen.status).toBe(200);
    expect(seen.body.cycle.abilities).toEqual({
      update: false,
      advance: false,
      share: false,
      editPlan: false,
      addTopics: false,
    });
    expect(seen.body.rooms).toEqual([`client:${agency.client.id}:all`]);
    expect((await contact(endpoints.createSlot, { params, body: slotBody(agency) })).status).toBe(403);
  });

  it('emails every contact when the plan is shared', async () => {
    const { agency, cm } = await world();
    const cycle = (
      await cm(endpoints.startCycle, { params: { clientId: agency.client.id }, body: { month: '2026-12' } })
    ).body.cycle;
    await cm(endpoints.shareCycle, { params: { cycleId: cycle.id }, body: { version: cycle.version } });
    // The approver gets the email with a link to the shared plan...
    const got = await t.sink.waitFor(agency.approver.email, { subject: /грудень 2026/ });
    expect(got.text).toContain(`http://plit.test/cycles/${cycle.id}`);
    // ...and the agency's outbox lists it.
    const outbox = await as(agency.owner.cookie)(endpoints.listOutboxMessages, {});
    const mail = outbox.body.messages.find((m: { to: string }) => m.to === agency.approver.email);
    expect(mail?.subject).toContain('грудень 2026');
  });
});

describe('posting schedule', () => {
  it('stores a slot at the client’s local time and shows it back the same way', async () => {
    const { agency, cm } = await world();
    const cycle = await makeCycle(t.database.db, agency);
    const res = await cm(endpoints.createSlot, {
      params: { cycleId: cycle.id },
      body: slotBody(agency, '2026-12-07', '10:00'),
    });
    expect(res.status).toBe(201);
    // Kyiv is UTC+2 in December.
    expect(res.body.slot).toMatchObject({
      date: '2026-12-07',
      time: '10:00',
      startsAt: '2026-12-07T08:00:00.000Z',
    });
  });

  it('refuses a slot outside the month, or on another client’s channel, with a clear field', async () => {
    const { agency } = await world();
    const cycle = await makeCycle(t.database.db, agency);
    // Each of these must fail validation: sent as they are, past the typed catalogue.
    const post = (body: unknown) =>
      raw(t.app, 'POST', `/api/cycles/${cycle.id}/slots`, { cookie: agency.contentManager.cookie, body });
    const outside = await post(slotBody(agency, '2027-01-02'));
    expect(outside.status).toBe(400);
    expect(outside.body.error.fields).toHaveProperty('date');
    const foreign = await makeClient(t.database.db, (await makeAgency(t.database.db)).id);
    const wrong = await post({
      ...slotBody(agency),
      channelId: foreign.channel.id,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields).toHaveProperty('channelId');
    const format = await post({ ...slotBody(agency), format: 'reel' });
    expect(format.status).toBe(400);
    expect(await t.database.db.select().from(slots).where(eq(slots.cycleId, cycle.id))).toHaveLength(0);
  });

  it('fills the month from the cadence without duplicating slots', async () => {
    const { agency, cm } = await world();
    const cycle = await makeCycle(t.database.db, agency);
    const params = { cycleId: cycle.id };
    await cm(endpoints.createSlot, { params, body: slotBody(agency, '2026-12-02', '10:00') }); // a Wednesday
    await cm(endpoints.replaceCadence, {
      params,
      body: {
        rules: [
          {
            channelId: agency.client.channel.id,
            format: 'post',
            weekdays: [1, 3, 5],
            time: '10:00',
            rubricId: null,
          },
          {
            channelId: agency.client.channel.id,
            format: 'story',
            weekdays: [1, 2, 3, 4, 5, 6, 7],
            time: '18:00',
            rubricId: null,
          },
        ],
        version: cycle.version,
      },
    });
    const first = await cm(endpoints.applyCadence, { params });
    // December 2026 starts on a Tuesday: 4 Mondays + 5 Wednesdays + 4 Fridays = 13 posts
    // (one already there) and 31 daily stories.
    expect(first.body.created).toBe(12 + 31);
    const second = await cm(endpoints.applyCadence, { params });
    expect(second.body.created).toBe(0);
    const plan = await cm(endpoints.getPlan, { params });
    expect(plan.body.slots).toHaveLength(44);
    expect(plan.body.slots.filter((s: { time: string }) => s.time === '18:00')).toHaveLength(31);
  });

  it('holds at most one topic per slot, moves a topic between slots, and takes it out', async () => {
    const { agency, cm } = await world();
    const cycle = await makeCycle(t.database.db, agency);
    const params = { cycleId: cycle.id };
    const a = (await cm(endpoints.createSlot, { params, body: slotBody(agency, '2026-12-07') })).body.slot;
    const b = (await cm(endpoints.createSlot, { params, body: slotBody(agency, '2026-12-09') })).body.slot;
    const one = (await cm(endpoints.createTopic, { params, body: { title: 'Один' } })).body.topic;
    const two = (await cm(endpoints.createTopic, { params, body: { title: 'Два' } })).body.topic;

    const placed = await cm(endpoints.placeTopicInSlot, {
      params: { slotId: a.id },
      body: { topicId: one.id, version: a.version },
    });
    expect(placed.body.slot.topicId).toBe(one.id);
    const taken = await cm(endpoints.placeTopicInSlot, {
      params: { slotId: a.id },
      body: { topicId: two.id, version: placed.body.slot.version },
    });
    expect(taken.status).toBe(409);
    expect(errorOf(taken).code).toBe('slot_taken');

    const moved = await cm(endpoints.placeTopicInSlot, {
      params: { slotId: b.id },
      body: { topicId: one.id, version: b.version },
    });
    expect(moved.body.slot.topicId).toBe(one.id);
    const plan = await cm(endpoints.getPlan, { params });
    expect(plan.body.slots.find((s: { id: string }) => s.id === a.id)?.topicId).toBeNull();
    expect(plan.body.topics.find((x: { id: string }) => x.id === one.id)?.slotId).toBe(b.id);

    const out = await cm(endpoints.placeTopicInSlot, {
      params: { slotId: b.id },
      body: { topicId: null, version: moved.body.slot.version },
    });
    expect(out.body.slot.topicId).toBeNull();
  });

  it('refuses a topic of another client in a slot, changing nothing', async () => {
    const { agency, cm } = await world();
    const other = await makeAgency(t.database.db);
    const cycle = await makeCycle(t.database.db, agency);
    const otherCycle = await makeCycle(t.database.db, other);
    const foreignTopic = (
      await as(other.contentManager.cookie)(endpoints.createTopic, {
        params: { cycleId: otherCycle.id },
        body: { title: 'Чуже' },
      })
    ).body.topic;
    const slot = (await cm(endpoints.createSlot, { params: { cycleId: cycle.id }, body: slotBody(agency) }))
      .body.slot;
    const res = await cm(endpoints.placeTopicInSlot, {
      params: { slotId: slot.id },
      body: { topicId: foreignTopic.id, version: slot.version },
    });
    expect(res.status).toBe(404);
    const [row] = await t.database.db.select().from(slots).where(eq(slots.id, slot.id));
    expect(row?.topicId).toBeNull();
  });

  it('answers a stale edit of a slot with 409 and keeps the newer value', async () => {
    const { agency, cm } = await world();
    const cycle = await makeCycle(t.database.db, agency);
    const slot = (await cm(endpoints.createSlot, { params: { cycleId: cycle.id }, body: slotBody(agency) }))
      .body.slot;
    const first = await cm(endpoints.updateSlot, {
      params: { slotId: slot.id },
      body: { time: '12:00', version: slot.version },
    });
    expect(first.status).toBe(200);
    const stale = await as(agency.owner.cookie)(endpoints.updateSlot, {
      params: { slotId: slot.id },
      body: { time: '15:00', version: slot.version },
    });
    expect(stale.status).toBe(409);
    expect(errorOf(stale).code).toBe('stale_version');
    const plan = await cm(endpoints.getPlan, { params: { cycleId: cycle.id } });
    expect(plan.body.slots[0]?.time).toBe('12:00');
  });

  it('duplicates a slot without its topic, and moves one to another day keeping its time', async () => {
    const { agency, cm } = await world();
    const cycle = await makeCycle(t.database.db, agency);
    const slot = (
      await cm(endpoints.createSlot, {
        params: { cycleId: cycle.id },
        body: slotBody(agency, '2026-12-07', '09:30'),
      })
    ).body.slot;
    const params = { slotId: slot.id };
    const copy = await cm(endpoints.duplicateSlot, { params, body: { date: '2026-12-14' } });
    expect(copy.status).toBe(201);
    expect(copy.body.slot).toMatchObject({ date: '2026-12-14', time: '09:30', topicId: null });
    const moved = await cm(endpoints.updateSlot, {
      params,
      body: { date: '2026-12-21', version: slot.version },
    });
    expect(moved.body.slot).toMatchObject({ date: '2026-12-21', time: '09:30' });
  });
});

describe('topics and the reserve', () => {
  it('parks a topic into the reserve, finds it there, and pulls it into a later month with its history', async () => {
    const { agency, cm } = await world();
    const dec = await makeCycle(t.database.db, agency, '2026-12');
    const jan = await makeCycle(t.database.db, agency, '2027-01');
    const topic = (
      await cm(endpoints.createTopic, {
        params: { cycleId: dec.id },
        body: { title: 'Кава і книжки', tags: ['партнерство'] },
      })
    ).body.topic;
    const params = { topicId: topic.id };
    const parked = await cm(endpoints.parkTopic, { params, body: { version: topic.version } });
    expect(parked.body.topic).toMatchObject({ cycleId: null, status: 'parked' });

    const clientId = agency.client.id;
    const search = await cm(endpoints.listReserve, { params: { clientId }, query: { q: 'книжки' } });
    expect(search.body.topics.map((x: { id: string }) => x.id)).toEqual([topic.id]);
    const byTag = await cm(endpoints.listReserve, { params: { clientId }, query: { tag: 'партнерство' } });
    expect(byTag.body.topics).toHaveLength(1);
    const none = await cm(endpoints.listReserve, { params: { clientId }, query: { q: 'zzz' } });
    expect(none.body.topics).toHaveLength(0);

    const pulled = await cm(endpoints.pullTopic, {
      params,
      body: { cycleId: jan.id, version: parked.body.topic.version },
    });
    expect(pulled.body.topic).toMatchObject({ cycleId: jan.id, status: 'proposed' });
    const history = await cm(endpoints.getTopicHistory, { params });
    expect(
      history.body.passes.map((p: { month: string; leftAs: string | null }) => [p.month, p.leftAs]),
    ).toEqual([
      ['2026-12', 'parked'],
      ['2027-01', null],
    ]);
  });

  it('sends unused topics to the reserve when the cycle closes', async () => {
    const { agency, cm } = await world();
    const cycle = await makeCycle(t.database.db, agency, '2026-10', true);
    const params = { cycleId: cycle.id };
    const slot = (await cm(endpoints.createSlot, { params, body: slotBody(agency, '2026-10-05') })).body.slot;
    const used = (await cm(endpoints.createTopic, { params, body: { title: 'Used' } })).body.topic;
    const unused = (await cm(endpoints.createTopic, { params, body: { title: 'Unused' } })).body.topic;
    await cm(endpoints.placeTopicInSlot, {
      params: { slotId: slot.id },
      body: { topicId: used.id, version: slot.version },
    });
    await t.database.db.update(topics).set({ status: 'accepted' }).where(eq(topics.cycleId, cycle.id));
    // Walk the stages; October 2026 is over, so the cycle may close.
    let version = (await cm(endpoints.getPlan, { params })).body.cycle.version;
    for (const to of ['meeting', 'facts', 'content', 'running', 'closed'] as const) {
      if (to === 'content') {
        // Writing starts once the fact request has gone to the client.
        const blocked = await cm(endpoints.moveCycleStage, { params, body: { to, version } });
        expect(errorOf(blocked)).toMatchObject({
          code: 'stage_blocked',
          fields: { to: 'fact_request_not_sent' },
        });
        await t.database.db
          .insert(factRequests)
          .values({ cycleId: cycle.id, clientId: agency.client.id, status: 'sent', sentAt: new Date() });
      }
      if (to === 'running') {
        // The month runs once every slot's post is approved.
        const blocked = await cm(endpoints.moveCycleStage, { params, body: { to, version } });
        expect(errorOf(blocked)).toMatchObject({
          code: 'stage_blocked',
          fields: { to: 'posts_not_approved' },
        });
        await t.database.db.insert(posts).values({
          cycleId: cycle.id,
          clientId: agency.client.id,
          slotId: slot.id,
          topicId: used.id,
          status: 'approved',
        });
      }
      const res = await cm(endpoints.moveCycleStage, { params, body: { to, version } });
      expect(res.status, `${to}: ${JSON.stringify(res.body)}`).toBe(200);
      version = res.body.cycle.version;
    }
    const reserve = await cm(endpoints.listReserve, { params: { clientId: agency.client.id } });
    expect(reserve.body.topics.map((x: { id: string }) => x.id)).toEqual([unused.id]);
    const history = await cm(endpoints.getTopicHistory, { params: { topicId: unused.id } });
    expect(history.body.passes[0]?.leftAs).toBe('unused');
  });

  it('lets a creator propose topics but not change the schedule', async () => {
    const { agency } = await world();
    const cycle = await makeCycle(t.database.db, agency);
    const params = { cycleId: cycle.id };
    const creator = as(agency.creator.cookie);
    const res = await creator(endpoints.createTopic, { params, body: { title: 'Ідея креатора' } });
    expect(res.status).toBe(201);
    expect(res.body.topic).toMatchObject({ source: 'agency', authorName: agency.creator.name });
    expect((await creator(endpoints.createSlot, { params, body: slotBody(agency) })).status).toBe(403);
    expect((await creator(endpoints.deleteTopic, { params: { topicId: res.body.topic.id } })).status).toBe(
      403,
    );
  });

  it('answers a stale topic edit with 409', async () => {
    const { agency, cm } = await world();
    const cycle = await makeCycle(t.database.db, agency);
    const topic = (await cm(endpoints.createTopic, { params: { cycleId: cycle.id }, body: { title: 'A' } }))
      .body.topic;
    const params = { topicId: topic.id };
    expect(
      (await cm(endpoints.updateTopic, { params, body: { title: 'B', version: topic.version } })).status,
    ).toBe(200);
    const stale = await cm(endpoints.updateTopic, { params, body: { title: 'C', version: topic.version } });
    expect(stale.status).toBe(409);
  });
});

describe('channels in use', () => {
  it('refuses to remove a channel that scheduled slots use, and keeps both', async () => {
    const { agency, cm } = await world();
    const cycle = await makeCycle(t.database.db, agency);
    const params = { cycleId: cycle.id };
    await cm(endpoints.createSlot, { params, body: slotBody(agency) });
    const res = await cm(endpoints.deleteChannel, {
      params: { clientId: agency.client.id, channelId: agency.client.channel.id },
    });
    expect(res.status).toBe(409);
    expect(errorOf(res).message).toMatch(/1 slot/);
    expect((await cm(endpoints.getPlan, { params })).body.slots).toHaveLength(1);
  });
});

describe('cadence', () => {
  it('refuses a cadence saved over a newer one (409), keeping the newer rules', async () => {
    const { agency, cm } = await world();
    const cycle = await makeCycle(t.database.db, agency);
    const params = { cycleId: cycle.id };
    const rule = (time: string) => ({
      channelId: agency.client.channel.id,
      format: 'post' as const,
      weekdays: [2],
      time,
      rubricId: null,
    });
    const first = await cm(endpoints.replaceCadence, {
      params,
      body: { rules: [rule('09:00')], version: cycle.version },
    });
    expect(first.status).toBe(200);
    const stale = await as(agency.owner.cookie)(endpoints.replaceCadence, {
      params,
      body: { rules: [rule('20:00')], version: cycle.version },
    });
    expect(stale.status).toBe(409);
    const plan = await cm(endpoints.getPlan, { params });
    expect(plan.body.cadence.map((r: { time: string }) => r.time)).toEqual(['09:00']);
  });
});
