import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { buildApp } from '../../../src/server/app.ts';
import type { App } from '../../../src/server/context.ts';
import { connect, type Database } from '../../../src/server/db/connect.ts';
import { migrate } from '../../../src/server/db/migrate.ts';
import { loadEnv } from '../../../src/server/env.ts';
import { endpoints } from '../../../src/shared/api/catalogue.ts';
import { closeCodes, liveSocketUrl } from '../../../src/shared/live.ts';
import { createTestApp, type TestApp } from '../../support/app.ts';
import { makeAgency } from '../../support/factories.ts';
import { api, raw } from '../../support/http.ts';
import { listen } from '../../support/live.ts';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** A page of evil.example whose name now points at this server (DNS rebinding). */
const rebound = { host: 'evil.example', origin: 'http://evil.example' };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: 'http://plit.test' });
});
afterAll(() => t.close());

/** Open a live socket with these headers; resolves with its close code, or 'open' if it stays open. */
async function liveSocketFate(address: string, headers: Record<string, string>): Promise<number | 'open'> {
  const socket = new WebSocket(liveSocketUrl(`http://${address}`), { headers });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  socket.on('error', () => {});
  const stillOpen = new Promise<'open'>((resolve) => setTimeout(() => resolve('open'), 1500));
  const fate = await Promise.race([closed, stillOpen]);
  socket.terminate();
  return fate;
}

describe('[14.8] the origin check trusts PUBLIC_URL, never the Host header', () => {
  it('[14.8] a write with Host: evil.example and Origin: http://evil.example answers 403 csrf_rejected', async () => {
    const agency = await makeAgency(t.database.db);
    const res = await raw(t.app, 'PATCH', '/api/me', {
      cookie: agency.owner.cookie,
      body: { name: 'Rebound' },
      headers: rebound,
    });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: { code: 'csrf_rejected', message: expect.any(String) } });
    const me = await api(t.app, endpoints.getMe, { cookie: agency.owner.cookie });
    expect(me.body.user.name).toBe(agency.owner.name);
  });

  it('[14.8] a login posted from the rebound page is refused too (no session is set)', async () => {
    const agency = await makeAgency(t.database.db);
    const res = await raw(t.app, 'POST', '/api/auth/login', {
      body: { email: agency.owner.email, password: 'whatever it is' },
      headers: rebound,
    });
    expect(res.status).toBe(403);
    expect(res.cookie).toBeNull();
  });

  it('[14.8] a live socket opened with Host: evil.example and Origin: http://evil.example is closed with 4403', async () => {
    const agency = await makeAgency(t.database.db);
    const address = await listen(t.app);
    expect(await liveSocketFate(address, { cookie: agency.owner.cookie, ...rebound })).toBe(
      closeCodes.foreignOrigin,
    );
    // The same socket from PUBLIC_URL's page is let in: the refusal above is the origin's.
    expect(await liveSocketFate(address, { cookie: agency.owner.cookie, origin: 'http://plit.test' })).toBe(
      'open',
    );
  });

  it("[14.8] the CSP's connect-src is 'self' and PUBLIC_URL's exact socket origin, not ws: or wss: of any host", async () => {
    const res = await api(t.app, endpoints.getHealth, {});
    const connectSrc = String(res.headers['content-security-policy'])
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('connect-src'));
    expect(connectSrc).toBe("connect-src 'self' ws://plit.test");

    const secure = await createTestApp({ PUBLIC_URL: 'https://plit.example.com/' });
    try {
      const csp = String((await api(secure.app, endpoints.getHealth, {})).headers['content-security-policy']);
      expect(csp).toContain("connect-src 'self' wss://plit.example.com;");
    } finally {
      await secure.close();
    }
  });
});

describe('[14.8] PUBLIC_URL is required off loopback and behind a proxy', () => {
  it('[14.8] start-up without PUBLIC_URL on HOST=0.0.0.0 stops with a message naming PUBLIC_URL', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plit-origin-'));
    const { PUBLIC_URL: _url, TRUST_PROXY: _proxy, ...inherited } = process.env;
    const child = spawn(process.execPath, ['bin/plit.ts', 'start'], {
      cwd: repoRoot,
      env: { ...inherited, HOST: '0.0.0.0', PORT: '0', PLIT_DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    // A server that started instead of refusing is stopped after a while (and the test fails).
    const late = setTimeout(() => child.kill('SIGKILL'), 20_000);
    try {
      expect(await exited).toBe(1);
      expect(output).toContain('PUBLIC_URL: required because HOST=0.0.0.0 is not a loopback address');
    } finally {
      clearTimeout(late);
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 30_000);

  it('[14.8] loadEnv refuses a missing PUBLIC_URL on any non-loopback HOST or with TRUST_PROXY', () => {
    for (const env of [{ HOST: '0.0.0.0' }, { HOST: '::' }, { HOST: '192.168.1.10' }, { HOST: 'plit.lan' }]) {
      expect(() => loadEnv(env)).toThrow(/PUBLIC_URL: required because HOST=.* is not a loopback address/);
    }
    expect(() => loadEnv({ TRUST_PROXY: '1' })).toThrow(/PUBLIC_URL: required because TRUST_PROXY is set/);
    for (const env of [
      {},
      { HOST: '127.0.0.1' },
      { HOST: '::1' },
      { HOST: '0.0.0.0', PUBLIC_URL: 'https://p.example' },
    ]) {
      expect(() => loadEnv(env)).not.toThrow();
    }
  });
});

describe("[14.8] without PUBLIC_URL only this machine's own addresses are trusted", () => {
  let app: App;
  let database: Database;
  let dataDir: string;
  const build = async (env: Record<string, string>) => {
    const built = await buildApp({
      env: loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '3000', PLIT_DATA_DIR: dataDir, ...env }),
      database,
      webRoot: null,
      logger: false,
    });
    await built.ready();
    return built;
  };
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'plit-origin-'));
    database = await connect({});
    await migrate(database);
    app = await build({});
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const write = async (target: App, cookie: string, origin: string, host = 'localhost:3000') =>
    (
      await raw(target, 'PATCH', '/api/me', {
        cookie,
        body: { name: `From ${origin}` },
        headers: { origin, host },
      })
    ).status;

  it('[14.8] pages of http://localhost:PORT, http://127.0.0.1:PORT and http://[::1]:PORT may write', async () => {
    const agency = await makeAgency(database.db);
    for (const origin of ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000']) {
      const host = origin.slice('http://'.length);
      expect(await write(app, agency.owner.cookie, origin, host), origin).toBe(200);
    }
  });

  it('[14.8] any other origin is refused, the Host header agreeing with it or not', async () => {
    const agency = await makeAgency(database.db);
    expect(await write(app, agency.owner.cookie, 'http://evil.example:3000', 'evil.example:3000')).toBe(403);
    expect(await write(app, agency.owner.cookie, 'http://plit.test')).toBe(403);
    expect(await write(app, agency.owner.cookie, 'http://localhost:3001', 'localhost:3001')).toBe(403);
    // The Vite dev server's pages only in development.
    expect(await write(app, agency.owner.cookie, 'http://localhost:5173', 'localhost:5173')).toBe(403);
    const development = await build({ NODE_ENV: 'development' });
    try {
      expect(await write(development, agency.owner.cookie, 'http://localhost:5173', 'localhost:5173')).toBe(
        200,
      );
    } finally {
      await development.close();
    }
  });
});
