import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { connect } from '../../src/server/db/connect.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { outbox } from '../../src/server/db/schema/index.ts';
import { loadEnv } from '../../src/server/env.ts';
import { MAX_ATTEMPTS } from '../../src/server/mail/mailer.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeAgency } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { withMailedApp } from '../support/mailedApp.ts';
import { startMailSink } from '../support/mailSink.ts';
import { worker } from '../support/work.ts';

describe('email through SMTP', () => {
  const t = withMailedApp({ MAIL_FROM: 'Plit <plit@test.plit>' });

  it('two workers sending queued emails at once send each exactly once', async () => {
    // Queued as a crash between commit and send would leave them: in the outbox, never tried.
    const quiet = worker(t.database, { SMTP_URL: t.sink.url });
    const addresses = Array.from({ length: 8 }, (_, i) => `queued-${i}-${Date.now()}@example.com`);
    for (const to of addresses) {
      await quiet.mailer.keep(t.database.db, {
        to,
        agencyId: null,
        subject: 'Queued',
        text: 'x',
        html: '<p>x</p>',
      });
    }
    const [a, b] = [
      worker(t.database, { SMTP_URL: t.sink.url }),
      worker(t.database, { SMTP_URL: t.sink.url }),
    ];
    const sent = await Promise.all([
      a.mailer.deliverDue(3),
      b.mailer.deliverDue(3),
      a.mailer.deliverDue(),
      b.mailer.deliverDue(),
    ]);
    expect(sent.reduce((x, y) => x + y, 0)).toBe(addresses.length);
    for (const to of addresses) await t.sink.waitFor(to);
    expect(t.sink.received.filter((m) => addresses.some((to) => m.to.includes(to)))).toHaveLength(
      addresses.length,
    );
    const rows = await t.database.db.select().from(outbox).where(inArray(outbox.toEmail, addresses));
    expect(rows.every((r) => r.status === 'sent' && r.deliverText === null)).toBe(true);
  });

  it('sends an invitation by SMTP and marks it sent in the outbox', async () => {
    const agency = await makeAgency(t.database.db);
    const res = await api(t.app, endpoints.sendInvitation, {
      cookie: agency.contentManager.cookie,
      body: { email: 'Новий.Контакт@Example.com', role: 'approver', clientId: agency.client.id },
    });
    expect(res.status).toBe(201);
    const mail = t.sink.received.find((m) => m.to.includes('новий.контакт@example.com'));
    expect(mail?.raw).toMatch(/plit\.test\/invite\/[A-Za-z0-9_-]{43}/);
    // The sink decodes what a mail reader shows: the subject and the link in the text part.
    expect(mail?.subject).toMatch(/\p{Script=Cyrillic}/u);
    expect(await t.sink.linkFor('Новий.Контакт@example.com', 'invite')).toMatch(
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
    const work = worker(t.database, { SMTP_URL: 'smtp://127.0.0.1:1' });
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

describe('a server process with its workers', () => {
  it('emails a requested sign-in link soon after answering, through its own mail worker', async () => {
    const smtp = await startMailSink();
    const database = await connect({});
    await migrate(database);
    const app = await buildApp({
      env: loadEnv({
        NODE_ENV: 'test',
        PUBLIC_URL: 'http://plit.test',
        LOG_LEVEL: 'silent',
        SMTP_URL: smtp.url,
      }),
      database,
      webRoot: null,
      logger: false,
      workers: true,
    });
    try {
      const agency = await makeAgency(database.db);
      const res = await api(app, endpoints.requestMagicLink, { body: { email: agency.approver.email } });
      expect(res.status).toBe(202);
      expect(await smtp.linkFor(agency.approver.email, 'magic')).toMatch(/\/magic\/[A-Za-z0-9_-]{43}$/);
    } finally {
      await app.close();
      await database.close();
      await smtp.close();
    }
  });
});
