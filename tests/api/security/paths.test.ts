import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../../src/shared/api/catalogue.ts';
import { fromNewAddress } from '../../support/addresses.ts';
import { createTestApp, type TestApp } from '../../support/app.ts';
import { makeAgency } from '../../support/factories.ts';
import { api, raw } from '../../support/http.ts';

// The probe of issue 14 (ASVS V3/V4) found the origin check and the rate limits judged the raw
// request target: `/%61pi/…` and `POST http://host/api/…` reach API routes but skipped both.

const evil = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };

let t: TestApp;
let port: number;
beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
});
afterAll(() => t.close());

/** A request with an absolute-form target, as a proxy would be sent one. */
function absoluteForm(path: string, headers: Record<string, string>) {
  return new Promise<number>((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method: 'POST', path: `http://127.0.0.1:${port}${path}`, headers },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('[14.8] the API is known by its route, not by how the request spells its path', () => {
  it('[14.8] a cross-site logout through /%61pi/… is refused and the session lives on', async () => {
    const agency = await makeAgency(t.database.db);
    const res = await raw(t.app, 'POST', '/%61pi/auth/logout', {
      cookie: agency.owner.cookie,
      headers: evil,
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_rejected');
    expect((await api(t.app, endpoints.getMe, { cookie: agency.owner.cookie })).status).toBe(200);
  });

  it('[14.8] a cross-site write with an absolute-form target is refused', async () => {
    const agency = await makeAgency(t.database.db);
    const status = await absoluteForm('/api/auth/logout', { cookie: agency.owner.cookie, ...evil });
    expect(status).toBe(403);
    expect((await api(t.app, endpoints.getMe, { cookie: agency.owner.cookie })).status).toBe(200);
  });

  it('[14.5] the reset-link limit counts /%61pi/… requests like any other', async () => {
    const from = fromNewAddress(t.app);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      const res = await raw(from, 'POST', '/%61pi/auth/password-reset', {
        body: { email: 'nobody@example.com' },
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 5).every((s) => s < 400)).toBe(true);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });
});

describe('[14.V3] API answers are not kept by caches', () => {
  it('[14.V3] a signed-in answer and a refusal say no-store', async () => {
    const agency = await makeAgency(t.database.db);
    const me = await api(t.app, endpoints.getMe, { cookie: agency.owner.cookie });
    expect(me.headers['cache-control']).toBe('no-store');
    const refused = await raw(t.app, 'GET', '/api/clients');
    expect(refused.status).toBe(401);
    expect(refused.headers['cache-control']).toBe('no-store');
  });
});
