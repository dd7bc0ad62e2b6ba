/**
 * One agency with `clients` clients and `months` closed months each: 12 slots and posts a month
 * with rounds, unplanned changes, topics with their passes, a fact request with items, stage
 * changes and a meeting (200 × 24: 4,800 months, about 58,000 posts). Shared by the insights
 * and backup benches, so both measure the same data set.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/server/db/connect.ts';

export async function seedLargeAgency(db: Db, clients: number, months: number): Promise<void> {
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
    from generate_series(1, ${clients}) n`);
  await db.execute(sql`insert into channels (client_id, network, handle, formats)
    select id, 'instagram', '@brand', '{post}' from clients`);
  await db.execute(sql`insert into cycles (client_id, month, stage, deadlines)
    select c.id, to_char(date '2024-11-01' + (m || ' month')::interval, 'YYYY-MM'), 'closed',
           jsonb_build_object('preparation', to_char(date '2024-10-20' + (m || ' month')::interval, 'YYYY-MM-DD'))
    from clients c cross join generate_series(0, ${months - 1}) m`);
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
  await db.execute(sql`insert into events (agency_id, client_id, type, subject_type, subject_id, data, audience)
    select agency_id, id, 'client.created', 'client', id, '{}', 'team' from clients`);
}
