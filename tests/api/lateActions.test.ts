import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factItems, meetings, postStatusChanges, posts, sessions } from '../../src/server/db/schema/index.ts';
import { errorCatalogue } from '../../src/server/errors.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { en } from '../../src/web/i18n/en.ts';
import { uk } from '../../src/web/i18n/uk.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { errorOf } from '../support/errors.ts';
import { makeAgency, type TestAgency } from '../support/factories.ts';
import { makeSentRequest } from '../support/facts.ts';
import { api, caller } from '../support/http.ts';
import { makePlanForMeeting } from '../support/meetings.ts';
import { makeWritingMonth, setCopy } from '../support/posts.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const as = (cookie: string) => caller(t.app, cookie);

/** A post of a writing month, sent to the client for review (revision 1). */
async function postInReview(agency: TestAgency) {
  const plan = await makeWritingMonth(t.database.db, agency);
  const cm = as(agency.contentManager.cookie);
  const created = await cm(endpoints.createPost, {
    params: { cycleId: plan.cycle.id },
    body: { slotId: plan.slots[0]!.id },
  });
  const postId: string = created.body.post.id;
  await setCopy(t.database.db, postId, 'Новий купаж з Ефіопії.');
  const sent = await cm(endpoints.movePost, {
    params: { postId },
    body: { to: 'client_review', version: created.body.post.version },
  });
  expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  return { plan, postId, cm, version: sent.body.post.version as number };
}

describe('[17.bad] a late or double action says what happened and changes nothing', () => {
  it('[17.bad] approving a post the agency took back answers post_not_in_review, and the post stays as the agency left it', async () => {
    const agency = await makeAgency(t.database.db);
    const { postId, cm, version } = await postInReview(agency);
    // The client's page still shows revision 1 waiting; meanwhile the agency takes it back.
    const back = await cm(endpoints.movePost, { params: { postId }, body: { to: 'draft', version } });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    const [before] = await t.database.db.select().from(posts).where(eq(posts.id, postId));
    const moves = (
      await t.database.db.select().from(postStatusChanges).where(eq(postStatusChanges.postId, postId))
    ).length;

    for (const to of ['approved', 'changes_requested'] as const) {
      const late = await as(agency.approver.cookie)(endpoints.movePost, {
        params: { postId },
        body: to === 'approved' ? { to, revision: 1 } : { to, revision: 1, note: 'Інший заголовок' },
      });
      expect(late.status).toBe(409);
      expect(errorOf(late).code).toBe('post_not_in_review');
    }
    const [after] = await t.database.db.select().from(posts).where(eq(posts.id, postId));
    expect(after).toMatchObject({ status: 'draft', version: before!.version, approvedAt: null, round: 1 });
    expect(
      (await t.database.db.select().from(postStatusChanges).where(eq(postStatusChanges.postId, postId)))
        .length,
    ).toBe(moves);
  });

  it('[17.bad] answering an item the agency accepted answers fact_item_accepted, and the accepted answer stays', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const { items } = await makeSentRequest(db, agency, [
      {
        question: 'Ціна за 250 г',
        status: 'accepted',
        answer: { kind: 'text', text: '320 грн' },
        answerVersion: 2,
        reviewVersion: 3,
      },
    ]);
    const item = items[0]!;
    const client = as(agency.approver.cookie);
    const late = await client(endpoints.submitFactAnswer, {
      params: { itemId: item.id },
      body: { answer: { kind: 'text', text: '350 грн' }, answerVersion: 2 },
    });
    expect(late.status).toBe(409);
    expect(errorOf(late).code).toBe('fact_item_accepted');
    const draft = await client(endpoints.saveFactDraft, {
      params: { itemId: item.id },
      body: { answer: { kind: 'text', text: '350 грн' }, answerVersion: 2 },
    });
    expect(draft.status).toBe(409);
    expect(errorOf(draft).code).toBe('fact_item_accepted');
    const [after] = await db.select().from(factItems).where(eq(factItems.id, item.id));
    expect(after).toMatchObject({
      status: 'accepted',
      answer: { kind: 'text', text: '320 грн' },
      draft: null,
      answerVersion: 2,
      reviewVersion: 3,
    });
    // The agency's side is simply not the one who answers.
    const agencySide = await as(agency.contentManager.cookie)(endpoints.submitFactAnswer, {
      params: { itemId: item.id },
      body: { answer: { kind: 'text', text: '350 грн' }, answerVersion: 2 },
    });
    expect(agencySide.status).toBe(403);
  });

  it('[17.bad] opening the link of a meeting that has ended answers meeting_ended and opens no session', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const plan = await makePlanForMeeting(db, agency);
    const [meeting] = await db
      .insert(meetings)
      .values({
        cycleId: plan.cycle.id,
        clientId: agency.client.id,
        format: 'online',
        status: 'live',
        startsAt: new Date(),
      })
      .returning();
    const copied = await as(agency.contentManager.cookie)(endpoints.copyContactLink, {
      params: { clientId: agency.client.id, userId: agency.approver.id },
      body: { kind: 'meeting', subjectId: meeting!.id },
    });
    expect(copied.status, JSON.stringify(copied.body)).toBe(201);
    const token = copied.body.url.split('/open/')[1]!;
    await db
      .update(meetings)
      .set({ status: 'ended', endedAt: new Date() })
      .where(eq(meetings.id, meeting!.id));
    const sessionsBefore = (await db.select().from(sessions).where(eq(sessions.userId, agency.approver.id)))
      .length;

    const late = await api(t.app, endpoints.openLink, { body: { token } });
    expect(late.status).toBe(409);
    expect(errorOf(late).code).toBe('meeting_ended');
    expect(late.cookie).toBeNull();
    expect((await db.select().from(sessions).where(eq(sessions.userId, agency.approver.id))).length).toBe(
      sessionsBefore,
    );
    // A link that was never valid still says only that.
    const bogus = await api(t.app, endpoints.openLink, { body: { token: `${token.slice(0, -4)}AAAA` } });
    expect(errorOf(bogus).code).toBe('token_invalid');
    // Signed in, the person finds the ended meeting, with nothing left to contribute.
    const signedIn = await as(agency.approver.cookie)(endpoints.getMeeting, {
      params: { meetingId: meeting!.id },
    });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.meeting).toMatchObject({
      status: 'ended',
      abilities: { contribute: false, vote: false },
    });
  });

  it('[17.bad] every catalogue error is worded in English and in Ukrainian, so the web never shows a bare code', () => {
    const codes = Object.keys(errorCatalogue);
    const missing = (words: { errors: { codes: Record<string, string> } }) =>
      codes.filter((code) => !words.errors.codes[code]);
    expect(missing(en)).toEqual([]);
    expect(missing(uk)).toEqual([]);
  });
});
