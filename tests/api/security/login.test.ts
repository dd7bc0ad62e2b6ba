import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginChecks } from '../../../src/server/auth/loginLimits.ts';
import type { App } from '../../../src/server/context.ts';
import { endpoints } from '../../../src/shared/api/catalogue.ts';
import { fromNewAddress } from '../../support/addresses.ts';
import { createTestAppOn, type TestApp } from '../../support/app.ts';
import { engines } from '../../support/engines.ts';
import { errorOf } from '../../support/errors.ts';
import { makeUser, PASSWORD } from '../../support/factories.ts';
import { api } from '../../support/http.ts';

const login = (app: App, email: string, password: string) =>
  api(app, endpoints.logIn, { body: { email, password } });

// Concurrency differs between engines: PGlite runs one statement at a time, PostgreSQL does not.
describe.each(engines())('[14.5] login limits on $name', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestAppOn(engine);
  });
  afterAll(() => t.close());

  it('[14.5] of 25 concurrent wrong passwords from one address, at most 5 reach the password check', async () => {
    const user = await makeUser(t.database.db);
    const app = fromNewAddress(t.app);
    const before = loginChecks.count;
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) => login(app, user.email, `wrong password ${i}`)),
    );
    const statuses = answers.map((res) => res.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    expect(loginChecks.count - before).toBe(5);
    for (const res of answers.filter((r) => r.status === 429)) {
      expect(errorOf(res).code).toBe('rate_limited');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it("[14.5] a stranger's 5 failures from another address never stop the person signing in from their own", async () => {
    const user = await makeUser(t.database.db);
    const stranger = fromNewAddress(t.app);
    for (let i = 0; i < 5; i++) expect((await login(stranger, user.email, `guess ${i}`)).status).toBe(401);
    expect((await login(stranger, user.email, PASSWORD)).status).toBe(429);
    const res = await login(fromNewAddress(t.app), user.email, PASSWORD);
    expect(res.status).toBe(200);
    expect(res.cookie).not.toBeNull();
  });

  it('[14.5] Retry-After doubles with each further refusal', async () => {
    const user = await makeUser(t.database.db);
    const app = fromNewAddress(t.app);
    for (let i = 0; i < 5; i++) expect((await login(app, user.email, `guess ${i}`)).status).toBe(401);
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await login(app, user.email, `guess again ${i}`);
      expect(res.status).toBe(429);
      waits.push(Number(res.headers['retry-after']));
    }
    const first = waits[0] ?? 0;
    expect(first).toBeGreaterThan(0);
    expect(waits).toEqual([first, first * 2, first * 4, first * 8]);
  });
});
