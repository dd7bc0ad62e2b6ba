import { afterAll, beforeAll } from 'vitest';
import type { App } from '../../src/server/context.ts';
import type { Database } from '../../src/server/db/connect.ts';
import { createTestApp, type TestApp } from './app.ts';
import { type MailSink, startMailSink } from './mailSink.ts';
import { runMailWorker } from './work.ts';

/** A test app whose emails reach a real SMTP sink, where tests read the links people are sent. */
export interface MailedApp {
  readonly app: App;
  readonly database: Database;
  readonly sink: MailSink;
  /** The app's data folder (uploaded files live in its `files`). */
  readonly dataDir: string;
  /**
   * One round of the mail worker into the sink, as a server process runs it after the answer
   * (in-process test apps run no workers): link requests become tokens and emails, queued emails
   * are sent.
   */
  mailRound(): Promise<void>;
}

/**
 * Starts an SMTP sink and a test app that sends to it before the tests of the file or `describe`
 * it is called in, and closes both after them. `env` is the app's other settings (`SMTP_URL` is
 * the sink's). Read `app`, `database` and `sink` inside hooks and tests, once they are started.
 */
export function withMailedApp(env: Record<string, string> = {}): MailedApp {
  let sink: MailSink | undefined;
  let t: TestApp | undefined;
  beforeAll(async () => {
    sink = await startMailSink();
    t = await createTestApp({ ...env, SMTP_URL: sink.url });
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });
  const started = () => {
    if (!t || !sink) throw new Error('withMailedApp: the app is read before its beforeAll ran');
    return { t, sink };
  };
  return {
    get app() {
      return started().t.app;
    },
    get database() {
      return started().t.database;
    },
    get sink() {
      return started().sink;
    },
    get dataDir() {
      return started().t.dataDir;
    },
    mailRound() {
      const { t, sink } = started();
      return runMailWorker(t.database, sink.url);
    },
  };
}
