import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clients, postVersions } from '../../src/server/db/schema/index.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { localParts } from '../../src/shared/time.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeAgency, makeContact, type TestAgency } from '../support/factories.ts';
import { caller } from '../support/http.ts';
import { makeWritingMonth, setCopy } from '../support/posts.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const as = (cookie: string) => caller(t.app, cookie);

/** A post of a writing month sent to the client, its version going out at `publishAt`. */
async function sendPost(agency: TestAgency, publishAt: Date) {
  const db = t.database.db;
  const plan = await makeWritingMonth(db, agency);
  const cm = as(agency.contentManager.cookie);
  const created = await cm(endpoints.createPost, {
    params: { cycleId: plan.cycle.id },
    body: { slotId: plan.slots[0]!.id },
  });
  const postId = created.body.post.id;
  await setCopy(db, postId, 'Новий купаж з Ефіопії.');
  const sent = await cm(endpoints.movePost, {
    params: { postId },
    body: { to: 'client_review', version: created.body.post.version },
  });
  expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  // The time the client was sent is what their deadline runs from.
  await db.update(postVersions).set({ publishAt }).where(eq(postVersions.postId, postId));
  return { plan, postId };
}

const dueSeenBy = async (cookie: string, cycleId: string, postId: string) => {
  const full = await as(cookie)(endpoints.getPost, { params: { postId } });
  const list = await as(cookie)(endpoints.listPosts, { params: { cycleId } });
  const plan = await as(cookie)(endpoints.getPlan, { params: { cycleId } });
  const inList = list.body.posts.find((p) => p.id === postId);
  expect(inList?.approvalDue).toBe(full.body.post.approvalDue);
  expect(inList?.atRisk).toBe(full.body.post.atRisk);
  return { post: full.body.post, approvals: plan.body.approvals };
};

describe('[17.4] approval due dates', () => {
  it("[17.4] a post in the client's review is due by the client's lead in working days, skipping weekends and public holidays", async () => {
    const agency = await makeAgency(t.database.db);
    // Wednesday 25 Aug 2027, 10:00 in Kyiv; Tuesday 24 Aug is Independence Day.
    const { plan, postId } = await sendPost(agency, new Date('2027-08-25T07:00:00Z'));
    for (const cookie of [agency.contentManager.cookie, agency.approver.cookie]) {
      const seen = await dueSeenBy(cookie, plan.cycle.id, postId);
      // Two working days before: Monday 23, then Friday 20 (the holiday and the weekend skipped).
      expect(seen.post).toMatchObject({ approvalDue: '2027-08-20', atRisk: false });
      expect(seen.approvals).toEqual([
        { slotId: plan.slots[0]!.id, postId, approvalDue: '2027-08-20', atRisk: false },
      ]);
    }

    // The lead is the client's: both sides read it, only the agency's managers change it.
    const contact = as(agency.approver.cookie);
    const seenByClient = await contact(endpoints.getClient, { params: { clientId: agency.client.id } });
    expect(seenByClient.body.client.approvalLeadDays).toBe(2);
    const refused = await contact(endpoints.updateClient, {
      params: { clientId: agency.client.id },
      body: { approvalLeadDays: 5, version: seenByClient.body.client.version },
    });
    expect(refused.status).toBe(403);
    const changed = await as(agency.contentManager.cookie)(endpoints.updateClient, {
      params: { clientId: agency.client.id },
      body: { approvalLeadDays: 1, version: seenByClient.body.client.version },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.client.approvalLeadDays).toBe(1);
    const [row] = await t.database.db.select().from(clients).where(eq(clients.id, agency.client.id));
    expect(row?.approvalLeadDays).toBe(1);
    const after = await dueSeenBy(agency.approver.cookie, plan.cycle.id, postId);
    expect(after.post.approvalDue).toBe('2027-08-23');
  });

  it('[18.4] in Ukraine 4 January is a working day: no substitute day off for New Year under martial law', async () => {
    const agency = await makeAgency(t.database.db);
    // Tuesday 5 Jan 2027, 10:00 in Kyiv. Two working days before: Monday 4, then Thursday 31
    // December (1 January a holiday, then the weekend); not Wednesday 30 as with 4 January off.
    const { plan, postId } = await sendPost(agency, new Date('2027-01-05T08:00:00Z'));
    const seen = await dueSeenBy(agency.approver.cookie, plan.cycle.id, postId);
    expect(seen.post.approvalDue).toBe('2026-12-31');
  });

  it('[17.4] a post still waiting after its due day is at risk, on both sides; approved, it carries no deadline', async () => {
    const agency = await makeAgency(t.database.db);
    const contributor = await makeContact(t.database.db, agency.client.id, 'contributor');
    // Out tomorrow, sent a week ago: two working days before that has passed, whatever day today is.
    const { plan, postId } = await sendPost(agency, new Date(Date.now() + 86_400_000));
    await t.database.db
      .update(postVersions)
      .set({ createdAt: new Date(Date.now() - 7 * 86_400_000) })
      .where(eq(postVersions.postId, postId));
    for (const cookie of [agency.contentManager.cookie, agency.approver.cookie, contributor.cookie]) {
      const seen = await dueSeenBy(cookie, plan.cycle.id, postId);
      expect(seen.post.atRisk).toBe(true);
      expect(seen.post.approvalDue! < new Date().toISOString().slice(0, 10)).toBe(true);
      expect(seen.approvals).toMatchObject([{ postId, atRisk: true }]);
    }
    // Another month, a month away: due in the future, not at risk.
    const calm = await makeAgency(t.database.db);
    const later = await sendPost(calm, new Date(Date.now() + 40 * 86_400_000));
    const seenLater = await dueSeenBy(calm.approver.cookie, later.plan.cycle.id, later.postId);
    expect(seenLater.post.atRisk).toBe(false);
    expect(seenLater.post.approvalDue! > new Date().toISOString().slice(0, 10)).toBe(true);
    // Sent only today for tomorrow, after its deadline: due today, not overdue for the agency's delay.
    const late = await makeAgency(t.database.db);
    const sentLate = await sendPost(late, new Date(Date.now() + 86_400_000));
    const seenLate = await dueSeenBy(late.approver.cookie, sentLate.plan.cycle.id, sentLate.postId);
    expect(seenLate.post).toMatchObject({ atRisk: false });
    expect(seenLate.post.approvalDue).toBe(localParts(new Date(), 'Europe/Kyiv').date);

    const approved = await as(agency.approver.cookie)(endpoints.movePost, {
      params: { postId },
      body: { to: 'approved', revision: 1 },
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const done = await dueSeenBy(agency.contentManager.cookie, plan.cycle.id, postId);
    expect(done.post).toMatchObject({ approvalDue: null, atRisk: false });
    expect(done.approvals).toEqual([]);
  });

  it('[17.4] a draft or a post back with the agency has no approval deadline', async () => {
    const agency = await makeAgency(t.database.db);
    const { plan, postId } = await sendPost(agency, new Date(Date.now() + 86_400_000));
    const asked = await as(agency.approver.cookie)(endpoints.movePost, {
      params: { postId },
      body: { to: 'changes_requested', revision: 1, note: 'Додайте ціну' },
    });
    expect(asked.status).toBe(200);
    for (const cookie of [agency.contentManager.cookie, agency.approver.cookie]) {
      const seen = await dueSeenBy(cookie, plan.cycle.id, postId);
      expect(seen.post).toMatchObject({ approvalDue: null, atRisk: false });
      expect(seen.approvals).toEqual([]);
    }
  });
});
