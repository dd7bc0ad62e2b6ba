import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../src/server/db/schema/index.ts';
import { MAX_ATTEMPTS } from '../../src/server/mail/mailer.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeAgency } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { type MailSink, startMailSink } from '../support/mailSink.ts';
import { worker } from '../support/work.ts';

describe('email through SMTP', () => {
  let smtp: MailSink;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await startMailSink();
    t = await createTestApp({
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: 'Plit <plit@test.plit>',
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('sends an invitation by SMTP and marks it sent in the outbox', async () => {
    const agency = await makeAgency(t.database.db);
    const res = await api(t.app, endpoints.sendInvitation, {
      cookie: agency.contentManager.cookie,
      body: { email: 'Новий.Контакт@Example.com', role: 'approver', clientId: agency.client.id },
    });
    expect(res.status).toBe(201);
    const mail = smtp.received.find((m) => m.to.includes('новий.контакт@example.com'));
    expect(mail?.raw).toMatch(/plit\.test\/invite\/[A-Za-z0-9_-]{43}/);
    // The sink decodes what a mail reader shows: the subject and the link in the text part.
    expect(mail?.subject).toMatch(/\p{Script=Cyrillic}/u);
    expect(await smtp.linkFor('Новий.Контакт@example.com', 'invite')).toMatch(
      /^http:\/\/plit\.test\/invite\/[A-Za-z0-9_-]{43}$/,
    );
    const [kept] = await t.database.db
      .select()
      .from(outbox)
      .where(eq(outbox.toEmail, 'новий.контакт@example.com'));
    expect(kept?.status).toBe('sent');
    expect(kept?.deliverText).toBeNull();
    // Owners read the outbox: a delivered email's link must not be usable from there.
    expect(kept?.text).not.toMatch(/invite\/[A-Za-z0-9_-]{43}/);
    expect(kept?.text).toContain('/invite/••••••');
  });
});

describe('email with an unreachable SMTP server', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ SMTP_URL: 'smtp://127.0.0.1:1' });
  });
  afterAll(() => t.close());

  it('retries an email the SMTP server refused, then marks it failed and drops its live text', async () => {
    const agency = await makeAgency(t.database.db);
    const res = await api(t.app, endpoints.sendInvitation, {
      cookie: agency.owner.cookie,
      body: { email: 'late@example.com', role: 'creator' },
    });
    expect(res.status).toBe(201);
    const byAddress = eq(outbox.toEmail, 'late@example.com');
    const [first] = await t.database.db.select().from(outbox).where(byAddress);
    // Tried once at once, still queued for a retry, with the reason.
    expect(first).toMatchObject({ status: 'queued', attempts: 1 });
    expect(first?.error).toBeTruthy();
    expect(first?.deliverText).toContain('http://plit.test/invite/');
    expect(first?.text).not.toMatch(/invite\/[A-Za-z0-9_-]{43}/);
    const work = worker(t.database, { smtpUrl: 'smtp://127.0.0.1:1' });
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt += 1) {
      await t.database.db
        .update(outbox)
        .set({ nextAttemptAt: new Date(Date.now() - 1000) })
        .where(byAddress);
      await work.mailer.deliverDue();
    }
    const [last] = await t.database.db.select().from(outbox).where(byAddress);
    expect(last).toMatchObject({
      status: 'failed',
      attempts: MAX_ATTEMPTS,
      deliverText: null,
      deliverHtml: null,
    });
  });
});
