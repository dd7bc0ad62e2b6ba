import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/server/app.ts';
import type { App } from '../../../src/server/context.ts';
import { connect, type Database } from '../../../src/server/db/connect.ts';
import { migrate } from '../../../src/server/db/migrate.ts';
import { loadEnv } from '../../../src/server/env.ts';
import { redactSecretUrl } from '../../../src/server/http/secretUrls.ts';

// The probe of issue 14 found emailed links' secrets in the request log at the default level:
// whoever reads the logs could use an invitation, a reset or a sign-in link.

const secret = 'S3cr3t_S3cr3t_S3cr3t_S3cr3t_S3cr3t_S3cr3t_x';

describe('[14.2] request logs never hold a usable link secret', () => {
  let database: Database;
  let app: App;
  let logged = '';
  beforeAll(async () => {
    database = await connect({});
    await migrate(database);
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => {
      logged += chunk.toString('utf8');
    });
    app = await buildApp({
      env: loadEnv({ NODE_ENV: 'production', LOG_LEVEL: 'info', PLIT_DATA_DIR: '/tmp/plit-logs-test' }),
      database,
      webRoot: null,
      logStream: stream,
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('[14.2] pages and API calls carrying a secret are logged with it redacted', async () => {
    for (const url of [
      `/magic/${secret}`,
      `/reset-password/${secret}`,
      `/invite/${secret}`,
      `/facts/open/${secret}`,
      `/open/${secret}`,
      `/api/invitations/preview?token=${secret}`,
      `/api/feeds/${secret}.ics`,
    ]) {
      await app.inject({ method: 'GET', url });
    }
    await new Promise((r) => setTimeout(r, 50));
    // The requests were logged, just not their secrets.
    expect(logged).toContain('/invite/••••••');
    expect(logged).toContain('/api/invitations/preview?token=••••••');
    expect(logged).not.toContain(secret);
  });

  it('[14.2] whatever the case or percent-encoding the address is written in', async () => {
    for (const url of [
      `/Open/${secret}`,
      `/%6Fpen/${secret}`,
      `/Magic/${secret}`,
      `/INVITE/${secret}`,
      `/api/invitations/preview?Token=${secret}`,
      `/api/invitations/preview?%74oken=${secret}`,
    ]) {
      await app.inject({ method: 'GET', url });
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(logged).toContain('/INVITE/••••••');
    expect(logged).not.toContain(secret);
  });

  it('[14.2] an ordinary URL is logged as it is', () => {
    expect(redactSecretUrl('/api/clients/42/cycles?month=2026-12')).toBe(
      '/api/clients/42/cycles?month=2026-12',
    );
    expect(redactSecretUrl('/api/open-questions')).toBe('/api/open-questions');
  });
});

describe('[14.2] a page at a link address is kept by no browser or proxy', () => {
  let database: Database;
  let app: App;
  let webRoot: string;
  beforeAll(async () => {
    database = await connect({});
    await migrate(database);
    webRoot = await mkdtemp(path.join(os.tmpdir(), 'plit-web-'));
    await writeFile(path.join(webRoot, 'index.html'), '<!doctype html><title>Plit</title>');
    app = await buildApp({
      env: loadEnv({ NODE_ENV: 'production', PLIT_DATA_DIR: '/tmp/plit-logs-test' }),
      database,
      webRoot,
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    await rm(webRoot, { recursive: true, force: true });
  });

  it('[14.2] a link page is no-store, any other page no-cache', async () => {
    for (const url of [
      `/open/${secret}`,
      `/Magic/${secret}`,
      `/reset-password/${secret}`,
      `/invite/${secret}`,
    ]) {
      const page = await app.inject({ method: 'GET', url });
      expect([url, page.statusCode, page.headers['cache-control']]).toEqual([url, 200, 'no-store']);
    }
    const ordinary = await app.inject({ method: 'GET', url: '/clients/42' });
    expect(ordinary.headers['cache-control']).toBe('no-cache');
  });
});
