import { rm } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/connect.ts';
import { agencies, channels, cycles, factRequests, posts, slots } from '../../src/server/db/schema/index.ts';
import { engines } from '../support/engines.ts';
import { migrateWith, migrations, migrationsUpTo } from '../support/migrations.ts';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/**
 * Migration 0011 gives every event recorded before it an audience from what can still be
 * known (when the plan was shared, the request sent, the post's first version sent) and
 * `team` where it cannot tell. 0020 then gives the team the deadline changes that name a stage
 * of the agency's own.
 */
describe.each(engines())('event audience backfill (0011) on $name', (engine) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let folder: string;
  let upTo11: string;
  /** The audience each recorded row must get, by a name that says why. */
  const expected: Record<string, { id: number; audience: 'team' | 'everyone' }> = {};

  beforeAll(async () => {
    ({ database, dispose } = await engine.open());
    folder = await migrationsUpTo(10);
    await migrateWith(database, folder);
    const db = database.db;

    const [agency] = await db.insert(agencies).values({ name: 'Backfill' }).returning();
    // By hand, not through today's schema: a column added by a later migration is not there yet.
    const [client] = rowsOf<{ id: string }>(
      await db.execute(
        sql`insert into clients (agency_id, name) values (${agency!.id}, 'Книгарня') returning id`,
      ),
    );
    const [channel] = await db
      .insert(channels)
      .values({ clientId: client!.id, network: 'instagram', handle: '@books', formats: ['post'] })
      .returning();
    const sharedAt = new Date('2026-11-10T10:00:00Z');
    const [sharedByTime] = await db
      .insert(cycles)
      .values({ clientId: client!.id, month: '2026-12', sharedAt })
      .returning();
    const [sharedByEvent] = await db
      .insert(cycles)
      .values({ clientId: client!.id, month: '2027-01', sharedAt })
      .returning();
    const [unshared] = await db.insert(cycles).values({ clientId: client!.id, month: '2027-02' }).returning();
    const [sent] = await db
      .insert(factRequests)
      .values({ cycleId: sharedByTime!.id, clientId: client!.id, status: 'sent', sentAt: sharedAt })
      .returning();
    const [draft] = await db
      .insert(factRequests)
      .values({ cycleId: unshared!.id, clientId: client!.id })
      .returning();
    const newSlot = async (day: string) => {
      const [slot] = await db
        .insert(slots)
        .values({
          cycleId: sharedByTime!.id,
          channelId: channel!.id,
          format: 'post',
          startsAt: new Date(`2026-12-${day}T08:00:00Z`),
        })
        .returning();
      return slot!;
    };
    const newPost = async (day: string, revision: number) => {
      const [post] = await db
        .insert(posts)
        .values({
          cycleId: sharedByTime!.id,
          clientId: client!.id,
          slotId: (await newSlot(day)).id,
          revision,
        })
        .returning();
      return post!;
    };
    const sentPost = await newPost('01', 1);
    const sentBeforeEvents = await newPost('02', 1);
    const draftPost = await newPost('03', 0);
    // Written as SQL: the schema's later columns (copy_state, 0019) are not there yet.
    await db.execute(sql`
      insert into post_versions (post_id, revision, round, copy_text, copy_doc, visual_brief, hashtags,
        link, first_comment, assets, publish_at, created_at)
      values (${sentBeforeEvents.id}, 1, 1, '', '{"type":"doc","content":[]}'::jsonb, '', '{}', '', '',
        '[]'::jsonb, '2026-12-02T08:00:00Z'::timestamptz, '2026-11-20T10:00:00Z'::timestamptz)`);
    const comment = async (internal: boolean, createdAt: string) =>
      // By hand: today's schema has anchor columns a later migration added.
      db.execute(sql`insert into post_comments (post_id, revision, round, body, side, internal, created_at)
        values (${sentPost.id}, 1, 1, ${internal ? 'Між нами' : 'Для клієнта'}, 'agency', ${internal}, ${createdAt})`);
    await comment(false, '2026-11-21T10:00:00Z');
    await comment(true, '2026-11-21T11:00:00Z');

    // Rows as Plit recorded them before events had an audience (ids in this order).
    const record = async (
      name: string,
      audience: 'team' | 'everyone',
      row: { type: string; subject: [string, string]; data?: Record<string, unknown>; at: string },
    ) => {
      const result = await db.execute(sql`
        insert into events (agency_id, client_id, type, subject_type, subject_id, data, created_at)
        values (${agency!.id}, ${client!.id}, ${row.type}, ${row.subject[0]}, ${row.subject[1]},
          ${JSON.stringify(row.data ?? {})}::jsonb, ${row.at}::timestamptz)
        returning id`);
      expected[name] = { id: Number(rowsOf<{ id: number | string }>(result)[0]!.id), audience };
    };
    const plan = (cycle: typeof sharedByTime) => ({ cycleId: cycle!.id, month: cycle!.month });
    const topic = (cycle: typeof sharedByTime, at: string) => ({
      type: 'topic.created',
      subject: ['topic', cycle!.id] as [string, string],
      data: { ...plan(cycle), title: 'Ярмарок' },
      at,
    });

    // Fixed audiences, whatever the time.
    await record('a client created', 'everyone', {
      type: 'client.created',
      subject: ['client', client!.id],
      data: { name: 'Книгарня', timezone: 'Europe/Kyiv' },
      at: '2026-11-01T09:00:00Z',
    });
    await record("an invitation, with the invitee's email", 'team', {
      type: 'contact.invited',
      subject: ['invitation', client!.id],
      data: { email: 'pr@bookfair.demo', role: 'approver' },
      at: '2026-11-01T09:01:00Z',
    });
    await record('a calendar feed', 'team', {
      type: 'calendar_feed.created',
      subject: ['client', client!.id],
      at: '2026-11-01T09:02:00Z',
    });
    await record('a contact joined', 'everyone', {
      type: 'contact.joined',
      subject: ['user', client!.id],
      data: { name: 'Пе Ер', role: 'approver' },
      at: '2026-11-01T09:03:00Z',
    });
    await record('a cycle started', 'team', {
      type: 'cycle.started',
      subject: ['cycle', sharedByTime!.id],
      data: { month: '2026-12' },
      at: '2026-11-01T09:04:00Z',
    });
    await record('a type this Plit does not know', 'team', {
      type: 'test.json',
      subject: ['client', client!.id],
      at: '2026-11-01T09:05:00Z',
    });
    await record('a rename', 'everyone', {
      type: 'client.updated',
      subject: ['client', client!.id],
      data: { changes: { name: { from: 'Книги', to: 'Книгарня' } } },
      at: '2026-11-01T09:06:00Z',
    });
    await record("a rename together with the agency's deadlines", 'team', {
      type: 'client.updated',
      subject: ['client', client!.id],
      data: {
        changes: { name: { from: 'Книгарня', to: 'Книги' }, stageDays: { from: '{}', to: '{"facts":3}' } },
      },
      at: '2026-11-01T09:07:00Z',
    });

    // A plan shared at `sharedAt`, with no `cycle.shared` row: the time decides.
    await record('a topic before the plan was shared', 'team', topic(sharedByTime, '2026-11-09T10:00:00Z'));
    await record(
      'a topic after the plan was shared',
      'everyone',
      topic(sharedByTime, '2026-11-11T10:00:00Z'),
    );
    await record('a stage move of the shared plan', 'everyone', {
      type: 'cycle.stage_changed',
      subject: ['cycle', sharedByTime!.id],
      data: { month: '2026-12', from: 'preparation', to: 'meeting' },
      at: '2026-11-12T10:00:00Z',
    });
    await record('a vote in the meeting of the shared plan', 'everyone', {
      type: 'meeting.voted',
      subject: ['meeting', sharedByTime!.id],
      data: { ...plan(sharedByTime), meetingId: sharedByTime!.id, topicId: sharedByTime!.id },
      at: '2026-11-12T11:00:00Z',
    });
    // A plan with its `cycle.shared` row: the order of the rows decides, not the clocks.
    await record(
      'a topic recorded before the share, with a later clock',
      'team',
      topic(sharedByEvent, '2026-11-10T10:00:05Z'),
    );
    await record('the share itself', 'everyone', {
      type: 'cycle.shared',
      subject: ['cycle', sharedByEvent!.id],
      data: { month: '2027-01' },
      at: '2026-11-10T10:00:00Z',
    });
    await record('a topic after the share', 'everyone', topic(sharedByEvent, '2026-11-10T10:00:01Z'));
    await record('a topic of a plan never shared', 'team', topic(unshared, '2026-11-30T10:00:00Z'));
    await record('a deadline change of a plan never shared', 'team', {
      type: 'cycle.deadlines_changed',
      subject: ['cycle', unshared!.id],
      data: { month: '2027-02', deadlines: { facts: '2027-01-20' } },
      at: '2026-11-30T11:00:00Z',
    });
    // 0011 gives it to everyone (the plan was shared); 0020, below, to the team: it names a
    // stage of the agency's own.
    await record("a deadline change of a shared plan with the agency's stages", 'everyone', {
      type: 'cycle.deadlines_changed',
      subject: ['cycle', sharedByTime!.id],
      data: { month: '2026-12', deadlines: { preparation: '2026-11-15', facts: '2026-11-25' } },
      at: '2026-11-12T11:00:00Z',
    });
    await record("a deadline change of a shared plan with the client's stages only", 'everyone', {
      type: 'cycle.deadlines_changed',
      subject: ['cycle', sharedByTime!.id],
      data: { month: '2026-12', deadlines: { meeting: '2026-11-20', facts: '2026-11-25' } },
      at: '2026-11-12T11:01:00Z',
    });

    // A fact request: the agency's while it was a draft.
    const inRequest = (request: typeof sent) => ({
      cycleId: request!.cycleId,
      month: '2026-12',
      requestId: request!.id,
    });
    await record('a drafted fact request', 'team', {
      type: 'fact_request.drafted',
      subject: ['fact_request', sent!.id],
      data: inRequest(sent),
      at: '2026-11-09T12:00:00Z',
    });
    await record('an item added to the draft', 'team', {
      type: 'fact_item.created',
      subject: ['fact_request', sent!.id],
      data: { ...inRequest(sent), itemId: sent!.id },
      at: '2026-11-09T12:01:00Z',
    });
    await record('the request sent', 'everyone', {
      type: 'fact_request.sent',
      // The same transaction set `sent_at` a moment after its own start, this row's time.
      subject: ['fact_request', sent!.id],
      data: inRequest(sent),
      at: '2026-11-10T09:59:59Z',
    });
    await record('an answer to the sent request', 'everyone', {
      type: 'fact_item.answered',
      subject: ['fact_request', sent!.id],
      data: { ...inRequest(sent), itemId: sent!.id, question: 'Ціна квитка?' },
      at: '2026-11-11T12:00:00Z',
    });
    await record('an item of a request still a draft', 'team', {
      type: 'fact_item.created',
      subject: ['fact_request', draft!.id],
      data: { ...inRequest(draft), itemId: draft!.id },
      at: '2026-11-30T12:00:00Z',
    });

    // Posts: the team's until a version went to the client.
    const inPost = { cycleId: sharedByTime!.id, month: '2026-12' };
    await record('a post created', 'team', {
      type: 'post.created',
      subject: ['post', sentPost.id],
      data: { ...inPost, slotId: sentPost.slotId },
      at: '2026-11-20T09:00:00Z',
    });
    await record('the move that sent it to the client', 'everyone', {
      type: 'post.status_changed',
      subject: ['post', sentPost.id],
      data: { ...inPost, from: 'draft', to: 'client_review', round: 1 },
      at: '2026-11-20T10:00:00Z',
    });
    await record('a comment for the client', 'everyone', {
      type: 'post.commented',
      subject: ['post', sentPost.id],
      data: inPost,
      at: '2026-11-21T10:00:00Z',
    });
    await record('an internal comment', 'team', {
      type: 'post.commented',
      subject: ['post', sentPost.id],
      data: inPost,
      at: '2026-11-21T11:00:00Z',
    });
    await record('a resolved comment of a post with internal comments', 'team', {
      type: 'post.comment_resolved',
      subject: ['post', sentPost.id],
      data: { ...inPost, resolved: true },
      at: '2026-11-22T10:00:00Z',
    });
    await record('an edit before the first version (no move recorded)', 'team', {
      type: 'post.updated',
      subject: ['post', sentBeforeEvents.id],
      data: { ...inPost, fields: ['hashtags'] },
      at: '2026-11-19T10:00:00Z',
    });
    await record('an edit after the first version (no move recorded)', 'everyone', {
      type: 'post.updated',
      subject: ['post', sentBeforeEvents.id],
      data: { ...inPost, fields: ['hashtags'] },
      at: '2026-11-21T10:00:00Z',
    });
    await record('an edit of a post never sent', 'team', {
      type: 'post.updated',
      subject: ['post', draftPost.id],
      data: { ...inPost, fields: ['link'] },
      at: '2026-11-30T10:00:00Z',
    });
    // An agency event has no client, but gets an audience all the same.
    await db.execute(sql`
      insert into events (agency_id, type, subject_type, subject_id, data)
      values (${agency!.id}, 'member.invited', 'invitation', ${agency!.id}, '{"email":"x@plit.test","role":"creator"}')`);

    // Up to 0011 only: later migrations (0019: the agency's edits of a sent post are the team's)
    // decide again for some of these rows; this is the backfill of 0011 as it was.
    upTo11 = await migrationsUpTo(11);
    await migrateWith(database, upTo11);
  });

  afterAll(async () => {
    await dispose();
    await rm(folder, { recursive: true, force: true });
    await rm(upTo11, { recursive: true, force: true });
  });

  it('gives each earlier event the audience of the moment it was recorded, team when it cannot tell', async () => {
    const rows = rowsOf<{ id: number | string; audience: string }>(
      await database.db.execute(sql`select id, audience from events`),
    );
    const audienceOf = new Map(rows.map((row) => [Number(row.id), row.audience]));
    const got = Object.fromEntries(
      Object.entries(expected).map(([name, { id }]) => [name, audienceOf.get(id)]),
    );
    const want = Object.fromEntries(Object.entries(expected).map(([name, { audience }]) => [name, audience]));
    expect(got).toEqual(want);
    expect(rows.every((row) => row.audience === 'team' || row.audience === 'everyone')).toBe(true);
  });

  it('refuses an event without an audience or with one it does not know', async () => {
    const [agency] = await database.db.insert(agencies).values({ name: 'Strict' }).returning();
    const insert = (audience: string | null) =>
      database.db.execute(sql`
        insert into events (agency_id, type, subject_type, subject_id, audience)
        values (${agency!.id}, 'agency.created', 'agency', ${agency!.id}, ${audience})`);
    await expect(insert(null)).rejects.toThrow();
    await expect(insert('client')).rejects.toThrow();
    await expect(insert('team')).resolves.toBeDefined();
  });

  it("0020 then gives the team the deadline changes that name a stage of the agency's own", async () => {
    await migrateWith(database, migrations);
    const rows = rowsOf<{ id: number | string; audience: string }>(
      await database.db.execute(sql`select id, audience from events`),
    );
    const audienceOf = new Map(rows.map((row) => [Number(row.id), row.audience]));
    const of = (name: string) => audienceOf.get(expected[name]!.id);
    expect(of("a deadline change of a shared plan with the agency's stages")).toBe('team');
    expect(of("a deadline change of a shared plan with the client's stages only")).toBe('everyone');
    expect(of('a deadline change of a plan never shared')).toBe('team');
  });
});
