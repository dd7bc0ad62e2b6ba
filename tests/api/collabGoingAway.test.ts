import { HocuspocusProvider, WebSocketStatus } from '@hocuspocus/provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { buildApp } from '../../src/server/app.ts';
import type { App } from '../../src/server/context.ts';
import { connect, type Database } from '../../src/server/db/connect.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { meetings } from '../../src/server/db/schema/index.ts';
import { loadEnv } from '../../src/server/env.ts';
import { closeSockets } from '../../src/server/http/gracefulStop.ts';
import { notesDocument } from '../../src/server/meetings/notesAccess.ts';
import { collabSocketUrl } from '../../src/shared/live.ts';
import { reconnectWhenServerLeaves } from '../../src/web/collab/reconnect.ts';
import { until } from '../support/collab.ts';
import { makeAgency } from '../support/factories.ts';
import { listen } from '../support/live.ts';
import { makeCycle } from '../support/planning.ts';

const ORIGIN = 'http://plit.test';

/**
 * The editor's provider as useCollabConnection makes it (its own socket, the browser's retries),
 * in Node. Resolves with how long it was away when the server closed its socket with "going away".
 */
async function timeAway(host: string, cookie: string, documentName: string, soon: boolean) {
  const closes: number[] = [];
  class BrowserSocket extends WebSocket {
    constructor(url: string) {
      super(url, { headers: { cookie, origin: ORIGIN } });
      this.on('close', (code) => closes.push(code));
      this.on('error', () => {});
    }
  }
  const provider = new HocuspocusProvider({
    url: collabSocketUrl(`http://${host}`),
    name: documentName,
    // The provider hands its whole configuration to the socket it makes for itself (as in the
    // browser); only its type leaves the polyfill out.
    ...({ WebSocketPolyfill: BrowserSocket } as object),
  });
  const stop = soon ? reconnectWhenServerLeaves(provider) : () => {};
  let status = WebSocketStatus.Connecting;
  provider.on('status', (event: { status: WebSocketStatus }) => {
    status = event.status;
  });
  await until('the first sync', () => provider.synced);
  return {
    closes,
    async away(app: App) {
      const left = Date.now();
      closeSockets(app);
      await until('disconnected', () => status === WebSocketStatus.Disconnected, 2000);
      await until('connected again', () => status === WebSocketStatus.Connected, 5000);
      const ms = Date.now() - left;
      stop();
      provider.destroy();
      return ms;
    },
  };
}

describe('shared documents when the server goes away', () => {
  let database: Database;
  let app: App;
  let host: string;

  beforeAll(async () => {
    database = await connect({});
    await migrate(database);
    app = await buildApp({
      env: loadEnv({ NODE_ENV: 'test', PUBLIC_URL: ORIGIN, LOG_LEVEL: 'silent' }),
      database,
      webRoot: null,
      logger: false,
    });
    host = await listen(app);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("[16.6] the editor reconnects within moments of a 1001 close, not after the provider's one-second retry", async () => {
    const agency = await makeAgency(database.db);
    const cycle = await makeCycle(database.db, agency, '2027-03', true);
    const [meeting] = await database.db
      .insert(meetings)
      .values({
        cycleId: cycle.id,
        clientId: agency.client.id,
        format: 'online',
        status: 'live',
        startsAt: new Date(),
      })
      .returning();
    const document = notesDocument(meeting!.id);

    const soon = await timeAway(host, agency.owner.cookie, document, true);
    const soonMs = await soon.away(app);
    expect(soon.closes[0]).toBe(1001);
    // Without it the provider waits its fixed second first: the difference this makes.
    const plain = await timeAway(host, agency.owner.cookie, document, false);
    const plainMs = await plain.away(app);
    expect(plainMs).toBeGreaterThanOrEqual(1000);
    expect(soonMs).toBeLessThan(900);
  });
});
