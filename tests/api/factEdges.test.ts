import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  clientMembers,
  factItems,
  factRequests,
  notifications,
  outbox,
} from '../../src/server/db/schema/index.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { makeAgency } from '../support/factories.ts';
import { kyivDay, makeSentRequest } from '../support/facts.ts';
import { api, raw } from '../support/http.ts';
import { withMailedApp } from '../support/mailedApp.ts';
import { linkIn } from '../support/mailSink.ts';
import { makePng, upload } from '../support/uploads.ts';

// Fact links are read from the email the contact gets: the outbox shows them redacted.
const t = withMailedApp();

/** The fact link's secret in the follow-up email to this address, as the person receives it. */
async function followUpToken(email: string) {
  const mail = await t.sink.waitFor(email, { subject: /^Уточнення/ });
  return /^http:\/\/plit\.test\/open\/([A-Za-z0-9_-]{43})$/.exec(linkIn(mail.text, 'open') ?? '')?.[1];
}

describe('fact request edges', () => {
  it("a contact of two agencies gets sign-in links that neither agency's outbox shows", async () => {
    const db = t.database.db;
    const a = await makeAgency(db);
    const b = await makeAgency(db);
    // A's approver is also a contact of B's client (a brand working with two agencies).
    await db.insert(clientMembers).values({ clientId: b.client.id, userId: a.approver.id, role: 'approver' });
    const { items } = await makeSentRequest(db, a, [
      {
        question: 'Ціна',
        status: 'answered',
        answer: { kind: 'text', text: '1' },
        answerVersion: 2,
        reviewVersion: 2,
      },
    ]);
    await api(t.app, endpoints.askFactFollowUp, {
      params: { itemId: items[0]!.id },
      cookie: a.contentManager.cookie,
      body: { body: 'З ПДВ?', reviewVersion: 2 },
    });
    // The link reaches the contact; the outbox's copy belongs to neither agency.
    expect(await followUpToken(a.approver.email)).toBeTruthy();
    const [mail] = await db.select().from(outbox).where(eq(outbox.toEmail, a.approver.email));
    expect(mail!.agencyId).toBeNull();
    const listed = await api(t.app, endpoints.listOutboxMessages, { cookie: a.owner.cookie });
    expect(JSON.stringify(listed.body)).not.toContain(a.approver.email);
  });

  it('a file added to or removed from a submitted answer makes a stale review refuse; removing the last settles', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const { request, items } = await makeSentRequest(db, agency, [
      { question: 'Ціна', status: 'accepted', answer: { kind: 'text', text: '1' } },
      { question: 'Фото', kind: 'files', required: false },
    ]);
    const photos = items[1]!;
    const first = await upload(t.app, photos.id, agency.approver.cookie, 'a.png', makePng());
    await api(t.app, endpoints.submitFactAnswer, {
      params: { itemId: photos.id },
      cookie: agency.approver.cookie,
      body: { answer: { kind: 'files', note: '' }, answerVersion: 1 },
    });
    const seen = (
      await api(t.app, endpoints.getFactRequest, {
        params: { requestId: request.id },
        cookie: agency.contentManager.cookie,
      })
    ).body.request.items[1]!.reviewVersion;
    await upload(t.app, photos.id, agency.approver.cookie, 'b.png', makePng(8, 8));
    const stale = await api(t.app, endpoints.acceptFactAnswer, {
      params: { itemId: photos.id },
      cookie: agency.contentManager.cookie,
      body: { reviewVersion: seen },
    });
    expect(stale.status).toBe(409);
    // Both files go: the item is open again, and with only an optional item open the request is complete.
    const fileIds = first.body.request.items[1].files.map((f: { id: string }) => f.id);
    const now = (
      await api(t.app, endpoints.getFactRequest, {
        params: { requestId: request.id },
        cookie: agency.approver.cookie,
      })
    ).body.request.items[1]!.files.map((f: { id: string }) => f.id);
    for (const id of new Set([...fileIds, ...now])) {
      await api(t.app, endpoints.deleteFactFile, { params: { fileId: id }, cookie: agency.approver.cookie });
    }
    const after = await api(t.app, endpoints.getFactRequest, {
      params: { requestId: request.id },
      cookie: agency.approver.cookie,
    });
    expect(after.body.request.items[1]).toMatchObject({ status: 'open', answer: null, answeredBy: null });
    expect(after.body.request.status).toBe('complete');
  });

  it('refuses files for an item that asks for text, and a torn upload, with a 400', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const { items } = await makeSentRequest(db, agency, [
      { question: 'Ціна' },
      { question: 'Фото', kind: 'files' },
    ]);
    const wrong = await upload(t.app, items[0]!.id, agency.approver.cookie, 'a.png', makePng());
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields.file).toBeTruthy();
    const torn = await raw(t.app, 'POST', `/api/fact-items/${items[1]!.id}/files`, {
      cookie: agency.approver.cookie,
      body: Buffer.concat([
        Buffer.from('--XX\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n'),
        makePng(),
      ]),
      headers: { 'content-type': 'multipart/form-data; boundary=XX' },
    });
    expect(torn.status).toBe(400);
    expect(torn.body.error.fields.file).toMatch(/cut off/);
  });

  it('an answered item keeps its kind; a request is not sent with past due dates', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const { request, items } = await makeSentRequest(db, agency, [
      {
        question: 'Розмір',
        kind: 'choice',
        choices: ['S', 'M'],
        status: 'answered',
        answer: { kind: 'choice', choice: 'S' },
      },
    ]);
    const cm = agency.contentManager.cookie;
    const reshaped = await api(t.app, endpoints.updateFactItem, {
      params: { itemId: items[0]!.id },
      cookie: cm,
      body: { kind: 'date', version: 1 },
    });
    expect(reshaped.status).toBe(409);
    const reworded = await api(t.app, endpoints.updateFactItem, {
      params: { itemId: items[0]!.id },
      cookie: cm,
      body: { question: 'Розмір пачки', version: 1 },
    });
    expect(reworded.status).toBe(200);
    // Saying nothing about the choices keeps them.
    expect(reworded.body.item.choices).toEqual(['S', 'M']);

    // A draft left lying for days: its due date is in the past now.
    await db
      .update(factRequests)
      .set({ status: 'draft', sentAt: null })
      .where(eq(factRequests.id, request.id));
    await db
      .update(factItems)
      .set({ dueOn: kyivDay(-2) })
      .where(eq(factItems.id, items[0]!.id));
    const send = await raw(t.app, 'POST', `/api/fact-requests/${request.id}/send`, {
      cookie: cm,
      body: { version: 1 },
    });
    expect(send.status).toBe(400);
    expect(send.body.error.message).toMatch(/due before today/);
  });

  it('folds notifications per item, and the emailed link stops when the person stops being a contact', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const { items } = await makeSentRequest(db, agency, [{ question: 'A' }, { question: 'B' }]);
    for (const i of [0, 1, 1, 1]) {
      await api(t.app, endpoints.writeFactMessage, {
        params: { itemId: items[i]!.id },
        cookie: agency.approver.cookie,
        body: { body: `питання ${i}` },
      });
    }
    const bell = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, agency.owner.id), eq(notifications.kind, 'fact_message')));
    expect(bell.map((n) => Number(n.data.count)).sort()).toEqual([1, 3]);

    await api(t.app, endpoints.writeFactMessage, {
      params: { itemId: items[0]!.id },
      cookie: agency.contentManager.cookie,
      body: { body: 'Дякуємо' },
    });
    // A link from a follow-up email to the approver, then the approver leaves the client.
    await api(t.app, endpoints.submitFactAnswer, {
      params: { itemId: items[0]!.id },
      cookie: agency.approver.cookie,
      body: { answer: { kind: 'text', text: '1' }, answerVersion: 1 },
    });
    await api(t.app, endpoints.askFactFollowUp, {
      params: { itemId: items[0]!.id },
      cookie: agency.contentManager.cookie,
      body: { body: 'Точно?', reviewVersion: 2 },
    });
    const token = await followUpToken(agency.approver.email);
    expect(token).toBeTruthy();
    expect((await api(t.app, endpoints.openLink, { body: { token: token! } })).status).toBe(200);
    await db
      .delete(clientMembers)
      .where(and(eq(clientMembers.userId, agency.approver.id), eq(clientMembers.clientId, agency.client.id)));
    expect((await api(t.app, endpoints.openLink, { body: { token: token! } })).status).toBe(404);
  });
});
