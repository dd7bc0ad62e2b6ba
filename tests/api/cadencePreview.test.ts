import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { channels, slots, topics } from '../../src/server/db/schema/index.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import type { CallParts, EndpointSpec } from '../../src/shared/api/endpoint.ts';
import { errorOf } from '../support/errors.ts';
import { makeAgency, type TestAgency } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { withMailedApp } from '../support/mailedApp.ts';
import { makeCycle } from '../support/planning.ts';
import { makeWritingMonth } from '../support/posts.ts';

const t = withMailedApp();

const as =
  (cookie: string) =>
  <E extends EndpointSpec>(spec: E, parts: CallParts<E> & { headers?: Record<string, string> }) =>
    api(t.app, spec, { ...parts, cookie });

const slotsOf = (cycleId: string) => t.database.db.select().from(slots).where(eq(slots.cycleId, cycleId));

/** A plan whose cadence asks for an Instagram post every Monday and Wednesday at 10:00. */
async function planWithCadence(shared = false) {
  const agency = await makeAgency(t.database.db);
  const cm = as(agency.contentManager.cookie);
  const cycle = await makeCycle(t.database.db, agency, '2026-12', shared);
  const params = { cycleId: cycle.id };
  await cm(endpoints.replaceCadence, {
    params,
    body: {
      rules: [
        {
          channelId: agency.client.channel.id,
          format: 'post',
          weekdays: [1, 3],
          time: '10:00',
          rubricId: null,
        },
      ],
      version: cycle.version,
    },
  });
  return { agency, cm, cycle, params };
}

const slotAt = (agency: TestAgency, date: string, format: 'post' | 'story' = 'post', time = '10:00') => ({
  date,
  time,
  channelId: agency.client.channel.id,
  format,
});

describe('[18.3] filling the month from the cadence', () => {
  it('[18.3] the preview shows every slot in the client’s time, a time its channel already has (another format) skipped, and the fill creates exactly the rest', async () => {
    const { agency, cm, params } = await planWithCadence();
    // A story already at 10:00 on Wednesday 2 December, on the same Instagram account.
    await cm(endpoints.createSlot, { params, body: slotAt(agency, '2026-12-02', 'story') });

    const preview = await cm(endpoints.previewCadence, { params });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.timezone).toBe('Europe/Kyiv');
    expect(preview.body.shared).toBe(false);
    // December 2026: Mondays 7, 14, 21, 28; Wednesdays 2, 9, 16, 23, 30.
    expect(preview.body.slots).toHaveLength(9);
    const skipped = preview.body.slots.filter((s) => s.skipped);
    expect(skipped).toEqual([
      expect.objectContaining({ date: '2026-12-02', time: '10:00', skipped: 'time_taken' }),
    ]);
    // A preview changes nothing.
    expect(await slotsOf(params.cycleId)).toHaveLength(1);

    const filled = await cm(endpoints.applyCadence, { params });
    expect(filled.body).toMatchObject({ created: 8, skipped: 1 });
    expect(filled.body.slots.map((s) => `${s.date} ${s.time}`).sort()).toEqual(
      preview.body.slots
        .filter((s) => !s.skipped)
        .map((s) => `${s.date} ${s.time}`)
        .sort(),
    );
    // One slot at 10:00 on the 2nd: the story, no post beside it.
    const rows = await slotsOf(params.cycleId);
    expect(rows.filter((r) => r.startsAt.toISOString() === '2026-12-02T08:00:00.000Z')).toHaveLength(1);
    // Filled, the preview has nothing left to create.
    const again = await cm(endpoints.previewCadence, { params });
    expect(again.body.slots.every((s) => s.skipped === 'time_taken')).toBe(true);
  });

  it('[18.3] a rule whose channel no longer offers its format is skipped, named, and fills nothing', async () => {
    const { agency, cm, params } = await planWithCadence();
    // The rule was checked when saved; the channel dropped posts after.
    await t.database.db
      .update(channels)
      .set({ formats: ['story'] })
      .where(eq(channels.id, agency.client.channel.id));
    const preview = await cm(endpoints.previewCadence, { params });
    expect(preview.body.slots).toHaveLength(9);
    expect(preview.body.slots.every((s) => s.skipped === 'format_not_offered')).toBe(true);
    const filled = await cm(endpoints.applyCadence, { params });
    expect(filled.body).toMatchObject({ created: 0, skipped: 9 });
    expect(await slotsOf(params.cycleId)).toHaveLength(0);
  });

  it('[18.3] the preview says when the plan is shared with the client; a creator or a contact cannot read it', async () => {
    const { agency, cm, params } = await planWithCadence(true);
    expect((await cm(endpoints.previewCadence, { params })).body.shared).toBe(true);
    const creator = await as(agency.creator.cookie)(endpoints.previewCadence, { params });
    expect(creator.status).toBe(403);
    const contact = await as(agency.approver.cookie)(endpoints.previewCadence, { params });
    expect(contact.status).toBe(403);
  });

  it('[18.3] the fill is one idempotent request, and its undo removes exactly its slots, keeping one a topic was put in', async () => {
    const { agency, cm, params } = await planWithCadence();
    const byHand = (await cm(endpoints.createSlot, { params, body: slotAt(agency, '2026-12-05') })).body.slot;
    const headers = { 'idempotency-key': 'fill-2026-12-cadence-test' };
    const filled = await cm(endpoints.applyCadence, { params, headers });
    expect(filled.body.created).toBe(9);
    // The browser retrying the same click gets the same answer, not a second fill.
    const retry = await cm(endpoints.applyCadence, { params, headers });
    expect(retry.body).toEqual(filled.body);
    expect(await slotsOf(params.cycleId)).toHaveLength(10);

    const [withTopic, ...rest] = filled.body.slots;
    const topic = (await cm(endpoints.createTopic, { params, body: { title: 'Різдвяний лот' } })).body.topic;
    await cm(endpoints.placeTopicInSlot, {
      params: { slotId: withTopic!.id },
      body: { topicId: topic.id, version: withTopic!.version },
    });

    const undo = await cm(endpoints.undoCadence, {
      params,
      body: { slotIds: filled.body.slots.map((s) => s.id) },
    });
    expect(undo.status).toBe(200);
    expect(undo.body).toEqual({
      removed: rest.length,
      kept: [{ slotId: withTopic!.id, reason: 'has_topic' }],
    });
    const left = await slotsOf(params.cycleId);
    expect(left.map((r) => r.id).sort()).toEqual([byHand.id, withTopic!.id].sort());
    expect(left.find((r) => r.id === withTopic!.id)?.topicId).toBe(topic.id);
  });

  it('[18.3] a fill of more than 400 slots is undone in one request', async () => {
    const agency = await makeAgency(t.database.db);
    const cm = as(agency.contentManager.cookie);
    const cycle = await makeCycle(t.database.db, agency, '2026-12');
    const params = { cycleId: cycle.id };
    // 14 rules every day: 14 × 31 = 434 slots in December (the id list was capped at 400).
    const rules = Array.from({ length: 14 }, (_, i) => ({
      channelId: agency.client.channel.id,
      format: 'post' as const,
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      time: `${String(8 + i).padStart(2, '0')}:00`,
      rubricId: null,
    }));
    expect(
      (await cm(endpoints.replaceCadence, { params, body: { rules, version: cycle.version } })).status,
    ).toBe(200);
    const filled = await cm(endpoints.applyCadence, { params });
    expect(filled.body.created).toBe(434);
    const undo = await cm(endpoints.undoCadence, {
      params,
      body: { slotIds: filled.body.slots.map((s) => s.id) },
    });
    expect(undo.status, JSON.stringify(undo.body).slice(0, 300)).toBe(200);
    expect(await slotsOf(params.cycleId)).toHaveLength(0);
  });

  it('[18.3] an undo never touches another plan’s slots', async () => {
    const { cm, params } = await planWithCadence();
    const other = await planWithCadence();
    const foreign = (await other.cm(endpoints.applyCadence, { params: other.params })).body.slots;
    const undo = await cm(endpoints.undoCadence, { params, body: { slotIds: foreign.map((s) => s.id) } });
    expect(undo.body).toEqual({ removed: 0, kept: [] });
    expect(await slotsOf(other.params.cycleId)).toHaveLength(foreign.length);
    // And nobody outside the agency undoes anything.
    const outsider = await as(other.agency.contentManager.cookie)(endpoints.undoCadence, {
      params,
      body: { slotIds: foreign.map((s) => s.id) },
    });
    expect(outsider.status).toBe(404);
  });
});

describe('[18.3] deleting several slots at once', () => {
  it('[18.3] removes the chosen slots in one request; a topic in one goes back to the unplaced topics', async () => {
    const { agency, cm, params } = await planWithCadence();
    const a = (await cm(endpoints.createSlot, { params, body: slotAt(agency, '2026-12-03') })).body.slot;
    const b = (await cm(endpoints.createSlot, { params, body: slotAt(agency, '2026-12-04') })).body.slot;
    const c = (await cm(endpoints.createSlot, { params, body: slotAt(agency, '2026-12-05') })).body.slot;
    const topic = (await cm(endpoints.createTopic, { params, body: { title: 'Зимова кава' } })).body.topic;
    await cm(endpoints.placeTopicInSlot, {
      params: { slotId: a.id },
      body: { topicId: topic.id, version: a.version },
    });

    const res = await cm(endpoints.deleteSlots, { params, body: { slotIds: [a.id, b.id] } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ deleted: 2 });
    expect((await slotsOf(params.cycleId)).map((r) => r.id)).toEqual([c.id]);
    const plan = await cm(endpoints.getPlan, { params });
    const kept = plan.body.topics.find((x) => x.id === topic.id);
    expect(kept).toMatchObject({ slotId: null });
    const [row] = await t.database.db.select().from(topics).where(eq(topics.id, topic.id));
    expect(row).toBeDefined();
  });

  it('[18.3] one id of another plan or tenant makes it 404 and nothing is deleted; a creator gets 403', async () => {
    const { agency, cm, params } = await planWithCadence();
    const a = (await cm(endpoints.createSlot, { params, body: slotAt(agency, '2026-12-03') })).body.slot;
    const other = await planWithCadence();
    const foreign = (
      await other.cm(endpoints.createSlot, { params: other.params, body: slotAt(other.agency, '2026-12-03') })
    ).body.slot;

    const res = await cm(endpoints.deleteSlots, { params, body: { slotIds: [a.id, foreign.id] } });
    expect(res.status).toBe(404);
    expect(errorOf(res).code).toBe('not_found');
    expect(await slotsOf(params.cycleId)).toHaveLength(1);
    expect(await slotsOf(other.params.cycleId)).toHaveLength(1);

    const creator = await as(agency.creator.cookie)(endpoints.deleteSlots, {
      params,
      body: { slotIds: [a.id] },
    });
    expect(creator.status).toBe(403);
    expect(await slotsOf(params.cycleId)).toHaveLength(1);
  });
});

describe('[18.3] a slot with a written post', () => {
  it('[18.3] is refused by name, one slot or several, and nothing is deleted', async () => {
    const agency = await makeAgency(t.database.db);
    const plan = await makeWritingMonth(t.database.db, agency);
    const cm = as(agency.contentManager.cookie);
    const slot = plan.slots[0]!;
    const post = await cm(endpoints.createPost, {
      params: { cycleId: plan.cycle.id },
      body: { slotId: slot.id },
    });
    expect(post.status).toBe(201);

    // One slot went to the database's foreign-key restriction and came back as a 500.
    const one = await cm(endpoints.deleteSlot, { params: { slotId: slot.id } });
    expect(one.status).toBe(409);
    expect(errorOf(one).code).toBe('slot_has_post');
    const many = await cm(endpoints.deleteSlots, {
      params: { cycleId: plan.cycle.id },
      body: { slotIds: [slot.id, plan.slots[1]!.id] },
    });
    expect(many.status).toBe(409);
    expect(errorOf(many).code).toBe('slot_has_post');
    expect(await slotsOf(plan.cycle.id)).toHaveLength(plan.slots.length);
  });
});

describe('[18.10] formats per network', () => {
  it('[18.10] Telegram gets no reels and X no carousels: channels, slots, cadence rules and topics say so with a catalogued error', async () => {
    const agency = await makeAgency(t.database.db);
    const cm = as(agency.contentManager.cookie);
    const clientId = agency.client.id;
    const reels = await cm(endpoints.createChannel, {
      params: { clientId },
      body: { network: 'telegram', handle: '@brand', formats: ['post', 'reel'] },
    });
    expect(reels.status).toBe(400);
    expect(errorOf(reels).code).toBe('format_not_on_network');
    expect(errorOf(reels).fields).toHaveProperty('formats');
    const carousel = await cm(endpoints.createChannel, {
      params: { clientId },
      body: { network: 'x', handle: '@brand', formats: ['carousel'] },
    });
    expect(errorOf(carousel).code).toBe('format_not_on_network');

    // A Telegram channel saved before the rule, with reels: it still loads, but no new reel goes on it.
    const [legacy] = await t.database.db
      .insert(channels)
      .values({ clientId, network: 'telegram', handle: '@old', formats: ['post', 'reel'] })
      .returning();
    const cycle = await makeCycle(t.database.db, agency);
    const params = { cycleId: cycle.id };
    const [oldSlot] = await t.database.db
      .insert(slots)
      .values({
        cycleId: cycle.id,
        startsAt: new Date('2026-12-07T10:00:00Z'),
        channelId: legacy!.id,
        format: 'reel',
      })
      .returning();
    const plan = await cm(endpoints.getPlan, { params });
    expect(plan.status).toBe(200);
    expect(plan.body.slots.map((s) => s.id)).toContain(oldSlot!.id);

    const slot = await cm(endpoints.createSlot, {
      params,
      body: { date: '2026-12-08', time: '10:00', channelId: legacy!.id, format: 'reel' },
    });
    expect(slot.status).toBe(400);
    expect(errorOf(slot).code).toBe('format_not_on_network');
    const rule = await cm(endpoints.replaceCadence, {
      params,
      body: {
        rules: [{ channelId: legacy!.id, format: 'reel', weekdays: [1], time: '10:00', rubricId: null }],
        version: cycle.version,
      },
    });
    expect(errorOf(rule).code).toBe('format_not_on_network');
    const topic = await cm(endpoints.createTopic, {
      params,
      body: { title: 'Рілс у Telegram', channelId: legacy!.id, format: 'reel' },
    });
    expect(topic.status).toBe(400);
    expect(errorOf(topic).code).toBe('format_not_on_network');
    // A post there is fine.
    const post = await cm(endpoints.createSlot, {
      params,
      body: { date: '2026-12-08', time: '10:00', channelId: legacy!.id, format: 'post' },
    });
    expect(post.status).toBe(201);
  });

  it('[18.10] a contingency’s format alone is checked against the channel it already has', async () => {
    const agency = await makeAgency(t.database.db);
    const cm = as(agency.contentManager.cookie);
    const telegram = await cm(endpoints.createChannel, {
      params: { clientId: agency.client.id },
      body: { network: 'telegram', handle: '@brand', formats: ['post'] },
    });
    const cycle = await makeCycle(t.database.db, agency, '2026-12', true);
    const plan = await cm(endpoints.createClientPlan, {
      params: { cycleId: cycle.id },
      body: { title: 'Відкриття кав’ярні', startsOn: '2026-12-10', endsOn: null, likelihood: 'certain' },
    });
    const what = await cm(endpoints.createContingency, {
      params: { planId: plan.body.plan.id },
      body: { concept: 'Анонс у каналі', channelId: telegram.body.channel.id, format: 'post' },
    });
    expect(what.status).toBe(201);
    const reel = await cm(endpoints.updateContingency, {
      params: { contingencyId: what.body.contingency.id },
      body: { format: 'reel', version: what.body.contingency.version },
    });
    expect(reel.status).toBe(400);
    expect(errorOf(reel).code).toBe('format_not_on_network');
  });

  it('[18.10] the demo’s channels all keep to their networks’ formats', async () => {
    const { networkFormats } = await import('../../src/shared/roles.ts');
    const { demoAgencies } = await import('../../src/server/seed/demo.ts');
    for (const agency of demoAgencies)
      for (const client of agency.clients)
        for (const channel of client.channels)
          for (const format of channel.formats)
            expect(networkFormats[channel.network], `${channel.network} ${format}`).toContain(format);
  });
});
