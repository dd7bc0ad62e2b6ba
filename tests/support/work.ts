import pino from 'pino';
import type { WorkContext } from '../../src/server/context.ts';
import type { Database } from '../../src/server/db/connect.ts';
import { loadEnv } from '../../src/server/env.ts';
import { createInProcessBus } from '../../src/server/live/bus.ts';
import { processLinkRequests } from '../../src/server/mail/linkRequests.ts';
import { createMailer } from '../../src/server/mail/mailer.ts';

/**
 * A worker as a server process runs it: its own mailer and bus, on a shared database. Give it
 * `SMTP_URL` (a test's mail sink) when the test reads what it emails.
 */
export function worker(database: Database, settings: { SMTP_URL?: string } = {}): WorkContext {
  const env = loadEnv({ NODE_ENV: 'test', PUBLIC_URL: 'http://plit.test', LOG_LEVEL: 'silent', ...settings });
  const log = pino({ level: 'silent' });
  return {
    db: database.db,
    env,
    log,
    live: createInProcessBus(),
    mailer: createMailer(database.db, { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, log }),
  };
}

/**
 * One round of the mail worker, as a server process runs it (in-process test apps run no
 * workers): link requests become tokens and emails, queued emails go to `smtpUrl`.
 */
export async function runMailWorker(database: Database, smtpUrl?: string): Promise<void> {
  const work = worker(database, smtpUrl ? { SMTP_URL: smtpUrl } : {});
  await processLinkRequests(work);
  await work.mailer.deliverDue();
}
