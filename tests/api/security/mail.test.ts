import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../../src/server/app.ts';
import { LINKS_PER_HOUR } from '../../../src/server/auth/emailTokens.ts';
import { connect } from '../../../src/server/db/connect.ts';
import { migrate } from '../../../src/server/db/migrate.ts';
import { authTokens, outbox } from '../../../src/server/db/schema/index.ts';
import { loadEnv } from '../../../src/server/env.ts';
import { endpoints } from '../../../src/shared/api/catalogue.ts';
import { fromNewAddress } from '../../support/addresses.ts';
import { createTestApp, type TestApp } from '../../support/app.ts';
import { errorOf } from '../../support/errors.ts';
import { makeAgency, makeUser, PASSWORD } from '../../support/factories.ts';
import { api } from '../../support/http.ts';
import { withMailedApp } from '../../support/mailedApp.ts';
import { runMailWorker } from '../../support/work.ts';

// Issue 14, finding 2: agency owners could sign in as their staff and client contacts, because
// anyone may ask for a magic or reset link and the links sat readable in the owner's outbox.

/** A one-time link secret (43 base64url characters) after any of Plit's link paths. */
const liveLink = /\/(invite|reset-password|magic|facts\/open|open)\/[A-Za-z0-9_-]{43}/;
const NEW_PASSWORD = 'a brand new passphrase 14';

const tokenOf = (link: string) => link.split('/').at(-1)!;

describe('with SMTP', () => {
  const t = withMailedApp();
  afterEach(() => vi.useRealTimers());

  it('[14.V2] a member who leaves the agency cannot come back through an invitation link they copied', async () => {
    const agency = await makeAgency(t.database.db);
    const invite = (email: string) =>
      api(t.app, endpoints.sendInvitation, {
        cookie: agency.contentManager.cookie,
        body: { email, role: 'approver', clientId: agency.client.id },
      });
    const kept = await invite(`kept-${Date.now()}@test.plit`);
    const emailedOnly = await invite(`emailed-${Date.now()}@test.plit`);
    const copied = await api(t.app, endpoints.copyInvitationLink, {
      cookie: agency.contentManager.cookie,
      params: { invitationId: kept.body.invitation.id },
    });
    expect(copied.status).toBe(200);
    const removed = await api(t.app, endpoints.removeMember, {
      params: { userId: agency.contentManager.id },
      cookie: agency.owner.cookie,
    });
    expect(removed.status).toBe(200);
    // The link the leaver held is dead; the one only the invitee's mailbox got still works.
    const preview = (token: string) => api(t.app, endpoints.previewInvitation, { query: { token } });
    expect((await preview(tokenOf(copied.body.link))).status).not.toBe(200);
    const emailed = await t.sink.linkFor(emailedOnly.body.invitation.email, 'invite');
    expect((await preview(tokenOf(emailed))).status).toBe(200);
  });

  /** An owner asks for a magic link for their client's contact and a reset for their content manager. */
  async function ownerRequestsLinks() {
    const agency = await makeAgency(t.database.db);
    const anyone = fromNewAddress(t.app);
    const magic = await api(anyone, endpoints.requestMagicLink, { body: { email: agency.approver.email } });
    const reset = await api(anyone, endpoints.requestPasswordReset, {
      body: { email: agency.contentManager.email },
    });
    expect([magic.status, reset.status]).toEqual([202, 202]);
    await t.mailRound();
    return agency;
  }

  it('[14.2] a changed or reset password is told to its owner by email, with a way to reset it', async () => {
    const agency = await makeAgency(t.database.db);
    const changed = await api(t.app, endpoints.changePassword, {
      cookie: agency.contentManager.cookie,
      body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(changed.status).toBe(200);
    const notice = await t.sink.waitFor(agency.contentManager.email, { subject: /password was changed/ });
    expect(notice.text).toContain('Ваш пароль змінено');
    expect(notice.text).toContain('/reset-password');

    await api(fromNewAddress(t.app), endpoints.requestPasswordReset, {
      body: { email: agency.approver.email },
    });
    await t.mailRound();
    const reset = tokenOf(await t.sink.linkFor(agency.approver.email, 'reset-password'));
    const done = await api(fromNewAddress(t.app), endpoints.confirmPasswordReset, {
      body: { token: reset, password: NEW_PASSWORD },
    });
    expect(done.status).toBe(200);
    expect((await t.sink.waitFor(agency.approver.email, { subject: /password was changed/ })).text).toContain(
      'Your password was changed',
    );
  });

  it('[14.2] one person is sent at most LINKS_PER_HOUR sign-in and reset links an hour, however many addresses ask', async () => {
    const agency = await makeAgency(t.database.db);
    for (let i = 0; i < LINKS_PER_HOUR + 3; i++) {
      // Each from an address of its own: no per-address limit is what stops them.
      const anyone = fromNewAddress(t.app);
      const magic = await api(anyone, endpoints.requestMagicLink, { body: { email: agency.approver.email } });
      const reset = await api(anyone, endpoints.requestPasswordReset, {
        body: { email: agency.contentManager.email },
      });
      expect([magic.status, reset.status]).toEqual([202, 202]);
    }
    await t.mailRound();
    const sentTo = async (userId: string) =>
      (await t.database.db.select().from(authTokens).where(eq(authTokens.userId, userId))).length;
    expect(await sentTo(agency.approver.id)).toBe(LINKS_PER_HOUR);
    expect(await sentTo(agency.contentManager.id)).toBe(LINKS_PER_HOUR);
    await t.sink.linkFor(agency.approver.email, 'magic', { after: LINKS_PER_HOUR - 1 });
    await t.sink.linkFor(agency.contentManager.email, 'reset-password', { after: LINKS_PER_HOUR - 1 });
    await t.mailRound();
    expect(t.sink.linkCount(agency.approver.email, 'magic')).toBe(LINKS_PER_HOUR);
    expect(t.sink.linkCount(agency.contentManager.email, 'reset-password')).toBe(LINKS_PER_HOUR);
  });

  it("[14.2] an owner finds no usable link in the outbox for a contact's magic link or a manager's reset", async () => {
    const agency = await ownerRequestsLinks();
    const box = await api(t.app, endpoints.listOutboxMessages, { cookie: agency.owner.cookie });
    expect(box.status).toBe(200);
    const mine = box.body.messages.filter((m) =>
      [agency.approver.email, agency.contentManager.email].includes(m.to),
    );
    // Both emails are listed as sent, with the link shown as dots...
    expect(mine.map((m) => m.status).sort()).toEqual(['sent', 'sent']);
    for (const message of mine) {
      expect(message.text).toMatch(/\/(magic|reset-password)\/••••••/);
      expect(message.text).not.toMatch(liveLink);
      expect(message.html).not.toMatch(liveLink);
    }
    // ...and no column of the stored rows holds the link any more.
    const rows = await t.database.db
      .select()
      .from(outbox)
      .where(inArray(outbox.toEmail, [agency.approver.email, agency.contentManager.email]));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(JSON.stringify(row)).not.toMatch(liveLink);
  });

  it('[14.2] the links reach the SMTP sink, work there, and work once', async () => {
    const agency = await ownerRequestsLinks();
    const magic = tokenOf(await t.sink.linkFor(agency.approver.email, 'magic'));
    const reset = tokenOf(await t.sink.linkFor(agency.contentManager.email, 'reset-password'));
    const anyone = fromNewAddress(t.app);
    const signedIn = await api(anyone, endpoints.confirmMagicLink, { body: { token: magic } });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user.id).toBe(agency.approver.id);
    const resetDone = await api(anyone, endpoints.confirmPasswordReset, {
      body: { token: reset, password: NEW_PASSWORD },
    });
    expect(resetDone.status).toBe(200);
    expect(resetDone.body.user.id).toBe(agency.contentManager.id);
    const magicAgain = await api(anyone, endpoints.confirmMagicLink, { body: { token: magic } });
    const resetAgain = await api(anyone, endpoints.confirmPasswordReset, {
      body: { token: reset, password: `${NEW_PASSWORD} again` },
    });
    expect([magicAgain.status, resetAgain.status]).toEqual([404, 404]);
    expect(errorOf(magicAgain).code).toBe('token_invalid');
  });

  it('[14.2] magic sign-in and reset links expire after 30 minutes', async () => {
    const agency = await ownerRequestsLinks();
    const magic = tokenOf(await t.sink.linkFor(agency.approver.email, 'magic'));
    const reset = tokenOf(await t.sink.linkFor(agency.contentManager.email, 'reset-password'));
    const [stored] = await t.database.db
      .select()
      .from(authTokens)
      .where(eq(authTokens.userId, agency.approver.id));
    expect(stored!.expiresAt.getTime() - stored!.createdAt.getTime()).toBeLessThanOrEqual(30 * 60_000 + 1000);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 30 * 60_000 + 5000);
    const anyone = fromNewAddress(t.app);
    const late = await api(anyone, endpoints.confirmMagicLink, { body: { token: magic } });
    const lateReset = await api(anyone, endpoints.confirmPasswordReset, {
      body: { token: reset, password: NEW_PASSWORD },
    });
    expect([late.status, lateReset.status]).toEqual([404, 404]);
  });

  it('[14.2] a magic link still works 29 minutes after it was sent', async () => {
    const agency = await ownerRequestsLinks();
    const magic = tokenOf(await t.sink.linkFor(agency.approver.email, 'magic'));
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 29 * 60_000);
    const res = await api(fromNewAddress(t.app), endpoints.confirmMagicLink, { body: { token: magic } });
    expect(res.status).toBe(200);
  });
});

describe('while the SMTP server is down', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ SMTP_URL: 'smtp://127.0.0.1:1' });
  });
  afterAll(() => t.close());

  it('[14.2] an email waiting for a retry shows the owner no usable link', async () => {
    const agency = await makeAgency(t.database.db);
    await api(fromNewAddress(t.app), endpoints.requestMagicLink, { body: { email: agency.approver.email } });
    await runMailWorker(t.database, 'smtp://127.0.0.1:1');
    const box = await api(t.app, endpoints.listOutboxMessages, { cookie: agency.owner.cookie });
    const message = box.body.messages.find((m) => m.to === agency.approver.email);
    expect(message?.status).toBe('queued');
    expect(message?.error).toBeTruthy();
    expect(JSON.stringify(message)).not.toMatch(liveLink);
  });
});

describe('without SMTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('[14.2] the outbox says not sent and holds no token anywhere a presenter reads', async () => {
    const agency = await makeAgency(t.database.db);
    const anyone = fromNewAddress(t.app);
    await api(anyone, endpoints.requestMagicLink, { body: { email: agency.approver.email } });
    await api(anyone, endpoints.requestPasswordReset, { body: { email: agency.contentManager.email } });
    await api(t.app, endpoints.sendInvitation, {
      cookie: agency.owner.cookie,
      body: { email: `invited-${Date.now()}@test.plit`, role: 'creator' },
    });
    await runMailWorker(t.database);
    const box = await api(t.app, endpoints.listOutboxMessages, { cookie: agency.owner.cookie });
    const mine = box.body.messages.filter((m) =>
      [agency.approver.email, agency.contentManager.email].includes(m.to),
    );
    expect(mine).toHaveLength(2);
    expect(box.body.messages.every((m) => m.status === 'not_configured')).toBe(true);
    expect(JSON.stringify(box.body)).not.toMatch(liveLink);
    const rows = await t.database.db.select().from(outbox).where(eq(outbox.agencyId, agency.id));
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) expect(JSON.stringify(row)).not.toMatch(liveLink);
  });

  it("[14.2] an invitation's sender, and only they, can copy its link, which works", async () => {
    const agency = await makeAgency(t.database.db);
    const sent = await api(t.app, endpoints.sendInvitation, {
      cookie: agency.contentManager.cookie,
      body: { email: `copied-${Date.now()}@test.plit`, role: 'approver', clientId: agency.client.id },
    });
    const params = { invitationId: sent.body.invitation.id };
    expect(sent.body.invitation.invitedById).toBe(agency.contentManager.id);
    for (const other of [agency.owner, agency.creator, agency.approver]) {
      const refused = await api(t.app, endpoints.copyInvitationLink, { cookie: other.cookie, params });
      expect(refused.status).not.toBe(200);
    }
    const copied = await api(t.app, endpoints.copyInvitationLink, {
      cookie: agency.contentManager.cookie,
      params,
    });
    expect(copied.status).toBe(200);
    expect(copied.body.link).toMatch(/^http:\/\/plit\.test\/invite\/[A-Za-z0-9_-]{43}$/);
    const preview = await api(t.app, endpoints.previewInvitation, {
      query: { token: tokenOf(copied.body.link) },
    });
    expect(preview.status).toBe(200);
    expect(preview.body.email).toBe(sent.body.invitation.email);
  });

  it('[14.2] the sign-in screens can tell that email is not set up', async () => {
    const res = await api(t.app, endpoints.getSetupState, {});
    expect(res.status).toBe(200);
    expect(res.body.emailConfigured).toBe(false);
  });
});

describe('plit reset-link', () => {
  const run = promisify(execFile);
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'plit-reset-link-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  // The operator's own environment, pointed at this data folder (PGlite, not any DATABASE_URL).
  const cli = (...args: string[]) => {
    const { DATABASE_URL: _ignored, ...env } = process.env;
    return run(path.resolve('node_modules/.bin/node'), ['bin/plit.ts', 'reset-link', ...args], {
      env: { ...env, PLIT_DATA_DIR: dataDir, PUBLIC_URL: 'http://plit.test' },
    });
  };

  it('[14.2] prints a one-time reset link the operator hands over, and refuses an unknown address', async () => {
    // A migrated data folder with one account, closed so the command can open it.
    const seeded = await connect({ dataDir });
    await migrate(seeded);
    const user = await makeUser(seeded.db);
    await seeded.close();

    const printed = await cli(user.email.toUpperCase());
    const link = printed.stdout.trim();
    expect(link).toMatch(/^http:\/\/plit\.test\/reset-password\/[A-Za-z0-9_-]{43}$/);
    expect(printed.stderr).toMatch(/30 minutes/);
    const unknown = await cli('nobody-here@test.plit').catch((err: { code: number; stderr: string }) => err);
    expect(unknown).toMatchObject({ code: 1 });
    expect((unknown as { stderr: string }).stderr).toMatch(/No account/);

    const database = await connect({ dataDir });
    const app = await buildApp({
      env: loadEnv({
        NODE_ENV: 'test',
        PUBLIC_URL: 'http://plit.test',
        LOG_LEVEL: 'silent',
        PLIT_DATA_DIR: dataDir,
      }),
      database,
      webRoot: null,
      logger: false,
    });
    try {
      const body = { token: tokenOf(link), password: NEW_PASSWORD };
      const reset = await api(app, endpoints.confirmPasswordReset, { body });
      expect(reset.status).toBe(200);
      expect(reset.body.user.id).toBe(user.id);
      const login = await api(app, endpoints.logIn, { body: { email: user.email, password: NEW_PASSWORD } });
      expect(login.status).toBe(200);
      expect((await api(app, endpoints.confirmPasswordReset, { body })).status).toBe(404);
    } finally {
      await app.close();
      await database.close();
    }
    // Two runs of the command, each opening PGlite: slow on a busy machine.
  }, 180_000);
});
