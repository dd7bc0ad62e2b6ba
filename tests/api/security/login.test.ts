import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginChecks } from '../../../src/server/auth/loginLimits.ts';
import type { App } from '../../../src/server/context.ts';
import { endpoints } from '../../../src/shared/api/catalogue.ts';
import { fromNewAddress } from '../../support/addresses.ts';
import { createTestAppOn, type TestApp } from '../../support/app.ts';
import { engines } from '../../support/engines.ts';
import { errorOf } from '../../support/errors.ts';
import { makeUser, PASSWORD } from '../../support/factories.ts';
import { api, type Reply } from '../../support/http.ts';

const login = (app: App, email: string, password: string, cookie?: string) =>
  api(app, endpoints.logIn, { body: { email, password }, ...(cookie ? { cookie } : {}) });

/** The `plit_device` cookie a sign-in set, as a ready `cookie` header. */
function deviceCookie(res: Reply): string {
  const header = res.headers['set-cookie'];
  const all = Array.isArray(header) ? header : [String(header ?? '')];
  const found = all.map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('plit_device='));
  if (!found || found === 'plit_device=') throw new Error('the sign-in set no device cookie');
  return found;
}

/** Wrong passwords for one account, a few from each of many new addresses (under the pair limit). */
async function guessFromManyAddresses(app: App, email: string, guesses: number) {
  const statuses: number[] = [];
  let from = fromNewAddress(app);
  for (let i = 0; i < guesses; i++) {
    if (i % 3 === 0) from = fromNewAddress(app);
    statuses.push((await login(from, email, `guess ${i}`)).status);
  }
  return statuses;
}

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

  it('[14.5] the addresses of one IPv6 /64 count as one: 5 failures from five of them pause the sixth', async () => {
    const user = await makeUser(t.database.db);
    const from = (address: string) =>
      ({
        inject: (options: InjectOptions) => t.app.inject({ ...options, remoteAddress: address }),
      }) as unknown as App;
    for (let i = 1; i <= 5; i++)
      expect((await login(from(`2001:db8:14:5::${i}`), user.email, `guess ${i}`)).status).toBe(401);
    expect((await login(from('2001:db8:14:5:ffff::6'), user.email, PASSWORD)).status).toBe(429);
    // Another /64 is someone else.
    expect((await login(from('2001:db8:14:6::1'), user.email, PASSWORD)).status).toBe(200);
  });

  it('[14.5] a wrong current password on a password change is a wrong password: the 6th try from one address is paused', async () => {
    const user = await makeUser(t.database.db);
    const from = fromNewAddress(t.app);
    const change = (currentPassword: string) =>
      api(from, endpoints.changePassword, {
        cookie: user.cookie,
        body: { currentPassword, newPassword: 'a stolen session guessing' },
      });
    for (let i = 0; i < 5; i++) expect((await change(`guess number ${i}`)).status).toBe(400);
    const paused = await change(PASSWORD);
    expect(paused.status).toBe(429);
    expect(errorOf(paused).code).toBe('rate_limited');
    // And it is the same count as the login page's.
    expect((await login(from, user.email, PASSWORD)).status).toBe(429);
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
  it('[14.5] 10 wrong passwords for one account from many addresses pause it: the next address gets 429 even with the right password', async () => {
    const user = await makeUser(t.database.db);
    const before = loginChecks.count;
    const statuses = await guessFromManyAddresses(t.app, user.email, 12);
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
    expect(loginChecks.count - before).toBe(10);
    const res = await login(fromNewAddress(t.app), user.email, PASSWORD);
    expect(res.status).toBe(429);
    expect(errorOf(res).code).toBe('rate_limited');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.cookie).toBeNull();
  });

  it('[14.5] the person signs in at once from a device they signed in from before, logged out or not, while strangers are paused', async () => {
    const user = await makeUser(t.database.db);
    const earlier = await login(fromNewAddress(t.app), user.email, PASSWORD);
    expect(earlier.status).toBe(200);
    const device = deviceCookie(earlier);
    // Logging out ends the session, not the device.
    const out = await api(t.app, endpoints.logOut, { cookie: `${earlier.cookie}; ${device}` });
    expect(out.status).toBe(200);
    expect(String(out.headers['set-cookie'] ?? '')).not.toContain('plit_device=');
    await guessFromManyAddresses(t.app, user.email, 11);
    expect((await login(fromNewAddress(t.app), user.email, PASSWORD)).status).toBe(429);
    // From another address too: it is the device that is known, not where it is.
    const res = await login(fromNewAddress(t.app), user.email, PASSWORD, device);
    expect(res.status).toBe(200);
    expect(res.cookie).not.toBeNull();
  });

  it("[14.5] on a shared office address, strangers' failures (on any accounts, or on this one) never stop the person on their own device", async () => {
    const user = await makeUser(t.database.db);
    const office = fromNewAddress(t.app);
    const device = deviceCookie(await login(office, user.email, PASSWORD));
    // Colleagues behind the same address mistype 30 times on other accounts, and 5 on this one.
    for (let i = 0; i < 30; i++) await login(office, `colleague-${i}@example.com`, 'wrong password');
    for (let i = 0; i < 5; i++) await login(office, user.email, `guess ${i}`);
    expect((await login(office, user.email, PASSWORD)).status).toBe(429);
    expect((await login(office, user.email, PASSWORD, device)).status).toBe(200);
  });

  it('[14.5] a known device is paused by its own failures', async () => {
    const user = await makeUser(t.database.db);
    const device = deviceCookie(await login(fromNewAddress(t.app), user.email, PASSWORD));
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await login(fromNewAddress(t.app), user.email, `guess ${i}`, device)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it("[14.5] another account's device cookie, or a made-up one, does not skip the pause", async () => {
    const user = await makeUser(t.database.db);
    const other = await makeUser(t.database.db);
    const theirs = deviceCookie(await login(fromNewAddress(t.app), other.email, PASSWORD));
    await guessFromManyAddresses(t.app, user.email, 10);
    expect((await login(fromNewAddress(t.app), user.email, PASSWORD, theirs)).status).toBe(429);
    const madeUp = `plit_device=${'A'.repeat(43)}`;
    expect((await login(fromNewAddress(t.app), user.email, PASSWORD, madeUp)).status).toBe(429);
  });

  it('[14.5] a device cookie that was not ours is never adopted: signing in mints a new one', async () => {
    const user = await makeUser(t.database.db);
    const planted = `plit_device=${'B'.repeat(43)}`;
    const res = await login(fromNewAddress(t.app), user.email, PASSWORD, planted);
    expect(res.status).toBe(200);
    const device = deviceCookie(res);
    expect(device).not.toContain('B'.repeat(43));
    await guessFromManyAddresses(t.app, user.email, 10);
    expect((await login(fromNewAddress(t.app), user.email, PASSWORD, planted)).status).toBe(429);
    expect((await login(fromNewAddress(t.app), user.email, PASSWORD, device)).status).toBe(200);
  });

  it("[14.5] log out everywhere forgets the person's devices: none skips the pause any more", async () => {
    const user = await makeUser(t.database.db);
    const earlier = await login(fromNewAddress(t.app), user.email, PASSWORD);
    const device = deviceCookie(earlier);
    expect((await api(t.app, endpoints.logOutEverywhere, { cookie: earlier.cookie })).status).toBe(200);
    await guessFromManyAddresses(t.app, user.email, 10);
    expect((await login(fromNewAddress(t.app), user.email, PASSWORD, device)).status).toBe(429);
  });

  it('[14.5] of 25 concurrent wrong passwords for one account from 25 addresses, at most 10 reach the password check', async () => {
    const user = await makeUser(t.database.db);
    const before = loginChecks.count;
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) => login(fromNewAddress(t.app), user.email, `wrong password ${i}`)),
    );
    const statuses = answers.map((res) => res.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    expect(loginChecks.count - before).toBe(10);
  });
});
