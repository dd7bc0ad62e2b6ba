import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Database, type Db } from '../../src/server/db/connect.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import {
  approvalReminders,
  clients,
  cycles,
  notifications,
  outbox,
  posts,
  postVersions,
  slots,
} from '../../src/server/db/schema/index.ts';
import { approvalReminderDue, sendApprovalReminders } from '../../src/server/posts/approvalReminders.ts';
import { engines } from '../support/engines.ts';
import { makeAgency, makeContact, type TestAgency } from '../support/factories.ts';
import { linkIn, type MailSink, startMailSink } from '../support/mailSink.ts';
import { makeWritingMonth } from '../support/posts.ts';
import { worker } from '../support/work.ts';

// Kyiv is UTC+2 in December. A post published Monday 14 Dec, with the default lead of two
// working days, is due Thursday 10 Dec; the reminder before goes on Wednesday 9 Dec.
const PUBLISH = new Date('2026-12-14T08:00:00Z');
const at = (localDate: string, kyivTime: string) => {
  const [h, m] = kyivTime.split(':').map(Number) as [number, number];
  return new Date(Date.parse(`${localDate}T00:00:00Z`) + ((h - 2) * 60 + m) * 60_000);
};

describe('[17.4] which approval reminder is due', () => {
  it('the working day before the due day, on it, and after it; nothing earlier', async () => {
    expect(await approvalReminderDue('2026-12-10', '2026-12-08', 'UA')).toBeUndefined();
    expect(await approvalReminderDue('2026-12-10', '2026-12-09', 'UA')).toBe('before');
    expect(await approvalReminderDue('2026-12-10', '2026-12-10', 'UA')).toBe('on_day');
    expect(await approvalReminderDue('2026-12-10', '2026-12-11', 'UA')).toBe('overdue');
    // Due on a Monday: the reminder before goes on the Friday, not on Sunday.
    expect(await approvalReminderDue('2026-12-14', '2026-12-11', 'UA')).toBe('before');
    expect(await approvalReminderDue('2026-12-14', '2026-12-10', 'UA')).toBeUndefined();
  });
});

/**
 * Posts of a writing month waiting for the client, each sent as a version to go out at its
 * publish time (`publishAt`), with the given statuses.
 */
async function makeWaitingPosts(
  db: Db,
  agency: TestAgency,
  specs: Array<{ status?: string; publishAt?: Date }>,
) {
  const plan = await makeWritingMonth(db, agency);
  const more = specs.slice(plan.slots.length).map((_, i) => ({
    cycleId: plan.cycle.id,
    startsAt: new Date(Date.UTC(2026, 11, 22 + i, 8)),
    channelId: agency.client.channel.id,
    format: 'post' as const,
  }));
  const extra = more.length ? await db.insert(slots).values(more).returning() : [];
  const allSlots = [...plan.slots, ...extra];
  const ids: string[] = [];
  for (const [i, spec] of specs.entries()) {
    const [post] = await db
      .insert(posts)
      .values({
        cycleId: plan.cycle.id,
        clientId: agency.client.id,
        slotId: allSlots[i]!.id,
        status: (spec.status ?? 'client_review') as 'client_review',
        revision: 1,
      })
      .returning();
    await db.insert(postVersions).values({
      postId: post!.id,
      revision: 1,
      round: 1,
      copyText: 'Новий купаж',
      copyDoc: { type: 'doc', content: [] },
      visualBrief: '',
      hashtags: [],
      link: '',
      firstComment: '',
      assets: [],
      publishAt: spec.publishAt ?? PUBLISH,
    });
    ids.push(post!.id);
  }
  return { cycle: plan.cycle, postIds: ids };
}

for (const engine of engines()) {
  describe(`[17.4] approval reminders on ${engine.name}`, () => {
    let primary: Database;
    let second: Database;
    let dispose: () => Promise<void>;
    let smtp: MailSink;
    beforeAll(async () => {
      smtp = await startMailSink();
      const opened = await engine.open();
      primary = opened.database;
      await migrate(primary);
      // PostgreSQL: a second pool, as a second server process has. PGlite has one connection.
      second = opened.url ? await connect({ url: opened.url }) : primary;
      dispose = async () => {
        if (second !== primary) await second.close();
        await opened.dispose();
        await smtp.close();
      };
    });
    afterAll(() => dispose());

    const bell = (db: Db, userId: string) =>
      db
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.userId, userId),
            inArray(notifications.kind, ['post_approval_due', 'post_approval_overdue']),
          ),
        );
    const mailTo = (db: Db, email: string) => db.select().from(outbox).where(eq(outbox.toEmail, email));

    it('[17.4] before, on and after the due day: each once, one per month, from 09:00, to the right people', async () => {
      const db = primary.db;
      const agency = await makeAgency(db);
      const contributor = await makeContact(db, agency.client.id, 'contributor');
      // Two posts due on the same day fold into one reminder; the third is due much later.
      const { cycle, postIds } = await makeWaitingPosts(db, agency, [
        {},
        {},
        { publishAt: new Date('2026-12-28T08:00:00Z') },
      ]);
      const a = worker(primary, { SMTP_URL: smtp.url });
      const b = worker(second, { SMTP_URL: smtp.url });

      // Before 09:00 in Kyiv nobody is reminded, not even on the right day.
      expect(await sendApprovalReminders(a, at('2026-12-09', '08:59'))).toBe(0);
      expect(await sendApprovalReminders(a, at('2026-12-08', '12:00'))).toBe(0);

      // Two workers at the same moment, twice each: one claim wins.
      const before = at('2026-12-09', '09:00');
      const sent = await Promise.all([
        sendApprovalReminders(a, before),
        sendApprovalReminders(b, before),
        sendApprovalReminders(a, before),
        sendApprovalReminders(b, before),
      ]);
      expect(sent.reduce((x, y) => x + y, 0)).toBe(1);
      expect(await sendApprovalReminders(a, at('2026-12-09', '15:00'))).toBe(0);

      const [approverBell] = await bell(db, agency.approver.id);
      expect(approverBell).toMatchObject({
        kind: 'post_approval_due',
        link: `/cycles/${cycle.id}?tab=posts`,
        data: {
          stage: 'before',
          reader: 'approver',
          count: 2,
          dueOn: '2026-12-10',
          month: '2026-12',
          clientName: agency.client.name,
          timezone: 'Europe/Kyiv',
        },
      });
      expect(await bell(db, agency.approver.id)).toHaveLength(1);
      // The contributor cannot approve: told the posts wait for their approver.
      expect((await bell(db, contributor.id)).map((n) => n.data.reader)).toEqual(['contributor']);
      // Not late yet: the agency is not told; another client's contact never.
      expect(await bell(db, agency.contentManager.id)).toHaveLength(0);
      expect(await bell(db, agency.otherClientApprover.id)).toHaveLength(0);

      const approverMail = await mailTo(db, agency.approver.email);
      expect(approverMail).toHaveLength(1);
      const got = await smtp.waitFor(agency.approver.email, { subject: /^Погодження/ });
      expect(got.text).toContain('2 пости на грудень 2026 чекають на ваше погодження');
      expect(got.text).toContain('Погодити треба до 10 грудня 2026 р.');
      expect(got.text).toContain('2 posts for December 2026 waiting for your approval');
      expect(got.text).toContain('They are due by 10 December 2026.');
      // The approver's link is their own scoped review link.
      expect(linkIn(got.text, 'open')).toMatch(/^http:\/\/plit\.test\/open\/[A-Za-z0-9_-]{43}$/);
      const toContributor = await smtp.waitFor(contributor.email, { subject: /^Погодження/ });
      expect(toContributor.text).toContain('2 пости на грудень 2026 чекають на рішення погоджувача');
      expect(toContributor.text).toContain('waiting for your approver');
      expect(toContributor.text).not.toContain('waiting for your approval');

      // On the due day: once more, the same people.
      const onDay = at('2026-12-10', '09:30');
      expect(
        (await Promise.all([sendApprovalReminders(a, onDay), sendApprovalReminders(b, onDay)])).reduce(
          (x, y) => x + y,
        ),
      ).toBe(1);
      expect((await bell(db, agency.approver.id)).map((n) => n.data.stage).sort()).toEqual([
        'before',
        'on_day',
      ]);
      expect(await bell(db, agency.contentManager.id)).toHaveLength(0);

      // The day after: overdue, and now the agency's managers hear of it (its creator does not).
      const late = at('2026-12-11', '10:00');
      expect(
        (await Promise.all([sendApprovalReminders(a, late), sendApprovalReminders(b, late)])).reduce(
          (x, y) => x + y,
        ),
      ).toBe(1);
      expect(await sendApprovalReminders(a, at('2026-12-12', '10:00'))).toBe(0);
      for (const manager of [agency.contentManager, agency.owner]) {
        const told = await bell(db, manager.id);
        expect(told.map((n) => [n.kind, n.data.reader, n.data.count])).toEqual([
          ['post_approval_overdue', 'agency', 2],
        ]);
      }
      expect(await bell(db, agency.creator.id)).toHaveLength(0);
      expect((await bell(db, agency.approver.id)).map((n) => n.kind).sort()).toEqual([
        'post_approval_due',
        'post_approval_due',
        'post_approval_overdue',
      ]);
      expect(await bell(db, agency.otherClientApprover.id)).toHaveLength(0);
      const toManager = await smtp.waitFor(agency.contentManager.email, { subject: /^Прострочено/ });
      expect(toManager.text).toContain('не погоджено вчасно');
      expect(toManager.text).toContain(`http://plit.test/cycles/${cycle.id}?tab=posts`);

      // Each post was claimed once per reminder: 2 posts × 3 reminders.
      const claims = await db
        .select()
        .from(approvalReminders)
        .where(inArray(approvalReminders.postId, postIds));
      expect(claims.map((c) => `${c.kind}:${c.dueOn}`).sort()).toEqual(
        ['before', 'before', 'on_day', 'on_day', 'overdue', 'overdue'].map((k) => `${k}:2026-12-10`),
      );
    });

    it('[17.4] nothing for posts approved, pulled back or sent back with changes, nor for a closed month', async () => {
      const db = primary.db;
      const agency = await makeAgency(db);
      const { postIds } = await makeWaitingPosts(db, agency, [
        { status: 'approved' },
        { status: 'draft' },
        { status: 'changes_requested' },
      ]);
      const w = worker(primary);
      for (const day of ['2026-12-09', '2026-12-10', '2026-12-11']) {
        expect(await sendApprovalReminders(w, at(day, '10:00'))).toBe(0);
      }
      expect(
        await db.select().from(approvalReminders).where(inArray(approvalReminders.postId, postIds)),
      ).toEqual([]);
      expect(await bell(db, agency.approver.id)).toHaveLength(0);

      // A month whose posts still wait but which is closed, or a client archived: no reminders.
      const other = await makeAgency(db);
      const closed = await makeWaitingPosts(db, other, [{}]);
      await db.update(cycles).set({ stage: 'closed' }).where(eq(cycles.id, closed.cycle.id));
      expect(await sendApprovalReminders(w, at('2026-12-11', '10:00'))).toBe(0);
      await db.update(cycles).set({ stage: 'content' }).where(eq(cycles.id, closed.cycle.id));
      await db.update(clients).set({ archivedAt: new Date() }).where(eq(clients.id, other.client.id));
      expect(await sendApprovalReminders(w, at('2026-12-11', '10:00'))).toBe(0);
    });

    it("[17.4] follows the client's own lead and zone, and a post approved meanwhile drops out", async () => {
      const db = primary.db;
      const agency = await makeAgency(db);
      // One working day: due Friday 11 Dec for the Monday publication.
      await db.update(clients).set({ approvalLeadDays: 1 }).where(eq(clients.id, agency.client.id));
      const { postIds } = await makeWaitingPosts(db, agency, [{}, {}]);
      const w = worker(primary);
      expect(await sendApprovalReminders(w, at('2026-12-09', '10:00'))).toBe(0);
      // The first post is approved before the reminder: the reminder counts only the other.
      await db.update(posts).set({ status: 'approved' }).where(eq(posts.id, postIds[0]!));
      expect(await sendApprovalReminders(w, at('2026-12-10', '10:00'))).toBe(1);
      const [told] = await bell(db, agency.approver.id);
      expect(told?.data).toMatchObject({ stage: 'before', dueOn: '2026-12-11', count: 1 });
      // A client in New York: 09:00 there is 16:00 in Kyiv.
      const ny = await makeAgency(db);
      await db.update(clients).set({ timezone: 'America/New_York' }).where(eq(clients.id, ny.client.id));
      await makeWaitingPosts(db, ny, [{ publishAt: new Date('2026-12-14T15:00:00Z') }]);
      expect(await sendApprovalReminders(w, new Date('2026-12-09T13:59:00Z'))).toBe(0);
      expect(await sendApprovalReminders(w, new Date('2026-12-09T14:00:00Z'))).toBe(1);
      expect((await bell(db, ny.approver.id)).map((n) => n.data.stage)).toEqual(['before']);
    });
  });
}
