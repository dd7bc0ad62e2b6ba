import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factTemplates, topics } from '../../src/server/db/schema/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeAgency } from '../support/factories.ts';
import { call } from '../support/http.ts';
import { makePlanForMeeting } from '../support/meetings.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

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
    const created = await call(t.app, 'POST', `/api/cycles/${plan.cycle.id}/meeting`, {
      cookie: cm,
      body: { format: 'online', date: '2026-11-27' },
    });
    const id = created.body.meeting.id;
    await call(t.app, 'POST', `/api/meetings/${id}/start`, { cookie: cm, body: { version: 1 } });
    const ask = async (text: string, topicId: string | null, status: 'for_facts' | 'open') => {
      const q = await call(t.app, 'POST', `/api/meetings/${id}/questions`, {
        cookie: cm,
        body: { text, topicId },
      });
      if (status === 'for_facts') {
        await call(t.app, 'PATCH', `/api/questions/${q.body.question.id}`, {
          cookie: agency.approver.cookie,
          body: { status, version: 1 },
        });
      }
    };
    await ask('Хто на фото?', second!.id, 'for_facts');
    await ask('Графік свят?', null, 'for_facts');
    await ask('Просто цікаво', null, 'open');
    await call(t.app, 'POST', `/api/meetings/${id}/decisions`, {
      cookie: cm,
      body: { topicId: third!.id, kind: 'drop', topicVersion: 1 },
    });
    const ended = await call(t.app, 'POST', `/api/meetings/${id}/end`, {
      cookie: cm,
      body: { version: 2, acceptUndecided: true },
    });
    expect(ended.status).toBe(200);

    const draft = (await call(t.app, 'GET', `/api/cycles/${plan.cycle.id}/fact-request`, { cookie: cm })).body
      .request;
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
    const client = await call(t.app, 'GET', `/api/cycles/${plan.cycle.id}/fact-request`, {
      cookie: agency.approver.cookie,
    });
    expect(client.body.request).toBeNull();
    const stranger = await call(t.app, 'GET', `/api/cycles/${plan.cycle.id}/fact-request`, {
      cookie: agency.otherClientApprover.cookie,
    });
    expect(stranger.status).toBe(404);
  });
});
