import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cycles, factItems, factRequests, notifications, outbox } from '../../src/server/db/schema/index.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import type { FactAnswer, FactItemFull } from '../../src/shared/api/facts.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeAgency, makeContact } from '../support/factories.ts';
import { kyivDay, makeSentRequest } from '../support/facts.ts';
import { api, raw } from '../support/http.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const itemOf = (request: { items: FactItemFull[] }, id: string) => request.items.find((i) => i.id === id)!;

describe('answering a fact request', () => {
  it('drafts are kept as typed, seen by the client side only, and a stale save is refused', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const contributor = await makeContact(db, agency.client.id, 'contributor');
    const { request, items } = await makeSentRequest(db, agency, [{ question: 'Ціна за 250 г' }]);
    const item = items[0]!;
    const draft = (text: string, answerVersion: number, cookie = agency.approver.cookie) =>
      api(t.app, endpoints.saveFactDraft, {
        params: { itemId: item.id },
        cookie,
        body: { answer: { kind: 'text', text }, answerVersion },
      });
    const first = await draft('320', 1);
    expect(first.status).toBe(200);
    expect(first.body.answerVersion).toBe(2);
    // The tab was closed; another contact opens the request and sees the draft, and who typed it.
    const page = await api(t.app, endpoints.getFactRequest, {
      params: { requestId: request.id },
      cookie: contributor.cookie,
    });
    expect(itemOf(page.body.request, item.id)).toMatchObject({
      draft: { kind: 'text', text: '320' },
      draftBy: { id: agency.approver.id },
      status: 'open',
      answer: null,
    });
    // The agency waits for the submitted answer; half-typed drafts are not theirs to read.
    const agencyView = await api(t.app, endpoints.getFactRequest, {
      params: { requestId: request.id },
      cookie: agency.contentManager.cookie,
    });
    expect(itemOf(agencyView.body.request, item.id)).toMatchObject({ draft: null, draftBy: null });
    // The contributor saved over a version they had not seen: refused, nothing overwritten.
    const stale = await draft('300', 1, contributor.cookie);
    expect(stale.status).toBe(409);
    const [kept] = await db.select().from(factItems).where(eq(factItems.id, item.id));
    expect(kept!.draft).toEqual({ kind: 'text', text: '320' });
    // A draft of another kind than asked is not a draft of this item.
    const wrongKind = await raw(t.app, 'PUT', `/api/fact-items/${item.id}/draft`, {
      cookie: agency.approver.cookie,
      body: { answer: { kind: 'link', url: 'x' }, answerVersion: 2 },
    });
    expect(wrongKind.status).toBe(400);
  });

  it('submitting records who answered and when, stamps the first answer, and tells the agency once', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const { request, items } = await makeSentRequest(db, agency, [
      { question: 'Ціна' },
      { question: 'Дата старту', kind: 'date' },
    ]);
    const answer = (id: string, body: FactAnswer, answerVersion = 1) =>
      api(t.app, endpoints.submitFactAnswer, {
        params: { itemId: id },
        cookie: agency.approver.cookie,
        body: { answer: body, answerVersion },
      });
    const one = await answer(items[0]!.id, { kind: 'text', text: '  320 грн  ' });
    expect(one.status).toBe(200);
    const answered = itemOf(one.body.request, items[0]!.id);
    expect(answered).toMatchObject({
      status: 'answered',
      answer: { kind: 'text', text: '320 грн' },
      answeredBy: { id: agency.approver.id, name: agency.approver.name },
      draft: null,
    });
    expect(answered.firstAnsweredAt).toBe(answered.answeredAt);
    expect(one.body.request.firstAnswerAt).toBeTruthy();
    expect(one.body.request.progress).toMatchObject({ total: 2, answered: 1, accepted: 0 });
    await answer(items[1]!.id, { kind: 'date', date: kyivDay(10) });
    // Two answers, one bell entry that counts them.
    const bell = await api(t.app, endpoints.listNotifications, { cookie: agency.contentManager.cookie });
    const folded = bell.body.notifications.filter((n: { kind: string }) => n.kind === 'fact_answered');
    expect(folded).toHaveLength(1);
    expect(folded[0]!.data).toMatchObject({ count: 2, clientName: agency.client.name });
    expect(folded[0]!.link).toBe(`/facts/${request.id}`);
    expect(bell.body.unread).toBeGreaterThanOrEqual(1);
    // Notifications are each person's own: marking read touches only mine.
    await api(t.app, endpoints.markNotificationsRead, { cookie: agency.contentManager.cookie, body: {} });
    const after = await api(t.app, endpoints.listNotifications, { cookie: agency.contentManager.cookie });
    expect(after.body.unread).toBe(0);
    const owners = await api(t.app, endpoints.listNotifications, { cookie: agency.owner.cookie });
    expect(owners.body.unread).toBe(1);
  });

  it('refuses an answer that cannot be used, with a message per field, and stores nothing', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const { items } = await makeSentRequest(db, agency, [
      { question: 'Посилання на товар', kind: 'link' },
      { question: 'Розмір', kind: 'choice', choices: ['250 г', '1 кг'] },
      { question: 'Фото', kind: 'files' },
      { question: 'Дата', kind: 'date' },
      { question: 'Цитата', kind: 'text' },
    ]);
    const [link, choice, files, date, text] = items;
    const answer = (id: string, body: unknown) =>
      raw(t.app, 'POST', `/api/fact-items/${id}/answer`, {
        cookie: agency.approver.cookie,
        body: { answer: body, answerVersion: 1 },
      });
    const cases: Array<[string, unknown, string]> = [
      [link!.id, { kind: 'link', url: 'наш сайт' }, 'answer.url'],
      [link!.id, { kind: 'link', url: 'javascript:alert(1)' }, 'answer.url'],
      [choice!.id, { kind: 'choice', choice: '500 г' }, 'answer.choice'],
      [files!.id, { kind: 'files', note: '' }, 'answer.files'],
      [date!.id, { kind: 'date', date: '2026-02-30' }, 'answer.date'],
      [text!.id, { kind: 'text', text: '   ' }, 'answer.text'],
      [text!.id, { kind: 'not_available', reason: ' ' }, 'answer.reason'],
      [text!.id, { kind: 'link', url: 'https://kyivcoffee.demo' }, 'answer'],
    ];
    for (const [id, body, field] of cases) {
      const res = await answer(id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.fields[field], JSON.stringify(res.body.error)).toBeTruthy();
    }
    const rows = await db.select().from(factItems).where(eq(factItems.requestId, link!.requestId));
    expect(rows.every((r) => r.status === 'open' && r.answer === null)).toBe(true);
    // "Not available" with a reason is a real answer.
    const na = await api(t.app, endpoints.submitFactAnswer, {
      params: { itemId: text!.id },
      cookie: agency.approver.cookie,
      body: { answer: { kind: 'not_available', reason: 'Цитату ще погоджує юрист' }, answerVersion: 1 },
    });
    expect(na.status).toBe(200);
    expect(itemOf(na.body.request, text!.id)).toMatchObject({
      status: 'answered',
      answer: { kind: 'not_available', reason: 'Цитату ще погоджує юрист' },
    });
  });

  it('the agency accepts or asks again; a follow-up is a thread; all required accepted completes', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const { plan, request, items } = await makeSentRequest(db, agency, [
      { question: 'Ціна' },
      { question: 'Хто на фото?' },
      { question: 'Побажання', required: false },
    ]);
    const [price, who] = items;
    const cm = agency.contentManager.cookie;
    const submit = (id: string, text: string, answerVersion: number) =>
      api(t.app, endpoints.submitFactAnswer, {
        params: { itemId: id },
        cookie: agency.approver.cookie,
        body: { answer: { kind: 'text', text }, answerVersion },
      });
    await submit(price!.id, '320 грн', 1);
    await submit(who!.id, 'Олена', 1);

    // Only the agency's managers review; a creator or the client cannot accept.
    const byCreator = await api(t.app, endpoints.acceptFactAnswer, {
      params: { itemId: price!.id },
      cookie: agency.creator.cookie,
      body: { reviewVersion: 2 },
    });
    expect(byCreator.status).toBe(403);
    const byClient = await api(t.app, endpoints.acceptFactAnswer, {
      params: { itemId: price!.id },
      cookie: agency.approver.cookie,
      body: { reviewVersion: 2 },
    });
    expect(byClient.status).toBe(403);
    // The agency does not answer for the client.
    const agencyAnswer = await api(t.app, endpoints.submitFactAnswer, {
      params: { itemId: price!.id },
      cookie: cm,
      body: { answer: { kind: 'text', text: '1' }, answerVersion: 2 },
    });
    expect(agencyAnswer.status).toBe(403);

    // The client starts rewording the submitted answer: a draft is no change the reviewer missed.
    const rewording = await api(t.app, endpoints.saveFactDraft, {
      params: { itemId: price!.id },
      cookie: agency.approver.cookie,
      body: { answer: { kind: 'text', text: '320 грн за 25' }, answerVersion: 2 },
    });
    expect(rewording.status).toBe(200);
    const accepted = await api(t.app, endpoints.acceptFactAnswer, {
      params: { itemId: price!.id },
      cookie: cm,
      body: { reviewVersion: 2 },
    });
    expect(itemOf(accepted.body.request, price!.id)).toMatchObject({
      status: 'accepted',
      acceptedBy: { id: agency.contentManager.id },
    });
    // An accepted answer is settled: the client writes in the thread to change it.
    const late = await submit(price!.id, '330 грн', 4);
    expect(late.status).toBe(409);

    const followUp = await api(t.app, endpoints.askFactFollowUp, {
      params: { itemId: who!.id },
      cookie: cm,
      body: { body: 'Прізвище та посада, будь ласка', reviewVersion: 2 },
    });
    expect(followUp.status).toBe(200);
    const asked = itemOf(followUp.body.request, who!.id);
    expect(asked.status).toBe('follow_up');
    expect(asked.messages).toEqual([
      expect.objectContaining({ side: 'agency', body: 'Прізвище та посада, будь ласка', followUp: true }),
    ]);
    expect(followUp.body.request.progress.followUps).toBe(1);
    const mail = await db.select().from(outbox).where(eq(outbox.toEmail, agency.approver.email));
    expect(mail.some((m) => m.subject.startsWith('Уточнення') && m.text.includes('Прізвище та посада'))).toBe(
      true,
    );
    const bell = await db.select().from(notifications).where(eq(notifications.userId, agency.approver.id));
    expect(bell.map((n) => n.kind)).toContain('fact_follow_up');

    const reply = await api(t.app, endpoints.writeFactMessage, {
      params: { itemId: who!.id },
      cookie: agency.approver.cookie,
      body: { body: 'Олена Коваль, бариста' },
    });
    expect(reply.status).toBe(201);
    const thread = itemOf(reply.body.request, who!.id).messages;
    expect(thread.map((m) => m.side)).toEqual(['agency', 'client']);
    // The reply answers the follow-up: the item is the agency's to review again.
    expect(itemOf(reply.body.request, who!.id).status).toBe('answered');
    // A stranger's reply goes nowhere.
    const stranger = await api(t.app, endpoints.writeFactMessage, {
      params: { itemId: who!.id },
      cookie: agency.otherClientApprover.cookie,
      body: { body: 'hi' },
    });
    expect(stranger.status).toBe(404);

    // The client also puts the full answer in the answer itself.
    const resubmitted = await submit(who!.id, 'Олена Коваль, бариста', 4);
    expect(resubmitted.status).toBe(200);
    const before = await api(t.app, endpoints.getFactRequest, {
      params: { requestId: request.id },
      cookie: cm,
    });
    expect(before.body.request.topics).toEqual([
      { topicId: plan.topics[0]!.id, required: 2, accepted: 1, ready: false },
    ]);
    const done = await api(t.app, endpoints.acceptFactAnswer, {
      params: { itemId: who!.id },
      cookie: cm,
      body: { reviewVersion: 5 },
    });
    // The optional item was never answered: it does not hold the request up.
    expect(done.body.request.status).toBe('complete');
    expect(done.body.request.completedAt).toBeTruthy();
    expect(done.body.request.topics[0]).toMatchObject({ ready: true });
    // Asking again after completion reopens the request.
    const reopen = await api(t.app, endpoints.askFactFollowUp, {
      params: { itemId: price!.id },
      cookie: cm,
      body: { body: 'Ціна з ПДВ?', reviewVersion: 3 },
    });
    expect(reopen.body.request).toMatchObject({ status: 'sent', completedAt: null });
    expect(reopen.body.request.topics[0]).toMatchObject({ ready: false });
  });

  it('a contact of another client gets 404 for the request, its items and its threads', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const { request, plan, items } = await makeSentRequest(db, agency, [{ question: 'Ціна' }]);
    const other = agency.otherClientApprover.cookie;
    const outsider = await makeAgency(db);
    for (const cookie of [other, outsider.owner.cookie, outsider.approver.cookie]) {
      expect(
        (await api(t.app, endpoints.getFactRequest, { params: { requestId: request.id }, cookie })).status,
      ).toBe(404);
      expect(
        (await api(t.app, endpoints.getCycleFactRequest, { params: { cycleId: plan.cycle.id }, cookie }))
          .status,
      ).toBe(404);
      const put = await api(t.app, endpoints.saveFactDraft, {
        params: { itemId: items[0]!.id },
        cookie,
        body: { answer: null, answerVersion: 1 },
      });
      expect(put.status).toBe(404);
    }
  });

  it('due dates are promises about the future: a past one is refused', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const { request, items } = await makeSentRequest(db, agency, [{ question: 'Ціна' }]);
    const cm = agency.contentManager.cookie;
    const add = await raw(t.app, 'POST', `/api/fact-requests/${request.id}/items`, {
      cookie: cm,
      body: { question: 'Фото', dueOn: kyivDay(-1) },
    });
    expect(add.status).toBe(400);
    expect(add.body.error.fields.dueOn).toMatch(/past/);
    const today = await api(t.app, endpoints.createFactItem, {
      params: { requestId: request.id },
      cookie: cm,
      body: { question: 'Фото', dueOn: kyivDay(0) },
    });
    expect(today.status).toBe(201);
    const moved = await raw(t.app, 'PATCH', `/api/fact-items/${items[0]!.id}`, {
      cookie: cm,
      body: { dueOn: kyivDay(-3), version: 1 },
    });
    expect(moved.status).toBe(400);
    const [row] = await db.select().from(factRequests).where(eq(factRequests.id, request.id));
    expect(row!.status).toBe('sent');
  });

  it('removing or relaxing the last open required item completes the request; adding one reopens it', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const { request, items, plan } = await makeSentRequest(db, agency, [
      { question: 'Ціна', status: 'accepted', answer: { kind: 'text', text: '1' } },
      { question: 'Фото' },
      { question: 'Цитата' },
    ]);
    const cm = agency.contentManager.cookie;
    // Nothing answered yet: a follow-up has nothing to follow; the thread is for questions.
    const early = await api(t.app, endpoints.askFactFollowUp, {
      params: { itemId: items[1]!.id },
      cookie: cm,
      body: { body: 'Які саме?', reviewVersion: 1 },
    });
    expect(early.status).toBe(409);
    await api(t.app, endpoints.deleteFactItem, { params: { itemId: items[1]!.id }, cookie: cm });
    const relaxed = await api(t.app, endpoints.updateFactItem, {
      params: { itemId: items[2]!.id },
      cookie: cm,
      body: { required: false, version: 1 },
    });
    expect(relaxed.status).toBe(200);
    const done = await api(t.app, endpoints.getFactRequest, {
      params: { requestId: request.id },
      cookie: cm,
    });
    expect(done.body.request.status).toBe('complete');
    // The month's facts deadline was yesterday.
    await db
      .update(cycles)
      .set({ deadlines: { ...plan.cycle.deadlines, facts: kyivDay(-1) } })
      .where(eq(cycles.id, plan.cycle.id));
    const more = await api(t.app, endpoints.createFactItem, {
      params: { requestId: request.id },
      cookie: cm,
      body: { question: 'Ще одне фото' },
    });
    expect(more.status).toBe(201);
    // Added without a date: the facts deadline, or today when it has passed, never earlier.
    expect(more.body.item.dueOn).toBe(kyivDay(0));
    const reopened = await api(t.app, endpoints.getFactRequest, {
      params: { requestId: request.id },
      cookie: cm,
    });
    expect(reopened.body.request).toMatchObject({ status: 'sent', completedAt: null });
  });
});
