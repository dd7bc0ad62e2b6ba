import { createHash } from 'node:crypto';
import { and, count, eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factFiles, idempotencyKeys, postComments, slots, topics } from '../../src/server/db/schema/index.ts';
import { runIdempotent } from '../../src/server/http/idempotency.ts';
import { createInProcessBus } from '../../src/server/live/bus.ts';
import { transact } from '../../src/server/live/transact.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { type EndpointSpec, isZod, urlOf } from '../../src/shared/api/endpoint.ts';
import { HAND_OVER_SECONDS } from '../../src/shared/api/idempotency.ts';
import { RETRY_FOR_MS } from '../../src/web/api/retry.ts';
import { createTestAppOn, type TestApp } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { errorOf } from '../support/errors.ts';
import { makeAgency, type TestAgency } from '../support/factories.ts';
import { makeSentRequest } from '../support/facts.ts';
import { api, raw } from '../support/http.ts';
import { makeCycle } from '../support/planning.ts';
import { makeWritingMonth } from '../support/posts.ts';
import { makePng, multipart } from '../support/uploads.ts';

const key = () => `k-${crypto.randomUUID()}`;
const header = (value: string) => ({ 'idempotency-key': value });

describe.each(engines())('[16.7] idempotent creates ($name)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestAppOn(engine);
  });
  afterAll(() => t.close());

  const db = () => t.database.db;

  const topicsOf = async (cycleId: string) =>
    (await db().select({ n: count() }).from(topics).where(eq(topics.cycleId, cycleId)))[0]!.n;

  async function month() {
    const agency = await makeAgency(db());
    const cycle = await makeCycle(db(), agency);
    return { agency, cycle };
  }

  const createTopic = (agency: TestAgency, cycleId: string, idempotencyKey?: string, title = 'Зерно тижня') =>
    api(t.app, endpoints.createTopic, {
      params: { cycleId },
      body: { title },
      cookie: agency.contentManager.cookie,
      ...(idempotencyKey ? { headers: header(idempotencyKey) } : {}),
    });

  function uploadWithKey(
    agency: TestAgency,
    itemId: string,
    idempotencyKey: string,
    name: string,
    bytes: Buffer,
  ) {
    const { body, contentType } = multipart(name, bytes);
    return raw(t.app, 'POST', urlOf(endpoints.uploadFactFile, { params: { itemId } }), {
      cookie: agency.approver.cookie,
      body,
      headers: { 'content-type': contentType, ...header(idempotencyKey) },
    });
  }

  it('[16.7] a create whose answer was lost is retried with its key: no duplicate, the first answer again', async () => {
    // The defect: the write was saved, the answer never arrived (a crash, a cut connection), the
    // browser retried, and the retry made a second topic. With the key, the retry is the same one.
    const { agency, cycle } = await month();
    const k = key();
    const first = await createTopic(agency, cycle.id, k);
    expect(first.status).toBe(201);
    const retry = await createTopic(agency, cycle.id, k);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await topicsOf(cycle.id)).toBe(1);
    const plan = await api(t.app, endpoints.getPlan, {
      params: { cycleId: cycle.id },
      cookie: agency.contentManager.cookie,
    });
    expect(plan.body.topics.map((topic) => topic.id)).toEqual([first.body.topic.id]);
  });

  it('[16.7] slots and post comments are created once per key too', async () => {
    const agency = await makeAgency(db());
    const plan = await makeWritingMonth(db(), agency);
    const cm = agency.contentManager.cookie;
    const slotBody = {
      date: '2026-12-20',
      time: '18:00',
      channelId: agency.client.channel.id,
      format: 'post' as const,
    };
    const k = key();
    // One after the other: each is the retry of one whose answer was lost.
    const slotsOfCycle = async () =>
      (await db().select({ n: count() }).from(slots).where(eq(slots.cycleId, plan.cycle.id)))[0]!.n;
    const before = await slotsOfCycle();
    const slotAnswers = [];
    for (let i = 0; i < 3; i++) {
      slotAnswers.push(
        await api(t.app, endpoints.createSlot, {
          params: { cycleId: plan.cycle.id },
          body: slotBody,
          cookie: cm,
          headers: header(k),
        }),
      );
    }
    expect(new Set(slotAnswers.map((a) => a.status))).toEqual(new Set([201]));
    expect(new Set(slotAnswers.map((a) => a.body.slot.id)).size).toBe(1);
    // Three sends, one slot more in the cycle (counted around them, so a duplicate would show).
    expect(await slotsOfCycle()).toBe(before + 1);

    const post = await api(t.app, endpoints.createPost, {
      params: { cycleId: plan.cycle.id },
      body: { slotId: plan.slots[0]!.id },
      cookie: cm,
      headers: header(key()),
    });
    expect(post.status).toBe(201);
    const postId = post.body.post.id;
    const c = key();
    const comment = () =>
      api(t.app, endpoints.createPostComment, {
        params: { postId },
        body: { revision: 0, body: 'Перевір ціну' },
        cookie: cm,
        headers: header(c),
      });
    const [one, two] = [await comment(), await comment()];
    expect(one.status).toBe(201);
    expect(two.body).toEqual(one.body);
    const full = await api(t.app, endpoints.getPost, { params: { postId }, cookie: cm });
    expect(full.body.comments).toHaveLength(1);
    expect(
      (await db().select({ n: count() }).from(postComments).where(eq(postComments.postId, postId)))[0]!.n,
    ).toBe(1);
  });

  it('[16.7] an upload retried with its key stores one file; another file under that key is 422', async () => {
    const agency = await makeAgency(db());
    const sent = await makeSentRequest(db(), agency, [{ question: 'Фото пачки', kind: 'files' }]);
    const itemId = sent.items[0]!.id;
    const png = makePng(40, 30);
    const k = key();
    const first = await uploadWithKey(agency, itemId, k, 'пачка.png', png);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const again = await uploadWithKey(agency, itemId, k, 'пачка.png', png);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const stored = await db().select().from(factFiles).where(eq(factFiles.itemId, itemId));
    expect(stored).toHaveLength(1);
    // The same key with other bytes, or another name, is another request.
    const otherBytes = await uploadWithKey(agency, itemId, k, 'пачка.png', makePng(40, 31));
    expect(otherBytes.status).toBe(422);
    expect(errorOf(otherBytes).code).toBe('idempotency_key_reused');
    const otherName = await uploadWithKey(agency, itemId, k, 'інша.png', png);
    expect(errorOf(otherName).code).toBe('idempotency_key_reused');
    expect(await db().select().from(factFiles).where(eq(factFiles.itemId, itemId))).toHaveLength(1);
  });

  it('[16.7] a post asset retried with its key is stored once', async () => {
    const agency = await makeAgency(db());
    const plan = await makeWritingMonth(db(), agency);
    const cm = agency.contentManager.cookie;
    const post = await api(t.app, endpoints.createPost, {
      params: { cycleId: plan.cycle.id },
      body: { slotId: plan.slots[0]!.id },
      cookie: cm,
    });
    const postId = post.body.post.id;
    const png = makePng(24, 24);
    const k = key();
    const send = () => {
      const { body, contentType } = multipart('стенд.png', png);
      return raw(t.app, 'POST', urlOf(endpoints.uploadPostAsset, { params: { postId } }), {
        cookie: cm,
        body,
        headers: { 'content-type': contentType, ...header(k) },
      });
    };
    const first = await send();
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const again = await send();
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const full = await api(t.app, endpoints.getPost, { params: { postId }, cookie: cm });
    expect(full.body.post.assets).toHaveLength(1);
  });

  it('[16.7] the same key with a different body answers 422 and creates nothing', async () => {
    const { agency, cycle } = await month();
    const k = key();
    expect((await createTopic(agency, cycle.id, k, 'Перша')).status).toBe(201);
    const other = await createTopic(agency, cycle.id, k, 'Друга');
    expect(other.status).toBe(422);
    expect(errorOf(other).code).toBe('idempotency_key_reused');
    // The same key on another endpoint is a different request as well.
    const slot = await api(t.app, endpoints.createSlot, {
      params: { cycleId: cycle.id },
      body: { date: '2026-12-07', time: '10:00', channelId: agency.client.channel.id, format: 'post' },
      cookie: agency.contentManager.cookie,
      headers: header(k),
    });
    expect(errorOf(slot).code).toBe('idempotency_key_reused');
    expect(await topicsOf(cycle.id)).toBe(1);
  });

  it("[16.7] another person's same key is their own: each creates, neither sees the other's answer", async () => {
    const { agency, cycle } = await month();
    const k = key();
    const mine = await createTopic(agency, cycle.id, k);
    const owner = await api(t.app, endpoints.createTopic, {
      params: { cycleId: cycle.id },
      body: { title: 'Зерно тижня' },
      cookie: agency.owner.cookie,
      headers: header(k),
    });
    expect(owner.status).toBe(201);
    expect(owner.body.topic.id).not.toBe(mine.body.topic.id);
    expect(await topicsOf(cycle.id)).toBe(2);
  });

  it('[16.7] without the header a create behaves as before: each call creates', async () => {
    const { agency, cycle } = await month();
    expect((await createTopic(agency, cycle.id)).status).toBe(201);
    expect((await createTopic(agency, cycle.id)).status).toBe(201);
    expect(await topicsOf(cycle.id)).toBe(2);
  });

  it('[16.7] a key older than 24 hours is not replayed: the create runs again', async () => {
    const { agency, cycle } = await month();
    const k = key();
    const first = await createTopic(agency, cycle.id, k);
    await db()
      .update(idempotencyKeys)
      .set({ createdAt: sql`now() - interval '25 hours'` })
      .where(eq(idempotencyKeys.key, k));
    const later = await createTopic(agency, cycle.id, k);
    expect(later.status).toBe(201);
    expect(later.body.topic.id).not.toBe(first.body.topic.id);
    expect(await topicsOf(cycle.id)).toBe(2);
  });

  it('[16.7] concurrent requests with one key create one thing', async () => {
    const { agency, cycle } = await month();
    const k = key();
    const answers = await Promise.all(Array.from({ length: 6 }, () => createTopic(agency, cycle.id, k)));
    expect(await topicsOf(cycle.id)).toBe(1);
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((a) => a.body.topic.id)).size).toBe(1);
    // The others were told to come back (with Retry-After), never answered a second topic.
    for (const a of answers.filter((a) => a.status !== 201)) {
      expect(a.status).toBe(409);
      expect(errorOf(a).code).toBe('request_in_progress');
      expect(a.headers['retry-after']).toBe('1');
    }
  });

  it('[16.7] a refused create gives its key up: the corrected retry runs for real', async () => {
    const { agency, cycle } = await month();
    const k = key();
    const refused = await api(t.app, endpoints.createTopic, {
      params: { cycleId: cycle.id },
      body: { title: 'x', rubricId: crypto.randomUUID() },
      cookie: agency.contentManager.cookie,
      headers: header(k),
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(await db().select().from(idempotencyKeys).where(eq(idempotencyKeys.key, k))).toEqual([]);
    // Nothing was changed, so the key names nothing yet: the retry is judged afresh.
    const fixed = await createTopic(agency, cycle.id, k, 'x');
    expect(fixed.status).toBe(201);
    expect(await topicsOf(cycle.id)).toBe(1);
  });

  it('[16.7] a create committed by a node that died before answering is never made twice', async () => {
    const { agency, cycle } = await month();
    const k = key();
    await createTopic(agency, cycle.id, k);
    // What a node leaves when it stops between the commit and storing the answer: the claim,
    // marked in the create's transaction, without an answer.
    await db()
      .update(idempotencyKeys)
      .set({ status: null, answer: null, effectAt: sql`now() - interval '1 minute'` })
      .where(eq(idempotencyKeys.key, k));
    const retry = await createTopic(agency, cycle.id, k);
    expect(retry.status).toBe(409);
    expect(errorOf(retry).code).toBe('request_already_done');
    expect(await topicsOf(cycle.id)).toBe(1);
  });

  it('[16.7] a claim left by a node that died before its create committed is taken over', async () => {
    const { agency, cycle } = await month();
    const k = key();
    const first = await createTopic(agency, cycle.id, k);
    // Make the finished claim look abandoned: no effect, no answer, two minutes old (and its
    // topic gone, as if that node's transaction never committed).
    await db()
      .update(idempotencyKeys)
      .set({ status: null, answer: null, effectAt: null, createdAt: sql`now() - interval '2 minutes'` })
      .where(eq(idempotencyKeys.key, k));
    await db().delete(topics).where(eq(topics.id, first.body.topic.id));
    const retry = await createTopic(agency, cycle.id, k);
    expect(retry.status).toBe(201);
    expect(await topicsOf(cycle.id)).toBe(1);
    // A young claim without an answer is a request still running elsewhere: not taken over.
    await db()
      .update(idempotencyKeys)
      .set({ status: null, answer: null, effectAt: null, createdAt: sql`now()` })
      .where(eq(idempotencyKeys.key, k));
    const meanwhile = await createTopic(agency, cycle.id, k);
    expect(errorOf(meanwhile).code).toBe('request_in_progress');
    expect(await topicsOf(cycle.id)).toBe(1);
  });

  it('[16.7] a first run whose claim was taken over cannot commit its create (rolled back)', async () => {
    const { agency, cycle } = await month();
    const k = key();
    const scope = `user:${agency.contentManager.id}`;
    const log = { warn: () => {} } as unknown as FastifyBaseLogger;
    // The route layer's own entry point, with just the request parts it reads.
    const request = {
      headers: { 'idempotency-key': k },
      actor: { user: { id: agency.contentManager.id }, scope: null },
      server: { idempotencyDb: db() },
      params: { cycleId: cycle.id },
      query: {},
      body: { title: 'Повільна' },
      log,
    } as unknown as FastifyRequest;
    const ctx = { db: db(), live: createInProcessBus(), log };
    const slowFirstRun = runIdempotent(endpoints.createTopic, request, {} as FastifyReply, async () => {
      // Meanwhile its node was thought dead and a retry took the claim over.
      await db()
        .delete(idempotencyKeys)
        .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, k)));
      return transact(ctx, (tx) =>
        tx
          .insert(topics)
          .values({ clientId: agency.client.id, cycleId: cycle.id, title: 'Повільна', source: 'agency' })
          .returning(),
      );
    });
    await expect(slowFirstRun).rejects.toMatchObject({ code: 'request_in_progress' });
    expect(await topicsOf(cycle.id)).toBe(0);
  });

  it('[16.7] a CSV import retried with its key adds its topics once; another file under that key is 422', async () => {
    // The import creates topics though it answers 200: its retry must not add them twice, and
    // its body is the file, so the file's bytes are part of what the key names.
    const { agency, cycle } = await month();
    const k = key();
    const importCsv = (csv: string) =>
      raw(
        t.app,
        'POST',
        urlOf(endpoints.importTopics, { params: { cycleId: cycle.id }, query: { dryRun: 'false' } }),
        {
          cookie: agency.contentManager.cookie,
          body: Buffer.from(csv, 'utf8'),
          headers: { 'content-type': 'text/csv', ...header(k) },
        },
      );
    const csv = 'Назва,Кут\nКава з корицею,Зимовий рецепт\nЛатте-арт,Майстер-клас\n';
    const first = await importCsv(csv);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(await topicsOf(cycle.id)).toBe(2);
    const again = await importCsv(csv);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await topicsOf(cycle.id)).toBe(2);
    const other = await importCsv('Назва,Кут\nІнша тема,Інший кут\n');
    expect(other.status).toBe(422);
    expect(errorOf(other).code).toBe('idempotency_key_reused');
    expect(await topicsOf(cycle.id)).toBe(2);
  });

  it("[16.7] the server hands a key over after 10 s, well inside the browser's retry deadline", async () => {
    // The browser retries for RETRY_FOR_MS (web/api/retry.ts); the server must give its final
    // word before that, or the person clicks again and makes a second thing with a new key.
    const { agency, cycle } = await month();
    const k = key();
    const first = await createTopic(agency, cycle.id, k);
    await db().delete(topics).where(eq(topics.id, first.body.topic.id));
    // Its node was killed before the create committed, 11 s ago: the retry runs it.
    await db()
      .update(idempotencyKeys)
      .set({ status: null, answer: null, effectAt: null, createdAt: sql`now() - interval '11 seconds'` })
      .where(eq(idempotencyKeys.key, k));
    const takenOver = await createTopic(agency, cycle.id, k);
    expect(takenOver.status).toBe(201);
    expect(await topicsOf(cycle.id)).toBe(1);
    // Committed 2 s ago, answer not stored yet: still in progress (the answer may come).
    await db()
      .update(idempotencyKeys)
      .set({ status: null, answer: null, effectAt: sql`now() - interval '2 seconds'` })
      .where(eq(idempotencyKeys.key, k));
    expect(errorOf(await createTopic(agency, cycle.id, k)).code).toBe('request_in_progress');
    // Committed 11 s ago and still no answer: its node stopped; the create stands, done.
    await db()
      .update(idempotencyKeys)
      .set({ effectAt: sql`now() - interval '11 seconds'` })
      .where(eq(idempotencyKeys.key, k));
    const done = await createTopic(agency, cycle.id, k);
    expect(done.status).toBe(409);
    expect(errorOf(done).code).toBe('request_already_done');
    expect(await topicsOf(cycle.id)).toBe(1);
    expect(RETRY_FOR_MS).toBeGreaterThan(2 * HAND_OVER_SECONDS * 1000);
  });

  it("[16.7] the request hash orders body keys by code unit, not by the node's locale", async () => {
    const { agency, cycle } = await month();
    const k = key();
    const log = { warn: () => {} } as unknown as FastifyBaseLogger;
    const request = {
      headers: { 'idempotency-key': k },
      actor: { user: { id: agency.contentManager.id }, scope: null },
      server: { idempotencyDb: db() },
      params: { cycleId: cycle.id },
      query: {},
      // localeCompare puts these a, b, B (in any locale we know); code units B, a, b.
      body: { b: 1, B: 2, a: 3 },
      log,
    } as unknown as FastifyRequest;
    await runIdempotent(endpoints.createTopic, request, {} as FastifyReply, async () => null);
    const [row] = await db()
      .select({ requestHash: idempotencyKeys.requestHash })
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.key, k));
    const expected = createHash('sha256')
      .update(`["createTopic",{"cycleId":"${cycle.id}"},{},{"B":2,"a":3,"b":1}]`)
      .digest('hex');
    expect(row!.requestHash).toBe(expected);
  });

  it('[16.B] a malformed key is a 400 naming the header, and nothing is created', async () => {
    const { agency, cycle } = await month();
    for (const bad of ['short', 'has space in it', 'x'.repeat(201)]) {
      const res = await raw(t.app, 'POST', urlOf(endpoints.createTopic, { params: { cycleId: cycle.id } }), {
        cookie: agency.contentManager.cookie,
        body: { title: 'x' },
        headers: header(bad),
      });
      expect(res.status, bad).toBe(400);
      expect(errorOf(res).code).toBe('validation_failed');
      expect(errorOf(res).fields).toHaveProperty(['Idempotency-Key']);
    }
    expect(await topicsOf(cycle.id)).toBe(0);
  });
});

describe('[16.7] every create is marked idempotent in the contract', () => {
  // Creates that must not be replayed, each with its reason on the declaration.
  const exempt: Record<string, string> = {
    setUpAgency: 'runs once per installation; no caller yet; its answer is a session cookie',
    copyContactLink: 'its answer is a live secret that must not be stored in clear',
  };

  // POSTs that answer 200 and still create, or could be taken for creates: an import takes a
  // file (rawBody) and is found by that; the rest are named here, each with what it does.
  const createsAnswering200: Record<string, boolean> = {
    importTopics: true, // adds the file's topics to the plan
    importInsightHistory: false, // replaces the file's months (an upsert): sent twice, same rows
    applyCadence: true, // fills the month from the cadence: a retry must not fill it again after an undo
    createCalendarFeed: false, // its answer is a live secret, and each call replaces the last
  };
  const isCreate = (e: EndpointSpec) =>
    e.method === 'POST' &&
    (201 in e.responses ||
      e.operationId in createsAnswering200 ||
      (!isZod(e.body) && e.body?.kind === 'raw'));

  it('[16.7] each POST that creates (201, imports, listed 200s) declares idempotent: true, or false with a reason', () => {
    const creates = (Object.values(endpoints) as EndpointSpec[]).filter(isCreate);
    expect(creates.length).toBeGreaterThan(20);
    for (const [operationId, marked] of Object.entries(createsAnswering200)) {
      const spec = (Object.values(endpoints) as EndpointSpec[]).find((e) => e.operationId === operationId);
      expect(spec, operationId).toBeDefined();
      expect(spec?.idempotent === true, operationId).toBe(marked);
    }
    // Every import (a file sent as it is) is judged here, not left out because it answers 200.
    const imports = creates.filter((e) => !isZod(e.body) && e.body?.kind === 'raw').map((e) => e.operationId);
    expect(imports.sort()).toEqual(['importInsightHistory', 'importTopics']);
    const unmarked = creates
      .filter((e) => !(e.operationId in createsAnswering200))
      .filter((e) => (e.operationId in exempt ? e.idempotent !== false : e.idempotent !== true))
      .map((e) => e.operationId);
    expect(unmarked).toEqual([]);
    // Only creates take a key: a key on an update would only hide a lost update.
    const others = (Object.values(endpoints) as EndpointSpec[]).filter(
      (e) => e.idempotent === true && !isCreate(e),
    );
    expect(others.map((e) => e.operationId)).toEqual([]);
  });

  it('[16.7] the OpenAPI document declares the header on every marked endpoint', async () => {
    const t = await createTestAppOn(engines()[0]!);
    try {
      const doc = (await api(t.app, endpoints.getOpenApiDocument, {})).body as unknown as {
        paths: Record<
          string,
          Record<string, { operationId: string; parameters?: Array<{ name: string; in: string }> }>
        >;
      };
      const withHeader = Object.values(doc.paths)
        .flatMap((item) => Object.values(item))
        .filter((op) => op.parameters?.some((p) => p.in === 'header' && p.name === 'Idempotency-Key'))
        .map((op) => op.operationId)
        .sort();
      const marked = (Object.values(endpoints) as EndpointSpec[])
        .filter((e) => e.idempotent)
        .map((e) => e.operationId)
        .sort();
      expect(withHeader).toEqual(marked);
    } finally {
      await t.close();
    }
    // Building the document walks the whole catalogue: slow on a busy machine.
  }, 120_000);
});
