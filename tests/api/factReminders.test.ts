import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Database } from '../../src/server/db/connect.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import {
  clients,
  factReminders,
  factRequests,
  notifications,
  outbox,
} from '../../src/server/db/schema/index.ts';
import { reminderOffsetDue, sendDueReminders } from '../../src/server/facts/reminders.ts';
import { engines } from '../support/engines.ts';
import { makeAgency, makeContact } from '../support/factories.ts';
import { kyivDay, makeSentRequest } from '../support/facts.ts';
import { linkIn, type MailSink, startMailSink } from '../support/mailSink.ts';
import { worker } from '../support/work.ts';

describe('which reminder is due', () => {
  const schedule = { before: [2, 0], after: [1, 3] };
  it('follows the schedule around the due date and sends only the latest one after a pause', () => {
    expect(reminderOffsetDue(schedule, '2026-12-10', '2026-12-07')).toBeUndefined();
    expect(reminderOffsetDue(schedule, '2026-12-10', '2026-12-08')).toBe(-2);
    expect(reminderOffsetDue(schedule, '2026-12-10', '2026-12-09')).toBe(-2);
    expect(reminderOffsetDue(schedule, '2026-12-10', '2026-12-10')).toBe(0);
    expect(reminderOffsetDue(schedule, '2026-12-10', '2026-12-11')).toBe(1);
    expect(reminderOffsetDue(schedule, '2026-12-10', '2026-12-20')).toBe(3);
    // Across a month's end.
    expect(reminderOffsetDue(schedule, '2026-11-30', '2026-12-01')).toBe(1);
    expect(reminderOffsetDue({ before: [], after: [] }, '2026-12-10', '2026-12-20')).toBeUndefined();
  });
});

/** 10:00 in Kyiv today: within the hours reminders go out. */
const kyivMorning = () => new Date(`${kyivDay(0)}T08:00:00Z`);

for (const engine of engines()) {
  describe(`fact reminders on ${engine.name}`, () => {
    let primary: Database;
    let second: Database;
    let dispose: () => Promise<void>;
    // Reminders are read as the contacts get them: the outbox shows their links redacted.
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

    it('two workers at the same moment send each due reminder once, and never again', async () => {
      const db = primary.db;
      const agency = await makeAgency(db);
      const contributor = await makeContact(db, agency.client.id, 'contributor');
      const { request } = await makeSentRequest(db, agency, [
        { question: 'Ціна', dueOn: kyivDay(-2) },
        { question: 'Фото', dueOn: kyivDay(-2) },
        { question: 'Цитата', dueOn: kyivDay(2) },
        { question: 'Вже є', dueOn: kyivDay(-2), status: 'accepted' },
        { question: 'Далеко', dueOn: kyivDay(20) },
      ]);
      const now = kyivMorning();
      // Sent well before this morning, whatever the hour the test runs at: sent a day before
      // the test and checked at 10:00 today, a run after 20:00 UTC fell in the quiet 12 hours.
      await db
        .update(factRequests)
        .set({ sentAt: new Date(now.getTime() - 2 * 86_400_000) })
        .where(eq(factRequests.id, request.id));
      const a = worker(primary, { SMTP_URL: smtp.url });
      const b = worker(second, { SMTP_URL: smtp.url });
      const sent = await Promise.all([
        sendDueReminders(a, now),
        sendDueReminders(b, now),
        sendDueReminders(a, now),
        sendDueReminders(b, now),
      ]);
      // Overdue by two days (the "1 day after" one is the latest due) and due in two days.
      expect(sent.reduce((x, y) => x + y, 0)).toBe(2);
      const rows = await db.select().from(factReminders).where(eq(factReminders.requestId, request.id));
      expect(rows.map((r) => [r.dueOn, r.offsetDays, r.items]).sort()).toEqual(
        [
          [kyivDay(-2), 1, 2],
          [kyivDay(2), -2, 1],
        ].sort(),
      );
      for (const person of [agency.approver, contributor]) {
        const mail = await db.select().from(outbox).where(eq(outbox.toEmail, person.email));
        expect(mail.filter((m) => m.subject.startsWith('Прострочено'))).toHaveLength(1);
        expect(mail.filter((m) => m.subject.startsWith('Нагадування'))).toHaveLength(1);
        // Each reaches the person with their link to the request.
        for (const subject of [/^Прострочено/, /^Нагадування/]) {
          const got = await smtp.waitFor(person.email, { subject });
          expect(linkIn(got.text, 'open')).toMatch(/^http:\/\/plit\.test\/open\/[A-Za-z0-9_-]{43}$/);
        }
      }
      const overdueBell = await db
        .select()
        .from(notifications)
        .where(
          and(eq(notifications.userId, agency.contentManager.id), eq(notifications.kind, 'fact_overdue')),
        );
      expect(overdueBell).toHaveLength(1);
      // The next tick, and the one after, find nothing new.
      expect(await sendDueReminders(b, now)).toBe(0);
      expect(await sendDueReminders(a, new Date(now.getTime() + 3 * 3600_000))).toBe(0);
    });

    it('keeps to the schedule the agency set for this client, its hours, and a quiet start', async () => {
      const db = primary.db;
      const agency = await makeAgency(db);
      await db
        .update(clients)
        .set({ factReminders: { before: [], after: [5] } })
        .where(eq(clients.id, agency.client.id));
      const { request } = await makeSentRequest(db, agency, [{ question: 'Ціна', dueOn: kyivDay(-2) }]);
      const w = worker(primary);
      const mine = () => db.select().from(factReminders).where(eq(factReminders.requestId, request.id));
      await sendDueReminders(w, kyivMorning());
      expect(await mine()).toEqual([]);
      const fiveLate = new Date(kyivMorning().getTime() + 3 * 86_400_000);
      // 05:00 in Kyiv: nobody is written to at night.
      await sendDueReminders(w, new Date(fiveLate.getTime() - 5 * 3600_000));
      expect(await mine()).toEqual([]);
      await sendDueReminders(w, fiveLate);
      expect((await mine()).map((r) => r.offsetDays)).toEqual([5]);
      // A request sent minutes ago is not chased yet, even with overdue items.
      const fresh = await makeAgency(db);
      const { request: just } = await makeSentRequest(db, fresh, [{ question: 'Ціна', dueOn: kyivDay(-2) }]);
      await db
        .update(factRequests)
        .set({ sentAt: new Date(kyivMorning().getTime() - 60_000) })
        .where(eq(factRequests.id, just.id));
      await sendDueReminders(w, kyivMorning());
      expect(await db.select().from(factReminders).where(eq(factReminders.requestId, just.id))).toEqual([]);
    });
  });
}
