import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../src/server/db/schema/index.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeAgency } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { type MailSink, startMailSink } from '../support/mailSink.ts';

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
    // Owners read the outbox: a delivered email's link must not be usable from there.
    expect(kept?.text).not.toMatch(/invite\/[A-Za-z0-9_-]{43}/);
    expect(kept?.text).toContain('/invite/••••••');
  });
});

describe('email without SMTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ SMTP_URL: 'smtp://127.0.0.1:1' });
  });
  afterAll(() => t.close());

  it('keeps the email as failed, with the reason, when the SMTP server is unreachable', async () => {
    const agency = await makeAgency(t.database.db);
    const res = await api(t.app, endpoints.sendInvitation, {
      cookie: agency.owner.cookie,
      body: { email: 'late@example.com', role: 'creator' },
    });
    expect(res.status).toBe(201);
    const [kept] = await t.database.db.select().from(outbox).where(eq(outbox.toEmail, 'late@example.com'));
    expect(kept?.status).toBe('failed');
    expect(kept?.error).toBeTruthy();
    expect(kept?.text).toContain('http://plit.test/invite/');
  });
});
