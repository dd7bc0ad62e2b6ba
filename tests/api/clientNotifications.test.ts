import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { factRequests, notifications } from '../../src/server/db/schema/index.ts';
import { sendPendingEmails } from '../../src/server/notifications/emails.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { makeAgency, makeContact, type TestAgency, type TestUser } from '../support/factories.ts';
import { kyivDay } from '../support/facts.ts';
import { api, raw } from '../support/http.ts';
import { withMailedApp } from '../support/mailedApp.ts';
import type { ReceivedMail } from '../support/mailSink.ts';
import { makePlanForMeeting } from '../support/meetings.ts';
import { makeWritingMonth, setCopy } from '../support/posts.ts';
import { worker } from '../support/work.ts';

// Issue 17, "Notifications that reach the client": who is told of what, in the bell and by email,
// and where each emailed link lands. Emails are read from the SMTP sink, as the person reads them.

const ORIGIN = 'http://plit.test';
const t = withMailedApp({ PUBLIC_URL: ORIGIN });

/** The agency and, beside its approver, a contributor of the same client. */
async function people() {
  const agency = await makeAgency(t.database.db);
  const contributor = await makeContact(t.database.db, agency.client.id, 'contributor');
  return { agency, contributor };
}

const bellOf = async (user: TestUser) => {
  const reply = await api(t.app, endpoints.listNotifications, { cookie: user.cookie, query: {} });
  expect(reply.status).toBe(200);
  return reply.body.notifications;
};

/** One round of the notification mailer, as a server process runs it, into the sink. */
const mailWhatWaits = () => sendPendingEmails(worker(t.database, { SMTP_URL: t.sink.url }));

/** The scoped link in an email and the page it lands on (`?next=`), if any. */
function scopedLinkIn(mail: ReceivedMail) {
  const match = new RegExp(`${ORIGIN}/open/([A-Za-z0-9_-]{20,})(?:\\?next=([^\\s"<>]+))?`).exec(mail.text);
  expect(match, mail.text).not.toBeNull();
  return { token: match![1]!, next: match![2] ? decodeURIComponent(match![2]) : null };
}

const openLink = (token: string) => api(t.app, endpoints.openLink, { body: { token } });

/** Nobody on this list was told, in the bell or by email. */
async function notTold(users: TestUser[], kind: string, subject: RegExp) {
  for (const user of users) {
    expect((await bellOf(user)).filter((n) => n.kind === kind)).toEqual([]);
    expect(t.sink.received.filter((m) => m.to.includes(user.email) && subject.test(m.subject))).toEqual([]);
  }
}

async function scheduleMeeting(
  agency: TestAgency,
  format: 'online' | 'async',
  participantIds: string[] = [],
) {
  const plan = await makePlanForMeeting(t.database.db, agency);
  const created = await api(t.app, endpoints.scheduleMeeting, {
    params: { cycleId: plan.cycle.id },
    cookie: agency.contentManager.cookie,
    body: { format, date: '2026-11-27', participantIds },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { plan, meetingId: created.body.meeting.id };
}

/** The owner opens the room, so the content manager is one of those who watch, not the starter. */
async function startMeeting(agency: TestAgency, meetingId: string) {
  const started = await api(t.app, endpoints.startMeeting, {
    params: { meetingId },
    cookie: agency.owner.cookie,
    body: { version: 1 },
  });
  expect(started.status, JSON.stringify(started.body)).toBe(200);
  return started.body.meeting;
}

describe('[17.3] the meeting is live', () => {
  it("[17.3] tells the client's approver and contributor in the bell and by email, with a link into the room; nobody else", async () => {
    const { agency, contributor } = await people();
    const { meetingId } = await scheduleMeeting(agency, 'online');
    await startMeeting(agency, meetingId);

    for (const contact of [agency.approver, contributor]) {
      const [entry] = (await bellOf(contact)).filter((n) => n.kind === 'meeting_live');
      expect(entry).toMatchObject({ link: `/meetings/${meetingId}`, data: { meetingId, open: 1 } });
    }
    await mailWhatWaits();
    for (const contact of [agency.approver, contributor]) {
      const mail = await t.sink.waitFor(contact.email, { subject: /The meeting is live/ });
      expect(mail.text).toContain('приєднуйтеся');
      // The contact's own meeting link, landing in the room.
      const link = scopedLinkIn(mail);
      expect(link.next).toBe(`/meetings/${meetingId}`);
      const opened = await openLink(link.token);
      expect(opened.status).toBe(200);
      expect(opened.body.opens).toMatchObject({ kind: 'meeting', subjectId: meetingId });
      expect(opened.body.me.user.email).toBe(contact.email);
      const room = await api(t.app, endpoints.getMeeting, { params: { meetingId }, cookie: opened.cookie! });
      expect(room.status).toBe(200);
      expect(room.body.meeting.status).toBe('live');
    }
    await notTold(
      [agency.owner, agency.contentManager, agency.creator, agency.otherClientApprover],
      'meeting_live',
      /live/,
    );
  });

  it('[17.3] once the meeting ends, its bell entry no longer offers to join (the banner reads it)', async () => {
    const { agency } = await people();
    const { meetingId } = await scheduleMeeting(agency, 'online');
    const started = await startMeeting(agency, meetingId);
    const ended = await api(t.app, endpoints.endMeeting, {
      params: { meetingId },
      cookie: agency.owner.cookie,
      body: { version: started.version, acceptUndecided: true },
    });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    const [entry] = (await bellOf(agency.approver)).filter((n) => n.kind === 'meeting_live');
    expect(entry?.data.open).toBe(0);
    // Not mailed after the fact: the room is closed.
    const [row] = await t.database.db.select().from(notifications).where(eq(notifications.id, entry!.id));
    expect(row!.emailPending).toBe(false);
  });
});

describe('[17.3] a fire-mode review opened', () => {
  it("[17.3] reaches the client's bell (not 'nothing new') and inbox, with a link to the review; nobody else", async () => {
    const { agency, contributor } = await people();
    // The approver is invited (the review's own email); the contributor is not (the notification's).
    const { meetingId } = await scheduleMeeting(agency, 'async', [agency.approver.id]);
    await startMeeting(agency, meetingId);

    for (const contact of [agency.approver, contributor]) {
      const bell = await bellOf(contact);
      expect(bell.filter((n) => n.kind === 'review_opened')).toMatchObject([
        { link: `/meetings/${meetingId}`, data: { meetingId, open: 1 } },
      ]);
    }
    await mailWhatWaits();
    // The approver had the review's invitation when it was scheduled, and one more now; the
    // contributor, never invited, hears of it from the notification.
    const reviewMails = [
      await t.sink.waitFor(agency.approver.email, { subject: /Plan review/, after: 1 }),
      await t.sink.waitFor(contributor.email, { subject: /Plan review/ }),
    ];
    for (const mail of reviewMails) {
      const opened = await openLink(scopedLinkIn(mail).token);
      expect(opened.body.opens).toMatchObject({ kind: 'meeting', subjectId: meetingId });
    }
    const mailsTo = (email: string) =>
      t.sink.received.filter((m) => m.to.includes(email) && /Plan review/.test(m.subject)).length;
    expect(mailsTo(agency.approver.email)).toBe(2);
    expect(mailsTo(contributor.email)).toBe(1);
    await notTold(
      [agency.owner, agency.contentManager, agency.creator, agency.otherClientApprover],
      'review_opened',
      /Plan review/,
    );
  });
});

/** The content manager sends the month's first post to the client. */
async function sendPost(agency: TestAgency, slotIndex = 0) {
  const db = t.database.db;
  const plan = await makeWritingMonth(db, agency);
  const cm = agency.contentManager.cookie;
  const sendOne = async (slot: number) => {
    const created = await api(t.app, endpoints.createPost, {
      params: { cycleId: plan.cycle.id },
      cookie: cm,
      body: { slotId: plan.slots[slot]!.id },
    });
    const postId = created.body.post.id;
    await setCopy(db, postId, 'Гуджі з Ефіопії.');
    const { version } = (await api(t.app, endpoints.getPost, { params: { postId }, cookie: cm })).body.post;
    const moved = await api(t.app, endpoints.movePost, {
      params: { postId },
      cookie: cm,
      body: { to: 'client_review', version },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    return postId;
  };
  return { plan, postId: await sendOne(slotIndex), sendOne };
}

describe('[17.3] posts waiting for the client', () => {
  it('[17.3] the approver is asked to approve; the contributor, who cannot, hears the posts wait for their approver (bell and email)', async () => {
    const { agency, contributor } = await people();
    await sendPost(agency);

    const [forApprover] = await bellOf(agency.approver);
    expect(forApprover).toMatchObject({ kind: 'post_review', data: { mayApprove: 1 } });
    const [forContributor] = await bellOf(contributor);
    expect(forContributor).toMatchObject({ kind: 'post_review', data: { mayApprove: 0 } });
    await notTold([agency.creator, agency.otherClientApprover], 'post_review', /waiting/);

    await mailWhatWaits();
    const approverMail = await t.sink.waitFor(agency.approver.email, { subject: /waiting for you/ });
    expect(approverMail.text).toContain('1 post waiting for your approval');
    expect(approverMail.text).toContain('постів чекають на ваше погодження – 1');
    const contributorMail = await t.sink.waitFor(contributor.email, { subject: /waiting for you/ });
    expect(contributorMail.text).toContain('1 post waiting for your approver');
    expect(contributorMail.text).toContain('1 пост на погодженні у вашого погоджувача');
    expect(contributorMail.text).not.toContain('your approval');
    expect(contributorMail.text).not.toContain('ваше погодження');
  });

  it('[17.3] the Ukrainian half names the month in Ukrainian, the English half in English, never "2026-12"', async () => {
    const { agency } = await people();
    await sendPost(agency);
    await mailWhatWaits();
    const mail = await t.sink.waitFor(agency.approver.email, { subject: /waiting for you/ });
    const [uk, en] = mail.text.split(/\r?\n---\r?\n/);
    expect(uk).toContain('грудень 2026');
    expect(en).toContain('December 2026');
    expect(mail.text).not.toContain('2026-12');
  });

  it("[17.3] one post waiting: the email's scoped review link opens that post; several: the month's list", async () => {
    const { agency } = await people();
    const { plan, postId, sendOne } = await sendPost(agency);
    await mailWhatWaits();
    const first = scopedLinkIn(await t.sink.waitFor(agency.approver.email, { subject: /waiting for you/ }));
    expect(first.next).toBe(`/posts/${postId}`);
    const opened = await openLink(first.token);
    expect(opened.body.opens).toMatchObject({ kind: 'review', subjectId: plan.cycle.id });
    const post = await api(t.app, endpoints.getPost, { params: { postId }, cookie: opened.cookie! });
    expect(post.status).toBe(200);

    // The first entry still unread, a second post folds into it: the email opens the month's list.
    await sendOne(1);
    await mailWhatWaits();
    const second = scopedLinkIn(
      await t.sink.waitFor(agency.approver.email, { subject: /waiting for you/, after: 1 }),
    );
    expect(second.next).toBe(`/cycles/${plan.cycle.id}?tab=posts`);
    const list = await openLink(second.token);
    const posts = await api(t.app, endpoints.listPosts, {
      params: { cycleId: plan.cycle.id },
      cookie: list.cookie!,
    });
    expect(posts.status).toBe(200);
  });

  it('[17.3] the agency hears of changes asked with a plain link to the post (it has no scoped links)', async () => {
    const { agency } = await people();
    const { postId } = await sendPost(agency);
    const post = (await api(t.app, endpoints.getPost, { params: { postId }, cookie: agency.approver.cookie }))
      .body.post;
    const asked = await api(t.app, endpoints.movePost, {
      params: { postId },
      cookie: agency.approver.cookie,
      body: { to: 'changes_requested', revision: post.revision, note: 'Інше фото' },
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    await mailWhatWaits();
    const mail = await t.sink.waitFor(agency.contentManager.email, { subject: /waiting for you/ });
    expect(mail.text).toContain(`${ORIGIN}/posts/${postId}`);
    expect(mail.text).not.toContain('/open/');
  });
});

describe('[17.3] a plain sign-in link lands where the person was going', () => {
  it('[17.3] the magic link asked for on the way to a post carries the post, and signs in', async () => {
    const { agency } = await people();
    const { postId } = await sendPost(agency);
    const asked = await api(t.app, endpoints.requestMagicLink, {
      body: { email: agency.approver.email, next: `/posts/${postId}` },
    });
    expect(asked.status).toBe(202);
    await t.mailRound();
    const mail = await t.sink.waitFor(agency.approver.email, { subject: /Sign in/ });
    const match = new RegExp(`${ORIGIN}/magic/([A-Za-z0-9_-]{20,})\\?next=([^\\s"<>]+)`).exec(mail.text);
    expect(match, mail.text).not.toBeNull();
    expect(decodeURIComponent(match![2]!)).toBe(`/posts/${postId}`);
    const signedIn = await api(t.app, endpoints.confirmMagicLink, { body: { token: match![1]! } });
    expect(signedIn.status).toBe(200);
    const post = await api(t.app, endpoints.getPost, { params: { postId }, cookie: signedIn.cookie! });
    expect(post.status).toBe(200);
  });

  it('[17.3] only a path of this site is taken as where to land', async () => {
    for (const next of ['//evil.example/x', 'https://evil.example', '/\\evil.example']) {
      const refused = await raw(t.app, 'POST', '/api/auth/magic-link', {
        body: { email: 'someone@example.com', next },
      });
      expect(refused.status, next).toBe(400);
    }
  });
});

describe('[17.3] dates in the email language', () => {
  it("[17.3] a meeting invitation says when in Ukrainian in its Ukrainian half and in English in its English half, with the contact's own link", async () => {
    const { agency } = await people();
    const { meetingId } = await scheduleMeeting(agency, 'online', [agency.approver.id]);
    const mail = await t.sink.waitFor(agency.approver.email, { subject: /Meeting/ });
    const [uk, en] = mail.text.split(/\r?\n---\r?\n/);
    expect(uk).toContain('27 листопада 2026');
    expect(uk).not.toContain('November');
    expect(en).toContain('27 November 2026');
    expect(en).not.toContain('листопада');
    const opened = await openLink(scopedLinkIn(mail).token);
    expect(opened.body.opens).toMatchObject({ kind: 'meeting', subjectId: meetingId });
  });
});

describe('[17.3] the fact request sent', () => {
  it("[17.3] reaches the client's approver and contributor (both answer) in the bell and by email, with their own link to the request, the due date as each language writes it; nobody else", async () => {
    const { agency, contributor } = await people();
    const plan = await makePlanForMeeting(t.database.db, agency);
    const [request] = await t.database.db
      .insert(factRequests)
      .values({ cycleId: plan.cycle.id, clientId: agency.client.id })
      .returning();
    const cm = agency.contentManager.cookie;
    const due = kyivDay(5);
    await api(t.app, endpoints.createFactItem, {
      params: { requestId: request!.id },
      cookie: cm,
      body: { question: 'Ціна', dueOn: due },
    });
    const sent = await api(t.app, endpoints.sendFactRequest, {
      params: { requestId: request!.id },
      cookie: cm,
      body: { version: 1 },
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);

    // In the Ukrainian half's own words (26 листопада 2026 р.), never the ISO form.
    const dueUk = new Intl.DateTimeFormat('uk-UA', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${due}T00:00:00Z`));
    for (const contact of [agency.approver, contributor]) {
      expect((await bellOf(contact)).filter((n) => n.kind === 'fact_request_sent')).toHaveLength(1);
      const mail = await t.sink.waitFor(contact.email, { subject: /Fact request/ });
      const [uk] = mail.text.split(/\r?\n---\r?\n/);
      expect(uk).toContain(dueUk);
      expect(uk).not.toContain(due);
      const opened = await openLink(scopedLinkIn(mail).token);
      expect(opened.body.opens).toMatchObject({ kind: 'facts', subjectId: request!.id });
    }
    await notTold(
      [agency.owner, agency.contentManager, agency.creator, agency.otherClientApprover],
      'fact_request_sent',
      /Fact request/,
    );
  });
});
