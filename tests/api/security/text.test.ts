import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { ErrorCode } from '../../../src/server/errors.ts';
import { allEndpoints, endpoints } from '../../../src/shared/api/catalogue.ts';
import { type ErrorBody, unstorableTextMessage } from '../../../src/shared/api/common.ts';
import { urlOf } from '../../../src/shared/api/endpoint.ts';
import { createTestApp, type TestApp } from '../../support/app.ts';
import { makeAgency } from '../../support/factories.ts';
import { makeSentRequest } from '../../support/facts.ts';
import { api, type Reply, raw } from '../../support/http.ts';
import { listen } from '../../support/live.ts';
import { makeCycle } from '../../support/planning.ts';
import { makeWritingMonth, setCopy } from '../../support/posts.ts';

/**
 * [14.10] Text PostgreSQL cannot store (a NUL byte, a lone UTF-16 surrogate) answered 500 on
 * c553c9c, and Fastify's own errors came in Fastify's shape. Every request string goes through
 * the shared `storable()` type; the walk below keeps a new field from forgetting it.
 */

// Probes of several lengths, so a length window (a token's min(10), a date's max(10)) cannot
// pass for a refusal of the character itself.
const probes = (bad: string) => [`a${bad}b`, `abcde${bad}fghijk`, `${'x'.repeat(30)}${bad}${'y'.repeat(30)}`];
const nul = '\u0000';
const loneSurrogate = '\uD800';

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  out?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  getter?: () => z.ZodType;
};
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Does this schema take a string as its input (a string, or a pipe that starts with one)? */
function takesString(schema: z.ZodType): boolean {
  const def = defOf(schema);
  if (def.type === 'string') return true;
  if (def.type === 'pipe' && def.in) return takesString(def.in);
  return false;
}

/** Every place in a request schema where a string is read, with a path to name it by. */
function stringFields(schema: z.ZodType, at: string, out: Array<{ at: string; schema: z.ZodType }>) {
  const def = defOf(schema);
  if (takesString(schema)) {
    out.push({ at, schema });
    return out;
  }
  switch (def.type) {
    case 'object':
      for (const [key, value] of Object.entries(def.shape ?? {})) stringFields(value, `${at}.${key}`, out);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      if (def.innerType) stringFields(def.innerType, at, out);
      break;
    case 'array':
      if (def.element) stringFields(def.element, `${at}[]`, out);
      break;
    case 'union':
      for (const [i, option] of (def.options ?? []).entries()) stringFields(option, `${at}|${i}`, out);
      break;
    case 'intersection':
      if (def.left) stringFields(def.left, at, out);
      if (def.right) stringFields(def.right, at, out);
      break;
    case 'record':
      if (def.keyType) stringFields(def.keyType, `${at}{key}`, out);
      if (def.valueType) stringFields(def.valueType, `${at}{}`, out);
      break;
    case 'pipe':
      if (def.in) stringFields(def.in, at, out);
      break;
    case 'lazy':
      if (def.getter) stringFields(def.getter(), at, out);
      break;
    default:
      // numbers, booleans, enums, literals: nothing to store as text
      break;
  }
  return out;
}

function requestStringFields() {
  const fields: Array<{ at: string; schema: z.ZodType }> = [];
  for (const spec of allEndpoints) {
    const where = `${spec.operationId}`;
    if (spec.params) stringFields(spec.params, `${where} params`, fields);
    if (spec.query) stringFields(spec.query, `${where} query`, fields);
    if (spec.body && !('kind' in spec.body)) stringFields(spec.body as z.ZodType, `${where} body`, fields);
  }
  return fields;
}

describe('[14.10] text PostgreSQL cannot store', () => {
  it('[14.10] no string in any request of the catalogue accepts a NUL byte or a lone surrogate', () => {
    const fields = requestStringFields();
    // The walk must reach the fields it guards, or it proves nothing.
    expect(fields.length).toBeGreaterThan(100);
    expect(fields.map((f) => f.at)).toContain('updateMe body.name');
    const accepting = fields.flatMap(({ at, schema }) =>
      [...probes(nul), ...probes(loneSurrogate)]
        .filter((probe) => schema.safeParse(probe).success)
        .map((probe) => `${at} accepts ${JSON.stringify(probe)}`),
    );
    expect(accepting).toEqual([]);
  });

  it('[14.10] a free-text field refuses a NUL with the message that names the problem', () => {
    const fields = requestStringFields();
    const name = fields.find((f) => f.at === 'updateMe body.name');
    const result = name?.schema.safeParse(`a${nul}b`);
    expect(result?.success).toBe(false);
    expect(result?.error?.issues.map((i) => i.message)).toContain(unstorableTextMessage);
  });
});

describe('[14.10] requests with text PostgreSQL cannot store', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const refusedNaming = (res: Reply<unknown>, field: string) => {
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    const error = (res.body as ErrorBody).error;
    expect(error.code).toBe('validation_failed');
    expect(error.fields?.[field]).toBe(unstorableTextMessage);
  };

  it('[14.10] a NUL byte in my name is a 400 naming the field, and the name is unchanged', async () => {
    const agency = await makeAgency(t.database.db);
    // Sent as the JSON text a client would send: \u0000 is valid JSON.
    const res = await raw(t.app, 'PATCH', '/api/me', {
      cookie: agency.owner.cookie,
      body: '{"name":"a\\u0000b"}',
    });
    refusedNaming(res, 'name');
    const me = await api(t.app, endpoints.getMe, { cookie: agency.owner.cookie });
    expect(me.body.user.name).toBe(agency.owner.name);
  });

  it('[14.10] an unpaired surrogate in a client name is a 400 naming the field', async () => {
    const agency = await makeAgency(t.database.db);
    const res = await raw(t.app, 'POST', '/api/clients', {
      cookie: agency.owner.cookie,
      body: '{"name":"Kyiv Coffee \\ud83d"}',
    });
    refusedNaming(res, 'name');
    // A whole emoji is text and is kept.
    const whole = await api(t.app, endpoints.createClient, {
      cookie: agency.owner.cookie,
      body: { name: 'Kyiv Coffee \u{1F600}' },
    });
    expect(whole.status).toBe(201);
  });

  it('[14.10] a NUL in a topic title is a 400 naming the field', async () => {
    const agency = await makeAgency(t.database.db);
    const cycle = await makeCycle(t.database.db, agency);
    const res = await api(t.app, endpoints.createTopic, {
      cookie: agency.contentManager.cookie,
      params: { cycleId: cycle.id },
      body: { title: `Winter\u0000menu` },
    });
    refusedNaming(res, 'title');
  });

  it('[14.10] a NUL in a fact answer text is a 400 naming the field', async () => {
    const agency = await makeAgency(t.database.db);
    const { items } = await makeSentRequest(t.database.db, agency, [{ question: 'Price for 250 g' }]);
    const res = await api(t.app, endpoints.submitFactAnswer, {
      cookie: agency.approver.cookie,
      params: { itemId: items[0]!.id },
      body: { answer: { kind: 'text', text: '320\u0000 UAH' }, answerVersion: 1 },
    });
    refusedNaming(res, 'answer.text');
  });

  it('[14.10] a NUL in a post field is a 400 naming the field', async () => {
    const agency = await makeAgency(t.database.db);
    const plan = await makeWritingMonth(t.database.db, agency);
    const created = await api(t.app, endpoints.createPost, {
      cookie: agency.contentManager.cookie,
      params: { cycleId: plan.cycle.id },
      body: { slotId: plan.slots[0]!.id },
    });
    expect(created.status).toBe(201);
    const res = await api(t.app, endpoints.updatePost, {
      cookie: agency.contentManager.cookie,
      params: { postId: created.body.post.id },
      body: { version: created.body.post.version, visualBrief: 'Cup on a \u0000table' },
    });
    refusedNaming(res, 'visualBrief');
  });

  it('[14.10] a NUL in a search query is a 400 naming the parameter', async () => {
    const agency = await makeAgency(t.database.db);
    const res = await raw(t.app, 'GET', `/api/clients/${agency.client.id}/reserve?q=a%00b`, {
      cookie: agency.contentManager.cookie,
    });
    refusedNaming(res, 'q');
  });

  it('[14.10] a NUL typed into the shared copy editor is stored as U+FFFD, not a 500', async () => {
    const agency = await makeAgency(t.database.db);
    const plan = await makeWritingMonth(t.database.db, agency);
    const created = await api(t.app, endpoints.createPost, {
      cookie: agency.contentManager.cookie,
      params: { cycleId: plan.cycle.id },
      body: { slotId: plan.slots[0]!.id },
    });
    const postId = created.body.post.id;
    // The editor's Yjs updates are not a zod schema: what they carry reaches the stored copy.
    await setCopy(t.database.db, postId, 'Cup\u0000of \uD83Dcoffee');
    const current = await api(t.app, endpoints.getPost, {
      cookie: agency.contentManager.cookie,
      params: { postId },
    });
    expect(current.status).toBe(200);
    const sent = await api(t.app, endpoints.movePost, {
      cookie: agency.contentManager.cookie,
      params: { postId },
      body: { to: 'client_review', version: current.body.post.version },
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const after = await api(t.app, endpoints.getPost, { cookie: agency.approver.cookie, params: { postId } });
    expect(after.body.post.copyText).toBe('Cup\uFFFDof \uFFFDcoffee');
  });

  it('[14.10] a NUL in a spreadsheet of topics names its line and imports nothing', async () => {
    const agency = await makeAgency(t.database.db);
    const cycle = await makeCycle(t.database.db, agency);
    const res = await raw(
      t.app,
      'POST',
      urlOf(endpoints.importTopics, { params: { cycleId: cycle.id }, query: { dryRun: 'false' } }),
      {
        cookie: agency.contentManager.cookie,
        body: Buffer.from('title,angle\nGood one,\nWinter\u0000menu,\n', 'utf8'),
        headers: { 'content-type': 'text/csv' },
      },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.created).toBeUndefined();
    expect(res.body.errors).toEqual([{ line: 3, message: expect.stringContaining(unstorableTextMessage) }]);
    const plan = await api(t.app, endpoints.getPlan, {
      params: { cycleId: cycle.id },
      cookie: agency.contentManager.cookie,
    });
    expect(plan.body.topics).toEqual([]);
  });
});

describe("[14.10] Fastify's own errors come in our shape", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const ours = (res: Reply<unknown>, status: number, code: ErrorCode) => {
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    const body = res.body as ErrorBody;
    expect(body.error?.code, JSON.stringify(res.body)).toBe(code);
    expect(body.error.message).toEqual(expect.any(String));
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  };

  it('[14.10] a 300-character id answers 414 in our shape', async () => {
    const agency = await makeAgency(t.database.db);
    const res = await raw(t.app, 'GET', `/api/topics/${'a'.repeat(300)}`, { cookie: agency.owner.cookie });
    ours(res, 414, 'uri_too_long');
  });

  it('[14.10] a URL with broken percent-encoding answers 400 in our shape', async () => {
    const agency = await makeAgency(t.database.db);
    const res = await raw(t.app, 'GET', '/api/topics/%E0%A4%A', { cookie: agency.owner.cookie });
    ours(res, 400, 'malformed_request');
  });

  it('[14.10] an unknown route and an unknown method answer 404 in our shape', async () => {
    ours(await raw(t.app, 'GET', '/api/no-such-thing'), 404, 'not_found');
    ours(await raw(t.app, 'PUT', '/api/health'), 404, 'not_found');
  });

  it('[14.10] a body over the limit answers 413, malformed JSON and an empty JSON body 400, in our shape', async () => {
    const agency = await makeAgency(t.database.db);
    const cookie = agency.owner.cookie;
    const big = JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) });
    ours(await raw(t.app, 'POST', '/api/clients', { cookie, body: big }), 413, 'payload_too_large');
    ours(await raw(t.app, 'POST', '/api/clients', { cookie, body: '{"name":' }), 400, 'malformed_request');
    ours(
      await raw(t.app, 'POST', '/api/clients', {
        cookie,
        body: '',
        headers: { 'content-type': 'application/json' },
      }),
      400,
      'malformed_request',
    );
  });

  it('[14.10] a body of another media type and a wrong content-length answer in our shape', async () => {
    const agency = await makeAgency(t.database.db);
    const cookie = agency.owner.cookie;
    ours(
      await raw(t.app, 'POST', '/api/clients', {
        cookie,
        body: 'name=Kyiv+Coffee',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      400,
      'malformed_request',
    );
    ours(
      await raw(t.app, 'POST', '/api/clients', {
        cookie,
        body: '{"name":"Kyiv Coffee"}',
        headers: { 'content-length': '5' },
      }),
      400,
      'malformed_request',
    );
  });

  let host: string | undefined;
  /** Writes raw bytes to the listening server and reads the whole answer (Node's parser errors). */
  async function rawHttp(request: string) {
    host ??= await listen(t.app);
    const [hostname, port] = host.split(':');
    return new Promise<{ status: number; contentType: string; body: unknown }>((resolve, reject) => {
      const socket = connect(Number(port), hostname);
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk.toString('utf8');
      });
      socket.on('error', () => {}); // the server closes the connection after answering
      socket.on('close', () => {
        const [head = '', payload = ''] = text.split('\r\n\r\n');
        try {
          resolve({
            status: Number(head.split(' ')[1]),
            contentType: /content-type: ([^\r]+)/i.exec(head)?.[1] ?? '',
            body: JSON.parse(payload),
          });
        } catch {
          reject(new Error(`not our shape: ${text.slice(0, 300)}`));
        }
      });
      socket.write(request);
    });
  }

  it("[14.10] Node's parser errors (headers too large, a bad content-length) answer in our shape", async () => {
    const huge = await rawHttp(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(huge.status).toBe(431);
    expect((huge.body as ErrorBody).error.code).toBe('headers_too_large');
    expect(huge.contentType).toMatch(/^application\/json/);

    const badLength = await rawHttp(
      'POST /api/clients HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: abc\r\n\r\n{}',
    );
    expect(badLength.status).toBe(400);
    expect((badLength.body as ErrorBody).error.code).toBe('malformed_request');
  });
});
