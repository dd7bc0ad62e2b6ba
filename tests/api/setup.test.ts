import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import type { App } from '../../src/server/context.ts';
import type { Database } from '../../src/server/db/connect.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { agencies, agencyMembers, users } from '../../src/server/db/schema/index.ts';
import { loadEnv } from '../../src/server/env.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import type { BodyOf } from '../../src/shared/api/endpoint.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { errorOf } from '../support/errors.ts';
import { api, raw } from '../support/http.ts';

// First run happens once per database, so this file never uses makeAgency: each describe
// starts from its own empty database.

const setupBody = (n: number): BodyOf<typeof endpoints.setUpAgency> => ({
  agencyName: `Агенція «Пліт» ${n}`,
  name: `Owner ${n}`,
  email: `Owner.${n}@Example.com`,
  password: 'a long enough password',
  locale: 'uk',
});

describe('first run', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('an empty database needs setup, and nothing else is reachable without a session', async () => {
    const res = await api(t.app, endpoints.getSetupState, {});
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ needsSetup: true, emailConfigured: false });
    expect((await api(t.app, endpoints.getMe, {})).status).toBe(401);
  });

  it('refuses a setup with a short password or a bad email, and creates nothing', async () => {
    const res = await raw(t.app, 'POST', '/api/setup', {
      body: { ...setupBody(0), password: 'short', email: 'not-an-email' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(Object.keys(res.body.error.fields)).toEqual(expect.arrayContaining(['password', 'email']));
    expect((await api(t.app, endpoints.getSetupState, {})).body).toEqual({
      needsSetup: true,
      emailConfigured: false,
    });
  });

  it('creates the agency and its owner, and logs the owner in', async () => {
    const res = await api(t.app, endpoints.setUpAgency, { body: setupBody(1) });
    expect(res.status).toBe(201);
    expect(res.cookie).toBeTruthy();
    expect(res.body.user).toMatchObject({ name: 'Owner 1', email: 'owner.1@example.com', locale: 'uk' });
    expect(res.body.agency).toMatchObject({ name: 'Агенція «Пліт» 1', role: 'owner' });

    const me = await api(t.app, endpoints.getMe, { cookie: res.cookie });
    expect(me.status).toBe(200);
    expect(me.body.agency!.role).toBe('owner');
    expect(me.body.abilities.manageMembers).toBe(true);

    // The owner can log in with the password chosen at setup, by the email in any case.
    const login = await api(t.app, endpoints.logIn, {
      body: { email: 'OWNER.1@example.com', password: 'a long enough password' },
    });
    expect(login.status).toBe(200);
  });

  it('after setup: needsSetup is false and a second setup answers 409 setup_done', async () => {
    expect((await api(t.app, endpoints.getSetupState, {})).body).toEqual({
      needsSetup: false,
      emailConfigured: false,
    });
    const again = await api(t.app, endpoints.setUpAgency, { body: setupBody(2) });
    expect(again.status).toBe(409);
    expect(errorOf(again).code).toBe('setup_done');
    expect(again.cookie).toBeNull();
    const [agencyCount] = await t.database.db.select({ n: count() }).from(agencies);
    const [userCount] = await t.database.db.select({ n: count() }).from(users);
    expect(agencyCount?.n).toBe(1);
    expect(userCount?.n).toBe(1);
  });
});

// PGlite runs one transaction at a time, so the race is only a real race on PostgreSQL
// (TEST_DATABASE_URL, set in CI): there two connections really do interleave.
describe.each(engines())('first run, twice at once ($name)', (engine) => {
  let app: App;
  let database: Database;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ database, dispose } = await engine.open());
    await migrate(database);
    app = await buildApp({
      env: loadEnv({ NODE_ENV: 'test', PUBLIC_URL: 'http://plit.test', LOG_LEVEL: 'silent' }),
      database,
      webRoot: null,
      logger: false,
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it('concurrent setups create exactly one agency with one owner', async () => {
    const answers = await Promise.all(
      [3, 4, 5, 6].map((n) => api(app, endpoints.setUpAgency, { body: setupBody(n) })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409]);
    for (const refused of answers.filter((a) => a.status === 409)) {
      expect(errorOf(refused).code).toBe('setup_done');
    }
    const [agencyCount] = await database.db.select({ n: count() }).from(agencies);
    const [memberCount] = await database.db.select({ n: count() }).from(agencyMembers);
    const [userCount] = await database.db.select({ n: count() }).from(users);
    expect(agencyCount?.n).toBe(1);
    expect(memberCount?.n).toBe(1);
    expect(userCount?.n).toBe(1);
  });
});
