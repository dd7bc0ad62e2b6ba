import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cycles, posts, postVersions, slots } from '../../src/server/db/schema/index.ts';
import { computeFigures } from '../../src/server/insights/figures.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeAgency, type TestAgency } from '../support/factories.ts';
import { api } from '../support/http.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

interface Sent {
  at: string;
  publishAt: string;
}

/**
 * November 2026 of a Kyiv client (default lead: two working days), built post by post so the
 * approval figures can be counted by hand.
 */
async function november(agency: TestAgency) {
  const db = t.database.db;
  const [cycle] = await db
    .insert(cycles)
    .values({
      clientId: agency.client.id,
      month: '2026-11',
      stage: 'running',
      sharedAt: new Date('2026-10-15T10:00:00Z'),
    })
    .returning();
  let day = 1;
  const post = async (status: string, versions: Sent[], approvedAt?: string) => {
    const [slot] = await db
      .insert(slots)
      .values({
        cycleId: cycle!.id,
        startsAt: new Date(Date.UTC(2026, 10, day++, 8)),
        channelId: agency.client.channel.id,
        format: 'post',
      })
      .returning();
    const [row] = await db
      .insert(posts)
      .values({
        cycleId: cycle!.id,
        clientId: agency.client.id,
        slotId: slot!.id,
        status: status as 'approved',
        revision: versions.length,
        approvedRevision: approvedAt ? versions.length : null,
        approvedRound: approvedAt ? versions.length : null,
        approvedAt: approvedAt ? new Date(approvedAt) : null,
      })
      .returning();
    for (const [i, v] of versions.entries()) {
      await db.insert(postVersions).values({
        postId: row!.id,
        revision: i + 1,
        round: i + 1,
        copyText: 'Копія',
        copyDoc: { type: 'doc', content: [] },
        visualBrief: '',
        hashtags: [],
        link: '',
        firstComment: '',
        assets: [],
        publishAt: new Date(v.publishAt),
        createdAt: new Date(v.at),
      });
    }
  };
  // Out Monday 9 Nov, due Thursday 5 Nov. Approved a day after it was sent: 24 h, in time.
  await post(
    'approved',
    [{ at: '2026-11-02T08:00:00Z', publishAt: '2026-11-09T08:00:00Z' }],
    '2026-11-03T08:00:00Z',
  );
  // The same, approved on Friday 6 Nov: 98 h, a day late.
  await post(
    'published',
    [{ at: '2026-11-02T08:00:00Z', publishAt: '2026-11-09T08:00:00Z' }],
    '2026-11-06T10:00:00Z',
  );
  // A second round: timed from the version approved (12 h); out Fri 20, due Wed 18, in time.
  await post(
    'approved',
    [
      { at: '2026-11-01T08:00:00Z', publishAt: '2026-11-20T08:00:00Z' },
      { at: '2026-11-10T08:00:00Z', publishAt: '2026-11-20T08:00:00Z' },
    ],
    '2026-11-10T20:00:00Z',
  );
  // Still waiting: out Mon 16 Nov, due Thu 12 Nov: overdue by 1 December.
  await post('client_review', [{ at: '2026-11-10T08:00:00Z', publishAt: '2026-11-16T08:00:00Z' }]);
  // Still waiting, due 28 December: not late on 1 December.
  await post('client_review', [{ at: '2026-11-30T08:00:00Z', publishAt: '2026-12-30T08:00:00Z' }]);
  // Back with the agency and a draft never sent: neither counts.
  await post('changes_requested', [{ at: '2026-11-02T08:00:00Z', publishAt: '2026-11-04T08:00:00Z' }]);
  await post('draft', []);
  return cycle!;
}

describe('[17.4] approval insights', () => {
  it('[17.4] median approval turnaround and overdue approvals, counted by hand', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const cycle = await november(agency);
    const figures = await computeFigures(db, 'Europe/Kyiv', [cycle], new Date('2026-12-01T10:00:00Z'));
    // Median of 24, 98 and 12 hours; late: the Friday approval and the post still waiting.
    expect(figures.get(cycle.id)).toMatchObject({ approvalTurnaroundHours: 24, approvalsOverdue: 2 });
    // A month with nothing sent to the client has neither figure.
    const [empty] = await db
      .insert(cycles)
      .values({ clientId: agency.client.id, month: '2026-12', stage: 'content' })
      .returning();
    expect((await computeFigures(db, 'Europe/Kyiv', [empty!]))?.get(empty!.id)).toMatchObject({
      approvalTurnaroundHours: null,
      approvalsOverdue: null,
    });
    // The same figures reach both sides through the insights.
    for (const cookie of [agency.contentManager.cookie, agency.approver.cookie]) {
      const res = await api(t.app, endpoints.getClientInsights, {
        params: { clientId: agency.client.id },
        query: { from: '2026-11', to: '2026-11' },
        cookie,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.months[0]!.figures.approvalTurnaroundHours).toBe(24);
      expect(res.body.months[0]!.figures.approvalsOverdue).toBeGreaterThanOrEqual(2);
    }
  });
});
