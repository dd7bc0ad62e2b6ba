import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiskStorage, filesDirOf } from '../../src/server/files/storage.ts';
import { DEMO_PASSWORD, seedDemo } from '../../src/server/seed/demo.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import type { CommentAnchor } from '../../src/shared/api/posts.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { api } from '../support/http.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  expect(await seedDemo(t.database.db, createDiskStorage(filesDirOf(t.dataDir)))).toBe(true);
});
afterAll(() => t.close());

async function logIn(email: string) {
  const res = await api(t.app, endpoints.logIn, { body: { email, password: DEMO_PASSWORD } });
  expect(res.status).toBe(200);
  return String(res.headers['set-cookie']).split(';')[0]!;
}

describe('the demo', () => {
  it('shows Kyiv Coffee before co-creation (imported months) and since, with fewer revisions since', async () => {
    const cookie = await logIn('marketing@kyivcoffee.demo');
    const { clients } = (await api(t.app, endpoints.listClients, { cookie })).body;
    const coffee = clients.find((c: { name: string }) => c.name === 'Kyiv Coffee Roasters')!;
    const { months } = (
      await api(t.app, endpoints.getClientInsights, { params: { clientId: coffee.id }, cookie })
    ).body;
    type M = {
      before: boolean;
      source: string;
      stage: string | null;
      figures: { firstRoundShare: number | null };
    };
    const before = months.filter((m: M) => m.before);
    expect(before.length).toBeGreaterThanOrEqual(4);
    expect(before.every((m: M) => m.source === 'imported')).toBe(true);
    const closed = months.find((m: M) => m.stage === 'closed' && !m.before)!;
    const beforeBest = Math.max(...before.map((m: M) => m.figures.firstRoundShare ?? 0));
    expect(closed.figures.firstRoundShare).toBeGreaterThan(beforeBest);
    // The first month together: meeting held, facts complete in four days, one stage a day late.
    expect(closed.figures).toMatchObject({ meeting: 'held', factTurnaroundDays: 4, factItemsOverdue: 1 });
    expect(closed.figures.deadlines!.missed).toBe(1);
  });

  it("has this month's posts in every status and last month's all published, with rounds and changes", async () => {
    const cookie = await logIn('cm@plit.demo');
    const { clients } = (await api(t.app, endpoints.listClients, { cookie })).body;
    const coffee = clients.find((c: { name: string }) => c.name === 'Kyiv Coffee Roasters')!;
    const { cycles } = (await api(t.app, endpoints.listCycles, { params: { clientId: coffee.id }, cookie }))
      .body;
    const current = cycles.find((c: { stage: string }) => c.stage === 'content')!;
    const closed = cycles.find((c: { stage: string }) => c.stage === 'closed')!;
    type Row = { id: string; status: string; round: number; openComments: number };
    const now: Row[] = (await api(t.app, endpoints.listPosts, { params: { cycleId: current.id }, cookie }))
      .body.posts;
    expect(new Set(now.map((p) => p.status))).toEqual(
      new Set(['draft', 'internal_review', 'client_review', 'changes_requested', 'approved', 'published']),
    );
    const before: Row[] = (await api(t.app, endpoints.listPosts, { params: { cycleId: closed.id }, cookie }))
      .body.posts;
    expect(before.length).toBeGreaterThanOrEqual(6);
    expect(before.every((p) => p.status === 'published')).toBe(true);
    expect(before.some((p) => p.round === 2)).toBe(true);
    // The anchored comment of the post waiting for changes points at its phrase in the copy.
    const asked = now.find((p) => p.status === 'changes_requested')!;
    const full = (await api(t.app, endpoints.getPost, { params: { postId: asked.id }, cookie })).body;
    const anchor = full.comments[0]!.anchor as Extract<CommentAnchor, { kind: 'text' }>;
    expect(anchor).toMatchObject({ kind: 'text', orphaned: false });
    expect(anchor.current).toBe(anchor.quote);
    expect(full.versions).toHaveLength(1);
    const { changes } = (
      await api(t.app, endpoints.listUnplannedChanges, { params: { cycleId: current.id }, cookie })
    ).body;
    expect(changes.map((c: { kind: string }) => c.kind).sort()).toEqual([
      'replacement',
      'same_day_rewrite',
      'situational',
    ]);
    expect(changes.filter((c: { covered: boolean }) => c.covered)).toHaveLength(1);
  });

  it("has this month's fact request in progress: answered, overdue, a follow-up and a photo", async () => {
    const cookie = await logIn('marketing@kyivcoffee.demo');
    const { clients } = (await api(t.app, endpoints.listClients, { cookie })).body;
    const coffee = clients.find((c: { name: string }) => c.name === 'Kyiv Coffee Roasters')!;
    const { cycles } = (await api(t.app, endpoints.listCycles, { params: { clientId: coffee.id }, cookie }))
      .body;
    const current = cycles.find((c: { stage: string }) => c.stage === 'content')!;
    const request = (
      await api(t.app, endpoints.getCycleFactRequest, { params: { cycleId: current.id }, cookie })
    ).body.request!;
    expect(request.status).toBe('sent');
    expect(request.progress).toMatchObject({ total: 8, accepted: 1, followUps: 1 });
    expect(request.progress.answered).toBeGreaterThanOrEqual(4);
    expect(request.progress.overdue).toBeGreaterThanOrEqual(2);
    const photo = request.items.find((i: { kind: string }) => i.kind === 'files')!;
    expect(photo.files).toHaveLength(1);
    const file = await api(t.app, endpoints.downloadFactFile, {
      params: { fileId: photo.files[0]!.id },
      query: { preview: '1' },
      cookie,
    });
    expect(file.status).toBe(200);
    expect(file.raw.subarray(1, 4).toString()).toBe('PNG');
    // The client sees the contributor's unsent draft; the bell has the follow-up and a reminder.
    expect(request.items.some((i: { draft: unknown }) => i.draft)).toBe(true);
    const bell = (await api(t.app, endpoints.listNotifications, { cookie })).body;
    expect(bell.notifications.map((n: { kind: string }) => n.kind).sort()).toEqual([
      'fact_follow_up',
      'fact_reminder',
    ]);
  });

  it("shows Kyiv Coffee's next month shared, with the client's plans and a meeting in two days", async () => {
    const cookie = await logIn('marketing@kyivcoffee.demo');
    const { clients } = (await api(t.app, endpoints.listClients, { cookie })).body;
    const coffee = clients.find((c: { name: string }) => c.name === 'Kyiv Coffee Roasters')!;
    const { cycles } = (await api(t.app, endpoints.listCycles, { params: { clientId: coffee.id }, cookie }))
      .body;
    const next = cycles.find((c: { stage: string }) => c.stage === 'preparation')!;
    expect(next.shared).toBe(true);
    const meeting = (await api(t.app, endpoints.getCycleMeeting, { params: { cycleId: next.id }, cookie }))
      .body.meeting!;
    expect(meeting).toMatchObject({ status: 'scheduled', format: 'online', time: '11:00' });
    expect(meeting.agenda).toHaveLength(6);
    expect(meeting.participants.map((p: { side: string }) => p.side)).toContain('client');
    expect(meeting.questions).toHaveLength(1);
    const { plans } = (await api(t.app, endpoints.listClientPlans, { params: { cycleId: next.id }, cookie }))
      .body;
    expect(plans).toHaveLength(3);
    expect(plans.flatMap((p: { contingencies: unknown[] }) => p.contingencies)).toHaveLength(1);
  });

  it('lets the demo content manager start that meeting: the plan is ready for it', async () => {
    const cookie = await logIn('cm@plit.demo');
    const { clients } = (await api(t.app, endpoints.listClients, { cookie })).body;
    const coffee = clients.find((c: { name: string }) => c.name === 'Kyiv Coffee Roasters')!;
    const { cycles } = (await api(t.app, endpoints.listCycles, { params: { clientId: coffee.id }, cookie }))
      .body;
    const next = cycles.find((c: { stage: string }) => c.stage === 'preparation')!;
    const meeting = (await api(t.app, endpoints.getCycleMeeting, { params: { cycleId: next.id }, cookie }))
      .body.meeting!;
    const started = await api(t.app, endpoints.startMeeting, {
      params: { meetingId: meeting.id },
      cookie,
      body: { version: meeting.version },
    });
    expect(started.status).toBe(200);
    expect(started.body.meeting.abilities).toMatchObject({ run: true, focus: true, decide: true });
  });
});
