import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { emailedLink, emailedLinkCount, mailboxUrl, mailSinkSmtpUrl } from '../e2e/mailbox.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeAgency } from '../support/factories.ts';
import { api } from '../support/http.ts';

// The e2e run's mail sink, as playwright.config.ts starts it (a process of its own), on ports of
// this test's own so that a running e2e suite is not disturbed. The specs can't be run here:
// this is what they rely on.

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

let sink: ChildProcess;
let exited: Promise<number | null>;
const saved = { smtp: process.env.E2E_SMTP_PORT, mailbox: process.env.E2E_MAILBOX_PORT };

beforeAll(async () => {
  process.env.E2E_SMTP_PORT = String(await freePort());
  process.env.E2E_MAILBOX_PORT = String(await freePort());
  sink = spawn(process.execPath, ['tests/e2e/mailSink.ts'], {
    cwd: repoRoot,
    env: process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  exited = new Promise((resolve) => sink.once('exit', (code) => resolve(code)));
  let output = '';
  sink.stdout?.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  sink.stderr?.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  // Ready as Playwright sees it: the mailbox answers.
  const until = Date.now() + 20_000;
  for (;;) {
    const ok = await fetch(mailboxUrl()).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) break;
    if (sink.exitCode !== null || Date.now() > until)
      throw new Error(`the mail sink did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
});

afterAll(async () => {
  if (sink.exitCode === null) sink.kill('SIGTERM');
  await exited;
  process.env.E2E_SMTP_PORT = saved.smtp;
  process.env.E2E_MAILBOX_PORT = saved.mailbox;
  if (saved.smtp === undefined) delete process.env.E2E_SMTP_PORT;
  if (saved.mailbox === undefined) delete process.env.E2E_MAILBOX_PORT;
});

const token = (c: string) => c.repeat(43);

function send(to: string, link: string) {
  const transport = nodemailer.createTransport(mailSinkSmtpUrl());
  return transport.sendMail({
    from: 'Plit <plit@test.plit>',
    to,
    subject: 'Вхід до Plit · Sign in to Plit',
    text: `Привіт! Ваше посилання для входу:\n${link}\n`,
    html: `<p>Привіт! <a href="${link}">Увійти</a></p>`,
  });
}

describe('the e2e mail sink', () => {
  it('serves a mail sent to it by SMTP, and emailedLink reads the link back by address and kind', async () => {
    await send('Person@Example.com', `http://localhost:3210/magic/${token('a')}`);
    expect(await emailedLink('person@example.com', 'magic')).toBe(
      `http://localhost:3210/magic/${token('a')}`,
    );
    expect(await emailedLinkCount('PERSON@example.com', 'magic')).toBe(1);
    expect(await emailedLinkCount('person@example.com', 'invite')).toBe(0);
    const [mail] = (await (await fetch(mailboxUrl())).json()) as { subject: string; to: string[] }[];
    expect(mail).toMatchObject({ to: ['person@example.com'], subject: 'Вхід до Plit · Sign in to Plit' });
  });

  it('emailedLink waits for an email newer than the ones counted, and filters by subject', async () => {
    const to = 'waits@example.com';
    await send(to, `http://localhost:3210/magic/${token('b')}`);
    const before = await emailedLinkCount(to, 'magic');
    expect(before).toBe(1);
    const next = emailedLink(to, 'magic', { after: before });
    await new Promise((r) => setTimeout(r, 300));
    await send(to, `http://localhost:3210/magic/${token('c')}`);
    expect(await next).toBe(`http://localhost:3210/magic/${token('c')}`);
    expect(await emailedLinkCount(to, 'magic', { subject: /^Sign in/ })).toBe(0);
    expect(await emailedLinkCount(to, 'magic', { subject: /^Вхід/ })).toBe(2);
    await expect(emailedLink(to, 'magic', { after: 2, timeoutMs: 300 })).rejects.toThrow(/no new email/);
  });

  describe('with a Plit server sending to it', () => {
    let t: TestApp;
    // Built once the sink's ports are chosen; a migrated database takes a while, hence a hook.
    beforeAll(async () => {
      t = await createTestApp({ SMTP_URL: mailSinkSmtpUrl() });
    });
    afterAll(() => t.close());

    it('receives what a Plit server configured with its SMTP_URL sends', async () => {
      const agency = await makeAgency(t.database.db);
      const email = `sink-${Date.now()}@example.com`;
      const sent = await api(t.app, endpoints.sendInvitation, {
        cookie: agency.contentManager.cookie,
        body: { email, role: 'approver', clientId: agency.client.id },
      });
      expect(sent.status).toBe(201);
      const link = await emailedLink(email, 'invite');
      expect(link).toMatch(/^http:\/\/plit\.test\/invite\/[A-Za-z0-9_-]{43}$/);
      const preview = await api(t.app, endpoints.previewInvitation, {
        query: { token: link.split('/').at(-1)! },
      });
      expect(preview.status).toBe(200);
    });
  });

  it('stops at SIGTERM', async () => {
    sink.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
