/**
 * `npm run bench:insights`: how fast the insights answer for a large agency. It builds, in a
 * fresh embedded database (or the one in DATABASE_URL, in a schema of its own making: use an
 * empty database), one agency with 200 clients and two years of closed months each: 12 slots
 * and posts a month with rounds, unplanned changes, topics with their passes, a fact request
 * with items, stage changes and a meeting (4,800 months, about 58,000 posts).
 *
 * Measured in the same run, in process (no network), medians of several calls:
 * - baseline: GET /api/me, the cheapest signed-in answer;
 * - one client's two years, first look (computed) and again (closed months from the cache);
 * - the agency view of all 200 clients over a year, first look and again.
 * Target: the agency view answers in under 500 ms once cached, and a client's page in under 100 ms.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../src/server/app.ts';
import { hashToken, newToken } from '../../src/server/auth/tokens.ts';
import { connect } from '../../src/server/db/connect.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { loadEnv } from '../../src/server/env.ts';
import { seedLargeAgency } from './largeAgency.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200);
const MONTHS = 24;

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plit-bench-insights-'));
const database = await connect({ url: process.env.DATABASE_URL, dataDir: path.join(dataDir, 'db') });
await migrate(database);
const db = database.db;

const started = performance.now();
await seedLargeAgency(db, CLIENTS, MONTHS);
await db.execute(sql`analyze`);
const seeded = (performance.now() - started) / 1000;

const token = newToken();
await db.execute(
  sql`insert into sessions (id, user_id, expires_at) values (${hashToken(token)}, '00000000-0000-4000-8000-000000000002', now() + interval '1 day')`,
);
const cookie = `plit_session=${token}`;
const app = await buildApp({
  env: loadEnv({
    NODE_ENV: 'production',
    PUBLIC_URL: 'http://127.0.0.1',
    LOG_LEVEL: 'silent',
    PLIT_DATA_DIR: dataDir,
  }),
  database,
  webRoot: null,
  logger: false,
});
await app.ready();

async function timed(url: string): Promise<number> {
  const t0 = performance.now();
  const res = await app.inject({ method: 'GET', url, headers: { cookie } });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
  return performance.now() - t0;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function repeat(url: string, n: number) {
  const xs: number[] = [];
  for (let i = 0; i < n; i++) xs.push(await timed(url));
  return median(xs);
}

const firstClient = await db.execute(sql`select id from clients order by name limit 1`);
const clientId = (firstClient as unknown as { rows: Array<{ id: string }> }).rows[0]!.id;
const baseline = await repeat('/api/me', 20);
const clientUrl = `/api/clients/${clientId}/insights?from=2024-11&to=2026-10`;
const clientCold = await timed(clientUrl);
const clientWarm = await repeat(clientUrl, 10);
const agencyUrl = '/api/insights?from=2025-11&to=2026-10';
const agencyCold = await timed(agencyUrl);
const agencyWarm = await repeat(agencyUrl, 5);

const ms = (x: number) => Math.round(x * 10) / 10;
console.log(
  JSON.stringify(
    {
      engine: database.kind,
      dataSet: { clients: CLIENTS, monthsPerClient: MONTHS, seededSeconds: Math.round(seeded * 10) / 10 },
      baselineMeMs: ms(baseline),
      clientTwoYears: {
        firstMs: ms(clientCold),
        cachedMedianMs: ms(clientWarm),
        timesBaseline: ms(clientWarm / baseline),
      },
      agencyYear: {
        firstMs: ms(agencyCold),
        cachedMedianMs: ms(agencyWarm),
        timesBaseline: ms(agencyWarm / baseline),
      },
      targetMet: agencyWarm < 500 && clientWarm < 100,
    },
    null,
    2,
  ),
);
await app.close();
await database.close();
await rm(dataDir, { recursive: true, force: true });
