import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/server/context.ts';
import { clients } from '../../src/server/db/schema/index.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeAgency, PASSWORD } from '../support/factories.ts';
import { api as apiCall, type Reply, raw as rawCall } from '../support/http.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Stack frames look like "at handler (/app/src/server/routes/clients.ts:42:7)". */
const stackFrame = /\bat .*\.[cm]?[jt]s:\d+/;

/** Every call in this file also checks that no answer leaks a stack trace. */
function noStack<R extends Reply<unknown>>(res: R): R {
  const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
  expect(text).not.toMatch(stackFrame);
  return res;
}
const raw: typeof rawCall = async (...args) => noStack(await rawCall(...args));
const api: typeof apiCall = async (...args) => noStack(await apiCall(...args));

async function clientCount(agencyId: string) {
  const [row] = await t.database.db
    .select({ n: count() })
    .from(clients)
    .where(eq(clients.agencyId, agencyId));
  return row?.n ?? 0;
}

describe('bad input', () => {
  it('malformed JSON answers 400 malformed_request', async () => {
    const agency = await makeAgency(t.database.db);
    const res = await raw(t.app, 'POST', '/api/clients', {
      cookie: agency.owner.cookie,
      body: '{"name": "Kyiv Coffee",',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('malformed_request');
    expect(await clientCount(agency.id)).toBe(2);
  });

  it('a body that is not JSON answers 400 malformed_request', async () => {
    const agency = await makeAgency(t.database.db);
    const res = await raw(t.app, 'POST', '/api/clients', {
      cookie: agency.owner.cookie,
      body: 'name=Kyiv+Coffee',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('malformed_request');
  });

  it('missing fields answer 400 validation_failed with fields', async () => {
    const agency = await makeAgency(t.database.db);
    const res = await raw(t.app, 'POST', '/api/clients', { cookie: agency.owner.cookie, body: {} });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.fields).toHaveProperty('name');
    expect(res.body.error.message).toMatch(/^name: /);
  });

  it('wrong types answer 400 validation_failed naming each field', async () => {
    const agency = await makeAgency(t.database.db);
    const res = await raw(t.app, 'POST', `/api/clients/${agency.client.id}/channels`, {
      cookie: agency.owner.cookie,
      body: { network: 42, handle: ['@x'], formats: 'post' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(Object.keys(res.body.error.fields)).toEqual(
      expect.arrayContaining(['network', 'handle', 'formats']),
    );
  });

  it('a body over 1 MB answers 413 payload_too_large', async () => {
    const agency = await makeAgency(t.database.db);
    const res = await raw(t.app, 'POST', '/api/clients', {
      cookie: agency.owner.cookie,
      body: { name: 'x'.repeat(1024 * 1024 + 10) },
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    expect(await clientCount(agency.id)).toBe(2);
  });

  it('a 10 000-character client name answers 400', async () => {
    const agency = await makeAgency(t.database.db);
    const res = await raw(t.app, 'POST', '/api/clients', {
      cookie: agency.owner.cookie,
      body: { name: 'Ж'.repeat(10_000) },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('name');
    expect(await clientCount(agency.id)).toBe(2);
  });

  it('a query parameter of the wrong kind answers 400, not 500', async () => {
    const agency = await makeAgency(t.database.db);
    const cookie = agency.owner.cookie;
    const archived = await raw(t.app, 'GET', '/api/clients?archived=maybe', { cookie });
    expect(archived.status).toBe(400);
    const before = await raw(t.app, 'GET', `/api/clients/${agency.client.id}/events?before=-1&limit=1000`, {
      cookie,
    });
    expect(before.status).toBe(400);
    expect(Object.keys(before.body.error.fields)).toEqual(expect.arrayContaining(['before', 'limit']));
  });
});

describe('names are data, never code', () => {
  const names = [
    'Кав’ярня «Зерно» — Київ',
    '☕️ Coffee & Co 🇺🇦👩🏽‍💻',
    '<script>alert(1)</script>',
    "'; drop table clients; --",
    'Robert"); DELETE FROM users; --',
    '{{constructor.constructor("return 1")()}}',
  ];

  it('stores and returns every name verbatim, and the clients table is still there', async () => {
    const agency = await makeAgency(t.database.db);
    const cookie = agency.contentManager.cookie;
    const ids: string[] = [];
    for (const name of names) {
      const res = await api(t.app, endpoints.createClient, { cookie, body: { name } });
      expect(res.status).toBe(201);
      expect(res.body.client.name).toBe(name);
      ids.push(res.body.client.id);
    }
    for (const [i, id] of ids.entries()) {
      const one = await api(t.app, endpoints.getClient, { params: { clientId: id }, cookie });
      expect(one.body.client.name).toBe(names[i]);
    }
    const list = await api(t.app, endpoints.listClients, { cookie });
    expect(list.status).toBe(200);
    expect(list.body.clients.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(names));
    expect(await clientCount(agency.id)).toBe(2 + names.length);
  });

  it('a rubric named like markup keeps its name in the activity feed too', async () => {
    const agency = await makeAgency(t.database.db);
    const name = '<img src=x onerror=alert(1)>';
    const res = await api(t.app, endpoints.createRubric, {
      params: { clientId: agency.client.id },
      cookie: agency.contentManager.cookie,
      body: { name, color: '#abcdef' },
    });
    expect(res.status).toBe(201);
    const events = await api(t.app, endpoints.listClientEvents, {
      params: { clientId: agency.client.id },
      cookie: agency.contentManager.cookie,
    });
    expect(events.body.events[0]!.data.name).toBe(name);
  });
});

describe('cross-site requests', () => {
  it('a cookie-authenticated POST from another origin answers 403 csrf_rejected and changes nothing', async () => {
    const agency = await makeAgency(t.database.db);
    const res = await raw(t.app, 'POST', '/api/clients', {
      cookie: agency.owner.cookie,
      body: { name: 'Planted by evil' },
      headers: { origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_rejected');
    expect(await clientCount(agency.id)).toBe(2);
  });

  it('a cross-site DELETE cannot log someone out everywhere', async () => {
    const agency = await makeAgency(t.database.db);
    const res = await raw(t.app, 'DELETE', '/api/sessions', {
      cookie: agency.owner.cookie,
      headers: { origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect((await api(t.app, endpoints.getMe, { cookie: agency.owner.cookie })).status).toBe(200);
  });

  it('without Origin, Sec-Fetch-Site: cross-site answers 403; same-origin is let through', async () => {
    const agency = await makeAgency(t.database.db);
    const send = (site: string, name: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/clients',
        headers: { cookie: agency.owner.cookie, 'content-type': 'application/json', 'sec-fetch-site': site },
        payload: JSON.stringify({ name }),
      });
    const crossSite = await send('cross-site', 'Cross-site');
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json().error.code).toBe('csrf_rejected');
    expect((await send('same-site', 'Sibling subdomain')).statusCode).toBe(403);
    expect(await clientCount(agency.id)).toBe(2);
    expect((await send('same-origin', 'Own page')).statusCode).toBe(201);
  });

  it('Origin: null (a sandboxed frame) is refused', async () => {
    const agency = await makeAgency(t.database.db);
    const res = await raw(t.app, 'PATCH', '/api/me', {
      cookie: agency.owner.cookie,
      body: { name: 'Framed' },
      headers: { origin: 'null' },
    });
    expect(res.status).toBe(403);
  });

  it('reads from another origin are not writes and still answer (the browser keeps them from the page)', async () => {
    const agency = await makeAgency(t.database.db);
    const res = await api(t.app, endpoints.getMe, {
      cookie: agency.owner.cookie,
      headers: { origin: 'https://evil.example' },
    });
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('response headers and unknown routes', () => {
  it('sends security headers on answers and on errors', async () => {
    for (const res of [await api(t.app, endpoints.getHealth, {}), await api(t.app, endpoints.getMe, {})]) {
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(csp.includes("frame-ancestors 'none'") || res.headers['x-frame-options'] !== undefined).toBe(
        true,
      );
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('an unknown /api route answers 404 JSON not_found', async () => {
    const res = await raw(t.app, 'GET', '/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body.error.code).toBe('not_found');
    const wrongMethod = await raw(t.app, 'PUT', '/api/clients');
    expect(wrongMethod.status).toBe(404);
    expect(wrongMethod.body.error.code).toBe('not_found');
  });
});

describe('a failure inside the server', () => {
  let broken: TestApp;
  beforeAll(async () => {
    broken = await createTestApp();
    // The database goes away under a running server.
    await broken.database.close();
  });
  afterAll(() => broken.app.close());

  it('answers 500 internal with the catalogue message and no stack trace', async () => {
    const res = await api(broken.app, endpoints.getSetupState, {});
    expect(res.status).toBe(500);
    expect(res.body).toEqual({
      error: { code: 'internal', message: 'Something went wrong on our side. Nothing was changed.' },
    });
  });
});

/**
 * Every route the server registered under /api, as "METHOD /path/{param}". Fastify prints
 * its radix tree, where each line adds to its parent's path ("/api/me" then "mbers").
 */
function registeredApiRoutes(app: App): Set<string> {
  const routes = new Set<string>();
  const prefixes: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = line.match(/^([│ ]*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    const path = (prefixes[depth - 1] ?? '') + match[2]!;
    prefixes.length = depth;
    prefixes[depth] = path;
    for (const method of match[3]?.split(', ') ?? []) {
      if (method !== 'HEAD') routes.add(`${method} ${path.replace(/:(\w+)/g, '{$1}')}`);
    }
  }
  // Only the document's viewer is not part of the API. The document itself and the live and
  // collaboration WebSockets are catalogue endpoints, so the document lists them too (the
  // sockets' frames are in src/shared/live.ts, not in OpenAPI).
  const isApi = (path: string) => path.startsWith('/api/') && !path.startsWith('/api/docs');
  return new Set([...routes].filter((route) => isApi(route.slice(route.indexOf(' ') + 1))));
}

describe('API documentation', () => {
  it('GET /api/openapi.json is an OpenAPI 3 document listing every /api route, each with a summary', async () => {
    const res = await api(t.app, endpoints.getOpenApiDocument, {});
    expect(res.status).toBe(200);
    // Declared as a JSON file: its shape is OpenAPI's, not one of Plit's schemas.
    const doc = res.body as unknown as {
      openapi: string;
      paths: Record<string, Record<string, { summary?: string }>>;
    };
    expect(doc.openapi).toMatch(/^3\./);

    const documented = new Set<string>();
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        documented.add(`${method.toUpperCase()} ${path}`);
        expect(operation.summary, `${method.toUpperCase()} ${path} has a summary`).toMatch(/\S/);
      }
    }
    const registered = registeredApiRoutes(t.app);
    // The parser found the routes it should (a broken parse must not pass as "nothing to compare").
    expect(registered).toContain('POST /api/auth/login');
    expect(registered).toContain('GET /api/members');
    expect(registered).toContain('DELETE /api/clients/{clientId}/rubrics/{rubricId}');
    expect(registered.size).toBeGreaterThan(35);
    expect([...documented].sort()).toEqual([...registered].sort());
  });

  it('GET /api/docs answers an HTML page', async () => {
    const res = await raw(t.app, 'GET', '/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(String(res.body)).toMatch(/<html/i);
  });
});

describe('login CSRF', () => {
  it('refuses a login posted by another site, even without a session', async () => {
    const agency = await makeAgency(t.database.db);
    const res = await raw(t.app, 'POST', '/api/auth/login', {
      body: { email: agency.owner.email, password: PASSWORD },
      headers: { origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_rejected');
    expect(res.cookie).toBeNull();
  });
});
