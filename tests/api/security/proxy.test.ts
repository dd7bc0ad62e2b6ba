import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../../../src/server/env.ts';
import { endpoints } from '../../../src/shared/api/catalogue.ts';
import { createTestApp, type TestApp } from '../../support/app.ts';
import { makeUser, PASSWORD } from '../../support/factories.ts';
import { api } from '../../support/http.ts';

// In-process requests come from 127.0.0.1: that is the proxy in front of Plit in these tests.
const forged = '198.51.100.66';
const client = '203.0.113.7';

/** Sign in through the proxy with these forwarded headers; the address Plit recorded for the session. */
async function recordedAddress(t: TestApp, headers: Record<string, string>): Promise<string | null> {
  const user = await makeUser(t.database.db);
  const login = await api(t.app, endpoints.logIn, {
    body: { email: user.email, password: PASSWORD },
    headers,
  });
  expect(login.status).toBe(200);
  const listed = await api(t.app, endpoints.listSessions, { cookie: login.cookie });
  return listed.body.sessions.find((s) => s.current)?.ip ?? null;
}

describe('[14.6] TRUST_PROXY=1 trusts one hop, not any X-Forwarded-For', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: '1' });
  });
  afterAll(() => t.close());

  it('[14.6] a client cannot pick its own address: the entry the proxy appended is the client', async () => {
    // The client sent "X-Forwarded-For: 198.51.100.66"; the proxy appended the address it saw.
    expect(await recordedAddress(t, { 'x-forwarded-for': `${forged}, ${client}` })).toBe(client);
  });

  it('[14.6] one hop still reads X-Forwarded-Proto from the proxy (Secure cookie behind TLS)', async () => {
    const user = await makeUser(t.database.db);
    const res = await api(t.app, endpoints.logIn, {
      body: { email: user.email, password: PASSWORD },
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': client },
    });
    expect(String(res.headers['set-cookie'])).toMatch(/;\s*Secure/i);
  });
});

describe('[14.6] TRUST_PROXY as a hop count', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: '2' });
  });
  afterAll(() => t.close());

  it('[14.6] TRUST_PROXY=2: two proxies in a row, the entry before the last is the client', async () => {
    expect(await recordedAddress(t, { 'x-forwarded-for': `${forged}, ${client}, 10.0.0.2` })).toBe(client);
  });
});

describe('[14.6] TRUST_PROXY as a list of proxy addresses', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' });
  });
  afterAll(() => t.close());

  it('[14.6] only the named proxies are skipped: the first address not in the list is the client', async () => {
    expect(await recordedAddress(t, { 'x-forwarded-for': `${forged}, ${client}, 10.1.2.3` })).toBe(client);
  });

  it('[14.6] a request straight from an address not in the list: its forwarded headers are ignored', async () => {
    const user = await makeUser(t.database.db);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '192.0.2.50',
      headers: {
        'content-type': 'application/json',
        origin: 'http://plit.test',
        'x-forwarded-for': forged,
        'x-forwarded-proto': 'https',
      },
      payload: JSON.stringify({ email: user.email, password: PASSWORD }),
    });
    expect(res.statusCode).toBe(200);
    const session = res.cookies.find((c) => c.name === 'plit_session');
    expect(session?.secure).toBeFalsy();
    const listed = await api(t.app, endpoints.listSessions, { cookie: `plit_session=${session?.value}` });
    expect(listed.body.sessions.find((s) => s.current)?.ip).toBe('192.0.2.50');
  });
});

describe('[14.6] TRUST_PROXY values', () => {
  it('[14.6] a value that is neither a count nor addresses stops start-up, naming TRUST_PROXY', () => {
    expect(() => loadEnv({ TRUST_PROXY: 'proxy.example', PUBLIC_URL: 'http://plit.test' })).toThrow(
      /TRUST_PROXY: must be a number of proxies .* not "proxy\.example"/,
    );
    expect(() => loadEnv({ TRUST_PROXY: '10.0.0.0/33', PUBLIC_URL: 'http://plit.test' })).toThrow(
      /TRUST_PROXY/,
    );
    expect(loadEnv({ TRUST_PROXY: 'loopback,fd00::/8', PUBLIC_URL: 'http://plit.test' }).TRUST_PROXY).toEqual(
      ['loopback', 'fd00::/8'],
    );
    // true/yes, as the old on/off flag allowed, mean one hop; 0/false/no mean none.
    expect(loadEnv({ TRUST_PROXY: 'true', PUBLIC_URL: 'http://plit.test' }).TRUST_PROXY).toBe(1);
    expect(loadEnv({ TRUST_PROXY: 'no' }).TRUST_PROXY).toBe(false);
  });
});

describe('[14.V3] an https PUBLIC_URL makes every cookie Secure', () => {
  let t: TestApp;
  beforeAll(async () => {
    // A TLS proxy in front that Plit was not told to trust: requests arrive as plain http.
    t = await createTestApp({ PUBLIC_URL: 'https://plit.example.com' });
  });
  afterAll(() => t.close());

  it('[14.V3] the session and device cookies are Secure though the request came as http', async () => {
    const user = await makeUser(t.database.db);
    const res = await api(t.app, endpoints.logIn, {
      body: { email: user.email, password: PASSWORD },
      headers: { origin: 'https://plit.example.com' },
    });
    expect(res.status).toBe(200);
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] as string[]);
    expect(cookies.filter((c) => /^__Host-plit_(session|device)=/.test(c))).toHaveLength(2);
    for (const cookie of cookies) expect(cookie).toMatch(/;\s*Secure/i);
  });

  it('[14.V3] they carry the __Host- prefix: a cookie without it, planted by a sibling subdomain, is no session', async () => {
    const user = await makeUser(t.database.db);
    const res = await api(t.app, endpoints.logIn, {
      body: { email: user.email, password: PASSWORD },
      headers: { origin: 'https://plit.example.com' },
    });
    const set = ([] as string[]).concat(res.headers['set-cookie'] as string[]);
    const session = set.find((c) => c.startsWith('__Host-plit_session='))!;
    // __Host-: Secure, path /, no Domain, or the browser drops it.
    expect(session).toMatch(/;\s*Path=\/(;|$)/i);
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).not.toMatch(/;\s*Domain=/i);
    expect(res.cookie).toMatch(/^__Host-plit_session=/);
    const value = res.cookie!.split('=')[1];
    const me = (cookie: string) => api(t.app, endpoints.getMe, { cookie });
    expect((await me(`__Host-plit_session=${value}`)).status).toBe(200);
    expect((await me(`plit_session=${value}`)).status).toBe(401);
  });
});
