import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  factItems,
  factMessages,
  factReminders,
  factRequestSendings,
  factRequests,
  notifications,
  outbox,
  users,
} from '../../src/server/db/schema/index.ts';
import { sendDueReminders } from '../../src/server/facts/reminders.ts';
import { workingDaysAfter } from '../../src/server/planning/workingDays.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import type { FactItemFull } from '../../src/shared/api/facts.ts';
import { errorOf } from '../support/errors.ts';
import { makeAgency, makeContact, type TestAgency } from '../support/factories.ts';
import { kyivDay, makeSentRequest } from '../support/facts.ts';
import { api, raw } from '../support/http.ts';
import { withMailedApp } from '../support/mailedApp.ts';
import { makePlanForMeeting } from '../support/meetings.ts';
import { worker } from '../support/work.ts';

const t = withMailedApp();

const itemOf = (request: { items: FactItemFull[] }, id: string) => request.items.find((i) => i.id === id)!;

/** An item the client answered, now due on `dueOn`, waiting for the agency's review. */
const answered = (question: string, dueOn: string) => ({
  question,
  dueOn,
  status: 'answered' as const,
  answer: { kind: 'text' as const, text: '320 грн' },
  answerVersion: 2,
  reviewVersion: 2,
});

const followUp = (agency: TestAgency, itemId: string, body: Record<string, unknown>) =>
  raw(t.app, 'POST', `/api/fact-items/${itemId}/follow-up`, { cookie: agency.contentManager.cookie, body });

describe('[17.5] a follow-up sets a new due date', () => {
  it('[17.5] a follow-up on an item past its due date is not overdue at once, and the reminders follow the new date', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const { request, items } = await makeSentRequest(db, agency, [answered('Ціна за 250 г', kyivDay(-2))]);
    const item = items[0]!;
    const asked = await followUp(agency, item.id, { body: 'З ПДВ чи без?', reviewVersion: 2 });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    const after = itemOf(asked.body.request, item.id);
    const today = kyivDay(0);
    // Three working days from today (Ukraine's calendar: no holiday in early December).
    expect(after.dueOn).toBe(workingDaysAfter(today, 3, () => false));
    expect(after.dueOn! > today).toBe(true);
    expect(after).toMatchObject({ status: 'follow_up', version: item.version + 1 });
    expect(asked.body.request.progress.overdue).toBe(0);

    // The reminder worker, at 10:00 in Kyiv: nothing about the old, passed date goes out.
    await sendDueReminders(worker(t.database), new Date(`${today}T08:00:00Z`));
    const reminders = await db.select().from(factReminders).where(eq(factReminders.requestId, request.id));
    expect(reminders.filter((r) => r.dueOn < today)).toEqual([]);
    expect(reminders.every((r) => r.dueOn === after.dueOn && r.offsetDays < 0)).toBe(true);
  });

  it('[17.5] the agency gives the new date itself; a date in the past is refused and changes nothing', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const { request, items } = await makeSentRequest(db, agency, [answered('Дата запуску', kyivDay(-1))]);
    const item = items[0]!;

    const past = await followUp(agency, item.id, {
      body: 'Точна дата?',
      reviewVersion: 2,
      dueOn: kyivDay(-1),
    });
    expect(past.status).toBe(400);
    expect(errorOf(past)).toMatchObject({ code: 'validation_failed' });
    expect(errorOf(past).fields?.dueOn).toMatch(/in the past/);
    const [unchanged] = await db.select().from(factItems).where(eq(factItems.id, item.id));
    expect(unchanged).toMatchObject({ status: 'answered', dueOn: kyivDay(-1), reviewVersion: 2 });
    expect(await db.select().from(factMessages).where(eq(factMessages.itemId, item.id))).toEqual([]);

    const chosen = kyivDay(6);
    const asked = await followUp(agency, item.id, { body: 'Точна дата?', reviewVersion: 2, dueOn: chosen });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    expect(itemOf(asked.body.request, item.id)).toMatchObject({ status: 'follow_up', dueOn: chosen });
    // The contact's follow-up email says by when.
    const mail = await t.sink.waitFor(agency.approver.email, { subject: /Follow-up/ });
    expect(mail.text).toMatch(/Відповісти до: /);
    expect(mail.text).toMatch(/Please answer by /);
    // Its link is the contact's own, and lands on the item asked about.
    expect(mail.text).toContain(`/open/`);
    expect(mail.text).toContain(`?next=${encodeURIComponent(`/facts/${request.id}#item-${item.id}`)}`);
  });

  it('[17.5] a follow-up on an item not yet due keeps its date', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const { items } = await makeSentRequest(db, agency, [answered('Фото', kyivDay(4))]);
    const asked = await followUp(agency, items[0]!.id, { body: 'Інший ракурс?', reviewVersion: 2 });
    expect(asked.status).toBe(200);
    expect(itemOf(asked.body.request, items[0]!.id)).toMatchObject({ dueOn: kyivDay(4), version: 1 });
  });
});

describe('[17.3] a follow-up follows the email setting', () => {
  it('[17.3] a contact who turned email off hears of a follow-up in the bell only', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    await db.update(users).set({ emailNotifications: 'off' }).where(eq(users.id, agency.approver.id));
    const { items } = await makeSentRequest(db, agency, [answered('Фото', kyivDay(4))]);
    const asked = await followUp(agency, items[0]!.id, { body: 'Інший ракурс?', reviewVersion: 2 });
    expect(asked.status).toBe(200);
    const mails = await db.select().from(outbox).where(eq(outbox.toEmail, agency.approver.email));
    expect(mails.filter((m) => /Follow-up/.test(m.subject))).toEqual([]);
    const bell = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, agency.approver.id), eq(notifications.kind, 'fact_follow_up')));
    expect(bell).toHaveLength(1);
  });
});

/** December's request sent for real by the content manager, as the client's contacts get it. */
async function sendRequest(agency: TestAgency) {
  const db = t.database.db;
  const plan = await makePlanForMeeting(db, agency);
  const [request] = await db
    .insert(factRequests)
    .values({ cycleId: plan.cycle.id, clientId: agency.client.id })
    .returning();
  const cm = agency.contentManager.cookie;
  await api(t.app, endpoints.createFactItem, {
    params: { requestId: request!.id },
    cookie: cm,
    body: { question: 'Ціна', dueOn: kyivDay(5) },
  });
  const sent = await api(t.app, endpoints.sendFactRequest, {
    params: { requestId: request!.id },
    cookie: cm,
    body: { version: 1 },
  });
  expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  return request!;
}

/** Pretend the first sending was long ago, so the re-send's guard lets it through. */
const forgetSendings = (requestId: string) =>
  t.database.db
    .update(factRequestSendings)
    .set({ sentAt: new Date(Date.now() - 60 * 60_000) })
    .where(eq(factRequestSendings.requestId, requestId));

const resend = (cookie: string, requestId: string, body: { contactIds?: string[] } = {}) =>
  raw(t.app, 'POST', `/api/fact-requests/${requestId}/resend`, { cookie, body });

const mailsTo = async (email: string) =>
  (await t.database.db.select().from(outbox).where(eq(outbox.toEmail, email))).length;

describe('[17.5] re-sending the fact request', () => {
  it('[17.5] to one contact: the same email with a fresh link that opens the request; the others get nothing', async () => {
    const agency = await makeAgency(t.database.db);
    const contributor = await makeContact(t.database.db, agency.client.id, 'contributor');
    const request = await sendRequest(agency);
    const firstLink = await t.sink.linkFor(agency.approver.email, 'open');
    const before = t.sink.linkCount(agency.approver.email, 'open');
    const contributorMails = await mailsTo(contributor.email);
    await forgetSendings(request.id);

    const again = await resend(agency.contentManager.cookie, request.id, {
      contactIds: [agency.approver.id],
    });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toEqual({ sentTo: [agency.approver.id], skipped: [] });
    const link = await t.sink.linkFor(agency.approver.email, 'open', { after: before });
    expect(link).not.toBe(firstLink);
    const mail = t.sink.received.filter((m) => m.to.includes(agency.approver.email.toLowerCase())).at(-1)!;
    expect(mail.subject).toMatch(/^Запит на фактаж · Fact request/);
    const opened = await api(t.app, endpoints.openLink, { body: { token: link.split('/open/')[1]! } });
    expect(opened.status).toBe(200);
    expect(opened.body.opens).toMatchObject({ kind: 'facts', subjectId: request.id });
    expect(await mailsTo(contributor.email)).toBe(contributorMails);
    // The activity says it was sent again.
    const feed = await api(t.app, endpoints.listClientEvents, {
      params: { clientId: agency.client.id },
      cookie: agency.contentManager.cookie,
    });
    expect(JSON.stringify(feed.body)).toContain('fact_request.resent');
  });

  it('[17.5] a re-send counts only what still waits, and the due date of what still waits', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const request = await sendRequest(agency);
    // A second item, answered and accepted long ago: neither counted nor its date repeated.
    const [first] = await db.select().from(factItems).where(eq(factItems.requestId, request.id));
    await db.insert(factItems).values({
      ...first!,
      id: undefined,
      question: 'Логотип',
      dueOn: kyivDay(-10),
      status: 'accepted',
      position: first!.position + 1,
    });
    await forgetSendings(request.id);
    const before = t.sink.linkCount(agency.approver.email, 'open');
    const again = await resend(agency.contentManager.cookie, request.id, {
      contactIds: [agency.approver.id],
    });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    await t.sink.linkFor(agency.approver.email, 'open', { after: before });
    const mail = t.sink.received.filter((m) => m.to.includes(agency.approver.email.toLowerCase())).at(-1)!;
    expect(mail.text).toMatch(/пунктів – 1\./);
    expect(mail.text).toMatch(/: 1 item\./);
    // "Please answer by 11 December 2026", as the email writes a date in English.
    const en = (day: string) =>
      new Intl.DateTimeFormat('en-GB', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(new Date(`${day}T00:00:00Z`));
    expect(mail.text).toContain(`Please answer by ${en(kyivDay(5))}.`);
    expect(mail.text).not.toContain(en(kyivDay(-10)));
  });

  it('[17.5] a second re-send to the same contact within minutes is refused and mails nobody; "all" skips who just got it', async () => {
    const agency = await makeAgency(t.database.db);
    const contributor = await makeContact(t.database.db, agency.client.id, 'contributor');
    const request = await sendRequest(agency);
    // Right after the first sending: nobody is mailed twice within minutes.
    const early = await resend(agency.contentManager.cookie, request.id);
    expect(early.status).toBe(429);
    expect(errorOf(early).code).toBe('fact_request_resent_recently');

    await forgetSendings(request.id);
    const once = await resend(agency.contentManager.cookie, request.id, { contactIds: [agency.approver.id] });
    expect(once.status).toBe(200);
    const approverMails = await mailsTo(agency.approver.email);
    const twice = await resend(agency.contentManager.cookie, request.id, {
      contactIds: [agency.approver.id],
    });
    expect(twice.status).toBe(429);
    expect(errorOf(twice).code).toBe('fact_request_resent_recently');
    expect(await mailsTo(agency.approver.email)).toBe(approverMails);

    const all = await resend(agency.contentManager.cookie, request.id);
    expect(all.status).toBe(200);
    expect(all.body).toEqual({ sentTo: [contributor.id], skipped: [agency.approver.id] });
    expect(await mailsTo(agency.approver.email)).toBe(approverMails);
  });

  it('[17.5] only the agency managers re-send, only a sent request that is not complete, only to its contacts', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const request = await sendRequest(agency);
    await forgetSendings(request.id);
    const sendings = () =>
      db.select().from(factRequestSendings).where(eq(factRequestSendings.requestId, request.id));
    const before = (await sendings()).length;
    expect((await resend(agency.creator.cookie, request.id)).status).toBe(403);
    expect((await resend(agency.approver.cookie, request.id)).status).toBe(403);
    expect((await resend(agency.otherClientApprover.cookie, request.id)).status).toBe(404);
    const stranger = await resend(agency.contentManager.cookie, request.id, {
      contactIds: [agency.otherClientApprover.id],
    });
    expect(stranger.status).toBe(400);
    expect(errorOf(stranger).fields?.contactIds).toBeTruthy();

    await db.update(factRequests).set({ status: 'complete' }).where(eq(factRequests.id, request.id));
    const complete = await resend(agency.contentManager.cookie, request.id);
    expect(complete.status).toBe(409);
    expect(errorOf(complete).code).toBe('fact_request_not_out');
    expect((await sendings()).length).toBe(before);
  });
});
