import { eq, getTableName, type Table } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { requestEmailLink } from '../../../src/server/commands/accounts/requestEmailLink.ts';
import type { Context } from '../../../src/server/context.ts';
import { authTokens, linkRequests, outbox } from '../../../src/server/db/schema/index.ts';
import { endpoints } from '../../../src/shared/api/catalogue.ts';
import { fromNewAddress } from '../../support/addresses.ts';
import { makeAgency } from '../../support/factories.ts';
import { api } from '../../support/http.ts';
import { withMailedApp } from '../../support/mailedApp.ts';

// Issue 14, finding 9: a reset took 13.4 ms for an account and 3.8 ms without, because the
// handler looked the address up and issued the token before answering. Now the answer comes
// after one insert, whatever the address; the lookup happens in the mail worker. The timings
// themselves are measured by `npm run bench:auth-timing`, not here.

describe('link requests are answered before any lookup', () => {
  const t = withMailedApp();

  const tokensOf = (userId: string) =>
    t.database.db.select().from(authTokens).where(eq(authTokens.userId, userId));
  const emailsTo = (email: string) => t.database.db.select().from(outbox).where(eq(outbox.toEmail, email));

  it('[14.9] right after the answer nothing depends on the account; one worker round issues and sends', async () => {
    const agency = await makeAgency(t.database.db);
    const anyone = fromNewAddress(t.app);
    const magic = await api(anyone, endpoints.requestMagicLink, { body: { email: agency.approver.email } });
    const reset = await api(anyone, endpoints.requestPasswordReset, {
      body: { email: agency.contentManager.email },
    });
    expect([magic.status, reset.status]).toEqual([202, 202]);
    // No token, no email yet: the answer did not wait for anything that knows the account.
    expect(await tokensOf(agency.approver.id)).toEqual([]);
    expect(await tokensOf(agency.contentManager.id)).toEqual([]);
    expect(await emailsTo(agency.approver.email)).toEqual([]);
    expect(await emailsTo(agency.contentManager.email)).toEqual([]);
    const waiting = await t.database.db.select().from(linkRequests);
    expect(waiting.map((r) => [r.kind, r.email])).toEqual(
      expect.arrayContaining([
        ['magic_link', agency.approver.email],
        ['password_reset', agency.contentManager.email],
      ]),
    );

    await t.mailRound();
    expect(await tokensOf(agency.approver.id)).toHaveLength(1);
    expect(await tokensOf(agency.contentManager.id)).toHaveLength(1);
    expect(await t.sink.linkFor(agency.approver.email, 'magic')).toMatch(/\/magic\/[A-Za-z0-9_-]{43}$/);
    expect(await t.sink.linkFor(agency.contentManager.email, 'reset-password')).toMatch(
      /\/reset-password\/[A-Za-z0-9_-]{43}$/,
    );
    // The request is used up: a second round sends nothing more.
    expect(await t.database.db.select().from(linkRequests)).toEqual([]);
  });

  it('[14.9] an unknown address leaves the same trace as an account until the worker runs', async () => {
    const agency = await makeAgency(t.database.db);
    const nobody = `nobody-${Date.now()}@test.plit`;
    const anyone = fromNewAddress(t.app);
    for (const email of [agency.approver.email, nobody]) {
      await api(anyone, endpoints.requestMagicLink, { body: { email } });
    }
    const rows = await t.database.db.select().from(linkRequests);
    const shape = (email: string) => {
      const row = rows.find((r) => r.email === email)!;
      return { kind: row.kind, ip: row.ip, columns: Object.keys(row).sort() };
    };
    expect(shape(nobody)).toEqual(shape(agency.approver.email));
    await t.mailRound();
    expect(await emailsTo(nobody)).toEqual([]);
  });
});

describe('the request handler', () => {
  /** Records every database call; anything but an insert (a lookup) throws. */
  function recordingContext() {
    const calls: unknown[] = [];
    const db = new Proxy(
      {},
      {
        get: (_target, method: string) => {
          if (method !== 'insert') throw new Error(`the handler called db.${method}`);
          return (table: Table) => ({
            values: async (values: Record<string, unknown>) => {
              calls.push(['insert', getTableName(table), Object.keys(values).sort()]);
            },
          });
        },
      },
    );
    const ctx = { db, mailQueue: { wake: () => calls.push('wake') } } as unknown as Pick<
      Context,
      'db' | 'mailQueue'
    >;
    return { ctx, calls };
  }

  it('[14.9] does the same single insert for an account, a staff member and an unknown address', async () => {
    const traces: unknown[] = [];
    for (const kind of ['magic_link', 'password_reset'] as const) {
      for (const email of ['contact@agency.test', 'owner@agency.test', 'no-such-person@nowhere.test']) {
        const { ctx, calls } = recordingContext();
        await requestEmailLink(ctx, kind, email, '198.18.0.1');
        traces.push(calls);
      }
    }
    expect(traces[0]).toEqual([['insert', 'link_requests', ['email', 'ip', 'kind', 'next']], 'wake']);
    for (const trace of traces) expect(trace).toEqual(traces[0]);
  });
});
