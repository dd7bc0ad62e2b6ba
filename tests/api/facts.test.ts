import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  accessLinks,
  factRequests,
  factTemplates,
  outbox,
  topics,
} from '../../src/server/db/schema/index.ts';
import { formatDate } from '../../src/server/exports/locale.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import type { BodyOf } from '../../src/shared/api/endpoint.ts';
import { errorOf } from '../support/errors.ts';
import { makeAgency } from '../support/factories.ts';
import { kyivDay } from '../support/facts.ts';
import { api, raw } from '../support/http.ts';
import { withMailedApp } from '../support/mailedApp.ts';
import { linkIn } from '../support/mailSink.ts';
import { makePlanForMeeting } from '../support/meetings.ts';

// The fact link is read from the email the contact gets: the outbox shows it redacted.
const t = withMailedApp();

describe('the fact request drafted when the meeting ends', () => {
  it("groups the rubric's standing needs and the questions kept for it by agreed topic", async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const plan = await makePlanForMeeting(db, agency);
    const [first, second, third] = plan.topics;
    await db.update(topics).set({ rubricId: agency.client.rubric.id }).where(eq(topics.id, first!.id));
    await db.insert(factTemplates).values([
      { rubricId: agency.client.rubric.id, question: 'Ціна', kind: 'text', position: 1 },
      { rubricId: agency.client.rubric.id, question: 'Фото упаковки', kind: 'files', position: 2 },
    ]);
    const cm = agency.contentManager.cookie;
    const created = await api(t.app, endpoints.scheduleMeeting, {
      params: { cycleId: plan.cycle.id },
      cookie: cm,
      body: { format: 'online', date: '2026-11-27' },
    });
    const id = created.body.meeting.id;
    await api(t.app, endpoints.startMeeting, { params: { meetingId: id }, cookie: cm, body: { version: 1 } });
    const ask = async (text: string, topicId: string | null, status: 'for_facts' | 'open') => {
      const q = await api(t.app, endpoints.askQuestion, {
        params: { meetingId: id },
        cookie: cm,
        body: { text, topicId },
      });
      if (status === 'for_facts') {
        await api(t.app, endpoints.updateQuestion, {
          params: { questionId: q.body.question.id },
          cookie: agency.approver.cookie,
          body: { status, version: 1 },
        });
      }
    };
    await ask('Хто на фото?', second!.id, 'for_facts');
    await ask('Графік свят?', null, 'for_facts');
    await ask('Просто цікаво', null, 'open');
    await api(t.app, endpoints.decideOnTopic, {
      params: { meetingId: id },
      cookie: cm,
      body: { topicId: third!.id, kind: 'drop', topicVersion: 1 },
    });
    const ended = await api(t.app, endpoints.endMeeting, {
      params: { meetingId: id },
      cookie: cm,
      body: { version: 2, acceptUndecided: true },
    });
    expect(ended.status).toBe(200);

    const draft = (
      await api(t.app, endpoints.getCycleFactRequest, { params: { cycleId: plan.cycle.id }, cookie: cm })
    ).body.request!;
    expect(draft.status).toBe('draft');
    expect(
      draft.items.map((i: { topicId: string | null; question: string; source: string; kind: string }) => [
        i.topicId,
        i.question,
        i.source,
        i.kind,
      ]),
    ).toEqual([
      [first!.id, 'Ціна', 'template', 'text'],
      [first!.id, 'Фото упаковки', 'template', 'files'],
      [second!.id, 'Хто на фото?', 'question', 'text'],
      [null, 'Графік свят?', 'question', 'text'],
    ]);

    // The draft is the agency's until it is sent; a stranger does not learn the month exists.
    const client = await api(t.app, endpoints.getCycleFactRequest, {
      params: { cycleId: plan.cycle.id },
      cookie: agency.approver.cookie,
    });
    expect(client.body.request).toBeNull();
    const stranger = await api(t.app, endpoints.getCycleFactRequest, {
      params: { cycleId: plan.cycle.id },
      cookie: agency.otherClientApprover.cookie,
    });
    expect(stranger.status).toBe(404);
  });

  it('the agency shapes the draft and sends it; then the client sees it, by email too', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const other = await makeAgency(db);
    const plan = await makePlanForMeeting(db, agency);
    const cm = agency.contentManager.cookie;
    const created = await api(t.app, endpoints.scheduleMeeting, {
      params: { cycleId: plan.cycle.id },
      cookie: cm,
      body: { format: 'online', date: '2026-11-27' },
    });
    const id = created.body.meeting.id;
    await api(t.app, endpoints.startMeeting, { params: { meetingId: id }, cookie: cm, body: { version: 1 } });
    await api(t.app, endpoints.endMeeting, {
      params: { meetingId: id },
      cookie: cm,
      body: { version: 2, acceptUndecided: true },
    });
    const draft = (
      await api(t.app, endpoints.getCycleFactRequest, { params: { cycleId: plan.cycle.id }, cookie: cm })
    ).body.request!;
    expect(draft.items).toEqual([]);
    const requestId = draft.id;

    const emptySend = await api(t.app, endpoints.sendFactRequest, {
      params: { requestId },
      cookie: cm,
      body: { version: 1 },
    });
    expect(emptySend.status).toBe(409);
    const add = (body: BodyOf<typeof endpoints.createFactItem>, cookie = cm) =>
      api(t.app, endpoints.createFactItem, { params: { requestId }, cookie, body });
    expect((await add({ question: 'Ціна' }, agency.approver.cookie)).status).toBe(404);
    expect((await add({ question: 'Ціна' }, agency.creator.cookie)).status).toBe(403);
    // Bad items: a topic or contact of someone else, a choice with nothing to choose from.
    const addBad = (body: unknown) =>
      raw(t.app, 'POST', `/api/fact-requests/${requestId}/items`, { cookie: cm, body });
    const foreignTopic = await addBad({ question: 'Ціна', topicId: crypto.randomUUID() });
    expect(foreignTopic.body.error.fields.topicId).toBeTruthy();
    const foreignContact = await addBad({ question: 'Ціна', contactId: other.approver.id });
    expect(foreignContact.body.error.fields.contactId).toBeTruthy();
    const oneChoice = await addBad({ question: 'Колір?', kind: 'choice', choices: ['Синій'] });
    expect(oneChoice.body.error.fields.choices).toBeTruthy();
    const price = await add({
      question: 'Ціна за 250 г',
      topicId: plan.topics[0]!.id,
      contactId: agency.approver.id,
      dueOn: kyivDay(4),
    });
    expect(price.status).toBe(201);
    expect(price.body.item).toMatchObject({
      source: 'manual',
      required: true,
      dueOn: kyivDay(4),
      status: 'open',
    });
    const photos = await add({ question: 'Фото', kind: 'files', required: false });
    const renamed = await api(t.app, endpoints.updateFactItem, {
      params: { itemId: photos.body.item.id },
      cookie: cm,
      body: { question: 'Фото пачки', version: 1 },
    });
    expect(renamed.body.item.question).toBe('Фото пачки');
    const stale = await api(t.app, endpoints.updateFactItem, {
      params: { itemId: photos.body.item.id },
      cookie: cm,
      body: { question: 'Інше', version: 1 },
    });
    expect(stale.status).toBe(409);

    const sent = await api(t.app, endpoints.sendFactRequest, {
      params: { requestId },
      cookie: cm,
      body: { version: 1 },
    });
    expect(sent.status).toBe(200);
    const seen = (
      await api(t.app, endpoints.getCycleFactRequest, {
        params: { cycleId: plan.cycle.id },
        cookie: agency.approver.cookie,
      })
    ).body.request!;
    expect(seen).toMatchObject({ status: 'sent' });
    expect(seen.items.map((i: { question: string }) => i.question)).toEqual(['Ціна за 250 г', 'Фото пачки']);
    const mail = await db.select().from(outbox).where(eq(outbox.toEmail, agency.approver.email));
    expect(mail.some((m) => m.subject.startsWith('Запит на фактаж'))).toBe(true);
    const again = await api(t.app, endpoints.sendFactRequest, {
      params: { requestId },
      cookie: cm,
      body: { version: 2 },
    });
    expect(again.status).toBe(403);
  });

  it("a rubric's standing needs are kept by the agency, per client, and feed the next draft", async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const cm = agency.contentManager.cookie;
    const clientId = agency.client.id;
    const rubricId = agency.client.rubric.id;
    const price = await api(t.app, endpoints.createFactTemplate, {
      params: { clientId, rubricId },
      cookie: cm,
      body: { question: 'Ціна' },
    });
    expect(price.status).toBe(201);
    const size = await api(t.app, endpoints.createFactTemplate, {
      params: { clientId, rubricId },
      cookie: cm,
      body: { question: 'Розмір пачки', kind: 'choice', choices: ['250 г', '1 кг'] },
    });
    expect(size.body.template).toMatchObject({ kind: 'choice', position: 2 });
    const broken = await raw(
      t.app,
      'PATCH',
      `/api/clients/${clientId}/fact-templates/${size.body.template.id}`,
      {
        cookie: cm,
        body: { choices: ['250 г'], version: 1 },
      },
    );
    expect(broken.status).toBe(400);
    // Another client's rubric, or its template through this client's address, is not found.
    const foreign = await api(t.app, endpoints.updateFactTemplate, {
      params: { clientId: agency.otherClient.id, templateId: price.body.template.id },
      cookie: cm,
      body: { required: false, version: 1 },
    });
    expect(foreign.status).toBe(404);
    const listed = await api(t.app, endpoints.listFactTemplates, {
      params: { clientId, rubricId },
      cookie: agency.creator.cookie,
    });
    expect(listed.body.templates.map((x: { question: string }) => x.question)).toEqual([
      'Ціна',
      'Розмір пачки',
    ]);
  });
});

describe('the link in the fact request email', () => {
  it('signs the contact in and opens the request, again and again until it expires', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
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
    expect(sent.status).toBe(200);
    const mail = await t.sink.waitFor(agency.approver.email, { subject: /^Запит на фактаж/ });
    const token = /^http:\/\/plit\.test\/open\/([A-Za-z0-9_-]{43})$/.exec(
      linkIn(mail.text, 'open') ?? '',
    )?.[1];
    expect(token).toBeTruthy();
    // The due date, as each language writes it.
    expect(mail.text).toContain(formatDate('uk', kyivDay(5)));
    expect(mail.text).toContain(formatDate('en', kyivDay(5)));
    const bell = await api(t.app, endpoints.listNotifications, { cookie: agency.approver.cookie });
    expect(bell.body.notifications[0]).toMatchObject({
      kind: 'fact_request_sent',
      link: `/facts/${request!.id}`,
    });

    for (let i = 0; i < 2; i++) {
      const opened = await api(t.app, endpoints.openLink, { body: { token: token! } });
      expect(opened.status).toBe(200);
      expect(opened.body).toMatchObject({
        opens: { kind: 'facts', subjectId: request!.id },
        me: { user: { email: agency.approver.email }, scope: { kind: 'facts' } },
      });
      const page = await api(t.app, endpoints.getFactRequest, {
        params: { requestId: request!.id },
        cookie: opened.cookie,
      });
      expect(page.status).toBe(200);
      expect(page.body.request.abilities.answer).toBe(true);
    }
    const wrong = await api(t.app, endpoints.openLink, { body: { token: `${token!.slice(1)}x` } });
    expect(wrong.status).toBe(404);
    expect(errorOf(wrong).code).toBe('token_invalid');
    // 14 days without use end a link.
    await db.update(accessLinks).set({ lastUsedAt: new Date(Date.now() - 15 * 86_400_000) });
    const expired = await api(t.app, endpoints.openLink, { body: { token: token! } });
    expect(expired.status).toBe(404);
  });
});
