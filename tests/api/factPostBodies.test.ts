import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factItems, postComments, posts } from '../../src/server/db/schema/index.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeAgency } from '../support/factories.ts';
import { makeSentRequest } from '../support/facts.ts';
import { api, raw } from '../support/http.ts';
import { makeWritingMonth } from '../support/posts.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/**
 * Issue 13, bad input: a field the endpoint does not know is refused with a 400 that names it.
 * On c553c9c these bodies were stripped of the unknown key and the rest was applied (200/201),
 * so a typo silently dropped the change it meant to make.
 */
describe('fact and post bodies refuse fields they do not declare', () => {
  it('a typo in a fact item change is a 400 naming the field, and the item stays as it was', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const { items } = await makeSentRequest(db, agency, [{ question: 'Ціна за 250 г', required: true }]);
    const item = items[0]!;
    const typo = await raw(t.app, 'PATCH', `/api/fact-items/${item.id}`, {
      cookie: agency.contentManager.cookie,
      body: { version: 1, question: 'Ціна за 500 г', requierd: false },
    });
    expect(typo.status, JSON.stringify(typo.body)).toBe(400);
    expect(typo.body.error.code).toBe('validation_failed');
    expect(typo.body.error.fields).toEqual({ requierd: 'Unknown field' });
    const [row] = await db.select().from(factItems).where(eq(factItems.id, item.id));
    expect(row).toMatchObject({ question: 'Ціна за 250 г', required: true, version: 1 });
  });

  it('a post edit and a nested comment anchor with an unknown field are refused; nothing is stored', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const plan = await makeWritingMonth(db, agency);
    const cookie = agency.contentManager.cookie;
    const created = await api(t.app, endpoints.createPost, {
      params: { cycleId: plan.cycle.id },
      cookie,
      body: { slotId: plan.slots[0]!.id },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const postId: string = created.body.post.id;

    const edit = await raw(t.app, 'PATCH', `/api/posts/${postId}`, {
      cookie,
      body: { version: created.body.post.version, visualBrief: 'Зерна крупним планом', hashtag: ['кава'] },
    });
    expect(edit.status, JSON.stringify(edit.body)).toBe(400);
    expect(edit.body.error.fields).toEqual({ hashtag: 'Unknown field' });
    const [post] = await db.select().from(posts).where(eq(posts.id, postId));
    expect(post!.visualBrief).toBe('');

    const comment = await raw(t.app, 'POST', `/api/posts/${postId}/comments`, {
      cookie,
      body: { revision: 0, body: 'Світліше фото', anchor: { kind: 'visual', assetId: null, asset: 'hero' } },
    });
    expect(comment.status, JSON.stringify(comment.body)).toBe(400);
    expect(comment.body.error.fields).toEqual({ 'anchor.asset': 'Unknown field' });
    expect(await db.select().from(postComments).where(eq(postComments.postId, postId))).toEqual([]);
  });
});
