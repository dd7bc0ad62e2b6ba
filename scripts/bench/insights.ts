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

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200);
const MONTHS = 24;

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plit-bench-insights-'));
const database = await connect({ url: process.env.DATABASE_URL, dataDir: path.join(dataDir, 'db') });
await migrate(database);
const db = database.db;

const started = performance.now();
// Everything in set-based SQL: the data set takes seconds, not minutes.
await db.execute(
  sql`insert into agencies (id, name) values ('00000000-0000-4000-8000-000000000001', 'Bench Agency')`,
);
await db.execute(
  sql`insert into users (id, email, name) values ('00000000-0000-4000-8000-000000000002', 'owner@bench.test', 'Bench Owner')`,
);
await db.execute(
  sql`insert into agency_members (agency_id, user_id, role) values ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', 'owner')`,
);
await db.execute(sql`insert into clients (agency_id, name, co_creation_since)
  select '00000000-0000-4000-8000-000000000001', 'Client ' || lpad(n::text, 3, '0'), '2025-11'
  from generate_series(1, ${CLIENTS}) n`);
await db.execute(sql`insert into channels (client_id, network, handle, formats)
  select id, 'instagram', '@brand', '{post}' from clients`);
await db.execute(sql`insert into cycles (client_id, month, stage, deadlines)
  select c.id, to_char(date '2024-11-01' + (m || ' month')::interval, 'YYYY-MM'), 'closed',
         jsonb_build_object('preparation', to_char(date '2024-10-20' + (m || ' month')::interval, 'YYYY-MM-DD'))
  from clients c cross join generate_series(0, ${MONTHS - 1}) m`);
await db.execute(sql`insert into topics (client_id, cycle_id, title, source, status)
  select y.client_id, y.id, 'Topic ' || n, (array['agency','client','meeting'])[1 + n % 3],
         (array['accepted','accepted','accepted','parked','dropped'])[1 + n % 5]
  from cycles y cross join generate_series(1, 15) n`);
await db.execute(sql`insert into topic_passes (topic_id, cycle_id, left_as, left_at)
  select id, cycle_id, case when status = 'parked' then 'parked' end, case when status = 'parked' then now() end from topics`);
await db.execute(sql`insert into slots (cycle_id, starts_at, channel_id, format)
  select y.id, (y.month || '-01')::date + (n * 2 || ' day')::interval + time '10:00', ch.id, 'post'
  from cycles y join channels ch on ch.client_id = y.client_id cross join generate_series(1, 12) n`);
await db.execute(sql`insert into posts (cycle_id, client_id, slot_id, status, round, revision, approved_round)
  select s.cycle_id, y.client_id, s.id, 'published', r, r, r
  from (select s.*, 1 + (abs(hashtext(s.id::text)) % 3) as r from slots s) s join cycles y on y.id = s.cycle_id`);
await db.execute(sql`insert into unplanned_changes (cycle_id, kind, urgency, requester_side, requester_name, reason, happened_on, covered)
  select y.id, (array['situational','replacement','same_day_rewrite'])[1 + n % 3], 'today', 'client', 'Bench', '', y.month || '-10', n = 1
  from cycles y cross join generate_series(1, 3) n`);
await db.execute(sql`insert into fact_requests (cycle_id, client_id, status, sent_at, completed_at)
  select id, client_id, 'complete', (month || '-01')::timestamptz - interval '10 days', (month || '-01')::timestamptz - interval '5 days' from cycles`);
await db.execute(sql`insert into fact_items (request_id, question, source, position, status, due_on, first_answered_at)
  select r.id, 'Q' || n, 'manual', n, 'accepted', to_char(r.sent_at + interval '3 days', 'YYYY-MM-DD'), r.sent_at + (n || ' day')::interval
  from fact_requests r cross join generate_series(1, 8) n`);
await db.execute(sql`insert into cycle_stage_changes (cycle_id, from_stage, to_stage, at)
  select id, 'preparation', 'meeting', (month || '-01')::timestamptz - interval '12 days' from cycles`);
await db.execute(sql`insert into meetings (cycle_id, client_id, format, status, starts_at)
  select id, client_id, case when month like '%-03' then 'async' else 'online' end, 'ended', (month || '-01')::timestamptz - interval '8 days' from cycles`);
await db.execute(sql`insert into events (agency_id, client_id, type, subject_type, subject_id, data)
  select agency_id, id, 'client.created', 'client', id, '{}' from clients`);
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
