import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadState } from '../../src/server/collab/store.ts';
import {
  clientPlans,
  contingencies,
  cycles,
  notifications,
  outbox,
  posts,
  slots,
  topics,
  unplannedChanges,
  users,
} from '../../src/server/db/schema/index.ts';
import { sendPendingEmails } from '../../src/server/notifications/emails.ts';
import { closeFinishedMonths } from '../../src/server/posts/closeMonths.ts';
import { copyDocument, copyOf } from '../../src/server/posts/copyDoc.ts';
import { syncCopy } from '../../src/server/posts/copySync.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeAgency, type TestAgency } from '../support/factories.ts';
import { caller, raw } from '../support/http.ts';
import { editCopy, firstRun, makeWritingMonth, setCopy } from '../support/posts.ts';
import { worker } from '../support/work.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Calls through the endpoint catalogue with this session. */
const as = (cookie: string) => caller(t.app, cookie);
const requester = {
  urgency: 'today',
  requesterSide: 'client',
  requesterName: 'Олена',
  reason: 'Новина дня',
} as const;

/** A writing month whose first post the client approved in round 1. */
async function approvedPost(agency: TestAgency, copy: string) {
  const db = t.database.db;
  const plan = await makeWritingMonth(db, agency);
  const cm = as(agency.contentManager.cookie);
  const postId: string = (
    await cm(endpoints.createPost, {
      params: { cycleId: plan.cycle.id },
      body: { slotId: plan.slots[0]!.id },
    })
  ).body.post.id;
  await setCopy(db, postId, copy);
  const v = (await cm(endpoints.getPost, { params: { postId } })).body.post.version;
  await cm(endpoints.movePost, { params: { postId }, body: { to: 'client_review', version: v } });
  await as(agency.approver.cookie)(endpoints.movePost, {
    params: { postId },
    body: { to: 'approved', revision: 1 },
  });
  return { plan, postId, cm };
}

/** The copy as stored, in a live Yjs document (what Hocuspocus holds), after an edit. */
async function liveDoc(postId: string) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await loadState(t.database.db, copyDocument(postId)))!);
  return doc;
}

describe('same-day rewrites', () => {
  it("are noticed on the publish day in the client's time zone, not the server's", async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const { plan, postId } = await approvedPost(agency, 'Новий купаж.');
    // Published at 00:30 in Kyiv on 8 December: still 7 December in UTC.
    await db
      .update(slots)
      .set({ startsAt: new Date('2026-12-07T22:30:00Z') })
      .where(eq(slots.id, plan.slots[0]!.id));
    const name = copyDocument(postId);
    await editCopy(db, postId, (f) => firstRun(f).insert(0, 'Терміново! '));
    // 23:00 on 7 December in Kyiv: the day before, though UTC's date matches the slot's.
    await syncCopy(db, name, await liveDoc(postId), new Date('2026-12-07T21:00:00Z'));
    expect(await db.select().from(unplannedChanges).where(eq(unplannedChanges.postId, postId))).toHaveLength(
      0,
    );
    const [row] = await db.select().from(posts).where(eq(posts.id, postId));
    expect(row!.copyText).toBe('Терміново! Новий купаж.');

    await editCopy(db, postId, (f) => firstRun(f).insert(0, '⚡ '));
    // 01:00 on 8 December in Kyiv (still 7 December in UTC): the publish day.
    await syncCopy(db, name, await liveDoc(postId), new Date('2026-12-07T23:00:00Z'));
    await editCopy(db, postId, (f) => firstRun(f).insert(0, '!'));
    await syncCopy(db, name, await liveDoc(postId), new Date('2026-12-08T08:00:00Z'));
    const noticed = await as(agency.contentManager.cookie)(endpoints.listUnplannedChanges, {
      params: { cycleId: plan.cycle.id },
    });
    // Several edits that day are one rewrite.
    expect(noticed.body.changes).toHaveLength(1);
    expect(noticed.body.changes[0]).toMatchObject({
      kind: 'same_day_rewrite',
      detected: true,
      happenedOn: '2026-12-08',
      postId,
      covered: false,
    });
    // The agency sees the approved copy changed; the client still reads what it approved.
    const team = await as(agency.contentManager.cookie)(endpoints.getPost, { params: { postId } });
    expect(team.body.post.editedAfterApproval).toBe(true);
    const client = await as(agency.approver.cookie)(endpoints.getPost, { params: { postId } });
    expect(client.body.post).toMatchObject({ copyText: 'Новий купаж.', editedAfterApproval: false });
    // Nor do the client's insights count it: the rewrite Plit noticed is the agency's (issue 15).
    const rewritesFor = async (cookie: string) => {
      const insights = await as(cookie)(endpoints.getClientInsights, {
        params: { clientId: agency.client.id },
        query: {},
      });
      expect(insights.status).toBe(200);
      return insights.body.months.find((m) => m.cycleId === plan.cycle.id)?.figures.rewrites;
    };
    expect(await rewritesFor(agency.contentManager.cookie)).toBe(1);
    expect(await rewritesFor(agency.approver.cookie)).toBe(0);
  });

  it('reads the copy as plain text the way the editor counts it', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('default');
    const p1 = new Y.XmlElement('paragraph');
    p1.insert(0, [new Y.XmlText('Рядок'), new Y.XmlElement('hardBreak'), new Y.XmlText('два')]);
    const p2 = new Y.XmlElement('paragraph');
    fragment.insert(0, [p1, p2, new Y.XmlElement('paragraph')]);
    (fragment.get(2) as Y.XmlElement).insert(0, [new Y.XmlText('кінець')]);
    expect(copyOf(doc).layout.text).toBe('Рядок\nдва\n\nкінець');
  });
});

describe('unplanned changes', () => {
  it('a replacement sends the old topic to the reserve and the post back to draft', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const { plan, postId, cm } = await approvedPost(agency, 'Текст.');
    const [reserved] = await db
      .insert(topics)
      .values({ clientId: agency.client.id, title: 'З резерву', source: 'agency', status: 'parked' })
      .returning();
    const logged = await cm(endpoints.logUnplannedChange, {
      params: { cycleId: plan.cycle.id },
      body: {
        kind: 'replacement',
        ...requester,
        postId,
        topicId: reserved!.id,
      },
    });
    expect(logged.status, JSON.stringify(logged.body)).toBe(201);
    expect(logged.body.change).toMatchObject({
      kind: 'replacement',
      oldTopicId: plan.topics[0]!.id,
      newTopicTitle: 'З резерву',
      covered: false,
    });
    const post = await cm(endpoints.getPost, { params: { postId } });
    expect(post.body.post).toMatchObject({ status: 'draft', topicTitle: 'З резерву', approvedRound: null });
    const reserve = await cm(endpoints.listReserve, { params: { clientId: agency.client.id } });
    expect(reserve.body.topics.map((x: { id: string }) => x.id)).toContain(plan.topics[0]!.id);
    // A client contact reads the log but does not write it.
    const refused = await as(agency.approver.cookie)(endpoints.logUnplannedChange, {
      params: { cycleId: plan.cycle.id },
      body: {
        kind: 'same_day_rewrite',
        ...requester,
        postId,
      },
    });
    expect(refused.status).toBe(403);
    expect(
      (
        await as(agency.approver.cookie)(endpoints.listUnplannedChanges, {
          params: { cycleId: plan.cycle.id },
        })
      ).body.changes,
    ).toHaveLength(1);
  });

  it('a situational post adds a slot and a draft post; an activated contingency is covered', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const plan = await makeWritingMonth(db, agency);
    const cm = as(agency.contentManager.cookie);
    const situational = await cm(endpoints.logUnplannedChange, {
      params: { cycleId: plan.cycle.id },
      body: {
        kind: 'situational',
        ...requester,
        topic: { title: 'Ми на фестивалі', angle: '' },
        startsAt: '2026-12-12T10:00:00Z',
        channelId: agency.client.channel.id,
        format: 'story',
      },
    });
    expect(situational.status, JSON.stringify(situational.body)).toBe(201);
    const made = await cm(endpoints.getPost, { params: { postId: situational.body.postId! } });
    expect(made.body.post).toMatchObject({ status: 'draft', topicTitle: 'Ми на фестивалі', format: 'story' });
    // The client reads the change in the shared plan, but not the id of a post not sent yet.
    const seen = await as(agency.approver.cookie)(endpoints.listUnplannedChanges, {
      params: { cycleId: plan.cycle.id },
    });
    expect(seen.body.changes.map((c) => [c.kind, c.postId])).toEqual([['situational', null]]);
    expect(JSON.stringify(seen.body)).not.toContain(situational.body.postId!);
    // Outside the month: refused, nothing added.
    const outside = await raw(t.app, 'POST', `/api/cycles/${plan.cycle.id}/changes`, {
      cookie: agency.contentManager.cookie,
      body: {
        kind: 'situational',
        ...requester,
        topic: { title: 'Січень', angle: '' },
        startsAt: '2027-01-12T10:00:00Z',
        channelId: agency.client.channel.id,
        format: 'post',
      },
    });
    expect(outside.status).toBe(400);

    const [planRow] = await db
      .insert(clientPlans)
      .values({ cycleId: plan.cycle.id, title: 'Запуск зимового меню', likelihood: 'likely' })
      .returning();
    const [contingency] = await db
      .insert(contingencies)
      .values({
        planId: planRow!.id,
        concept: 'Якщо запуск перенесуть: пост «Скоро» з тизером',
        trigger: 'Запуск перенесено',
        channelId: agency.client.channel.id,
        format: 'post',
      })
      .returning();
    const body = {
      startsAt: '2026-12-15T09:00:00Z',
      urgency: 'asap',
      requesterSide: 'client',
      requesterName: 'Олена',
    } as const;
    const activated = await cm(endpoints.activateContingency, {
      params: { contingencyId: contingency!.id },
      body,
    });
    expect(activated.status, JSON.stringify(activated.body)).toBe(201);
    expect(activated.body.change).toMatchObject({
      kind: 'situational',
      covered: true,
      contingencyId: contingency!.id,
      reason: 'Запуск перенесено',
    });
    const drafted = await cm(endpoints.getPost, { params: { postId: activated.body.postId! } });
    expect(drafted.body.post).toMatchObject({ status: 'draft', copyText: contingency!.concept });
    const again = await cm(endpoints.activateContingency, {
      params: { contingencyId: contingency!.id },
      body,
    });
    expect(again.status).toBe(409);
    // Another agency cannot even see it.
    const other = await makeAgency(db);
    expect(
      (
        await as(other.contentManager.cookie)(endpoints.activateContingency, {
          params: { contingencyId: contingency!.id },
          body,
        })
      ).status,
    ).toBe(404);
  });

  it('closes a running month when it is over and sends unused topics to the reserve', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const plan = await makeWritingMonth(db, agency);
    await db.update(cycles).set({ stage: 'running', month: '2026-10' }).where(eq(cycles.id, plan.cycle.id));
    const closed = await closeFinishedMonths(worker(t.database), new Date('2026-11-01T12:00:00Z'));
    expect(closed).toBeGreaterThanOrEqual(1);
    const [row] = await db.select().from(cycles).where(eq(cycles.id, plan.cycle.id));
    expect(row!.stage).toBe('closed');
    // The third topic was in no slot: it waits in the reserve.
    const [unused] = await db.select().from(topics).where(eq(topics.id, plan.topics[2]!.id));
    expect(unused).toMatchObject({ cycleId: null, status: 'parked' });
  });
});

describe('notification emails', () => {
  it("mail at once, or once a day after 08:00 in the client's zone, or not at all", async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    await db.update(users).set({ emailNotifications: 'daily' }).where(eq(users.id, agency.approver.id));
    const { plan, cm } = await approvedPost(agency, 'Перший.');
    const second = (
      await cm(endpoints.createPost, {
        params: { cycleId: plan.cycle.id },
        body: { slotId: plan.slots[1]!.id },
      })
    ).body.post.id;
    await setCopy(db, second, 'Другий.');
    await cm(endpoints.movePost, {
      params: { postId: second },
      body: {
        to: 'client_review',
        version: (await cm(endpoints.getPost, { params: { postId: second } })).body.post.version,
      },
    });
    const mailsTo = async (email: string) =>
      (await db.select().from(outbox).where(eq(outbox.toEmail, email))).length;
    // 07:00 in Kyiv: the digest waits.
    await sendPendingEmails(worker(t.database), new Date('2026-12-01T05:00:00Z'));
    expect(await mailsTo(agency.approver.email)).toBe(0);
    await sendPendingEmails(worker(t.database), new Date('2026-12-01T06:30:00Z'));
    expect(await mailsTo(agency.approver.email)).toBe(1);
    const [digest] = await db.select().from(outbox).where(eq(outbox.toEmail, agency.approver.email));
    expect(digest!.text).toContain('постів чекають на ваше погодження – 2');
    // Once a day, however often the worker looks.
    await sendPendingEmails(worker(t.database), new Date('2026-12-01T07:00:00Z'));
    expect(await mailsTo(agency.approver.email)).toBe(1);
    const pending = await db.select().from(notifications).where(eq(notifications.userId, agency.approver.id));
    expect(pending.every((n) => !n.emailPending)).toBe(true);
  });
});
