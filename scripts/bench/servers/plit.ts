import { cpSync, existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { buildApp } from '../../../src/server/app.ts';
import { hashToken, newToken } from '../../../src/server/auth/tokens.ts';
import { connect, type Db } from '../../../src/server/db/connect.ts';
import { migrate } from '../../../src/server/db/migrate.ts';
import {
  agencies,
  agencyMembers,
  clientMembers,
  clients,
  cycles,
  meetings,
  sessions,
  users,
} from '../../../src/server/db/schema/index.ts';
import { loadEnv } from '../../../src/server/env.ts';
import type { AgencyRole, ClientRole } from '../../../src/shared/roles.ts';
import { FACILITATOR_NAME, type PlitMeeting } from '../protocol.ts';
import { serve } from './harness.ts';

type Person = { name: string } & ({ agencyRole: AgencyRole } | { clientRole: ClientRole });

// The facilitator first; participants share the other accounts (presence shows each person once).
const people: Person[] = [
  { name: FACILITATOR_NAME, agencyRole: 'owner' },
  { name: 'Taras Melnyk', agencyRole: 'content_manager' },
  { name: 'Iryna Bondar', agencyRole: 'creator' },
  { name: 'Andrii Shevchuk', clientRole: 'approver' },
  { name: 'Maria Tkachenko', clientRole: 'contributor' },
];

/**
 * A live meeting of a shared plan, straight in the database (no passwords: argon2 is slow on
 * purpose, and sessions are what the socket checks), with one session per person.
 */
async function setUpMeeting(db: Db): Promise<PlitMeeting> {
  const [agency] = await db.insert(agencies).values({ name: 'Bench Agency' }).returning();
  const [client] = await db
    .insert(clients)
    .values({ agencyId: agency!.id, name: 'Bench Client', timezone: 'Europe/Kyiv' })
    .returning();
  const cookies: string[] = [];
  const ids: string[] = [];
  for (const [i, person] of people.entries()) {
    const [user] = await db
      .insert(users)
      .values({ email: `bench-${i}@bench.plit`, name: person.name, passwordHash: null })
      .returning();
    ids.push(user!.id);
    if ('agencyRole' in person)
      await db
        .insert(agencyMembers)
        .values({ agencyId: agency!.id, userId: user!.id, role: person.agencyRole });
    else
      await db
        .insert(clientMembers)
        .values({ clientId: client!.id, userId: user!.id, role: person.clientRole });
    const token = newToken();
    await db
      .insert(sessions)
      .values({ id: hashToken(token), userId: user!.id, expiresAt: new Date(Date.now() + 86_400_000) });
    cookies.push(`plit_session=${token}`);
  }
  const [cycle] = await db
    .insert(cycles)
    .values({ clientId: client!.id, month: '2026-12', stage: 'meeting', sharedAt: new Date() })
    .returning();
  const [meeting] = await db
    .insert(meetings)
    .values({
      cycleId: cycle!.id,
      clientId: client!.id,
      format: 'online',
      status: 'live',
      startsAt: new Date(),
      startedAt: new Date(),
      facilitatorId: ids[0]!,
      facilitatorName: FACILITATOR_NAME,
    })
    .returning();
  return { meetingId: meeting!.id, cookies };
}

/** A copy of the migrated database in `template`, made once (initdb takes seconds). */
async function copyTemplate(template: string, dataDir: string): Promise<void> {
  if (!existsSync(path.join(template, 'PG_VERSION'))) {
    const database = await connect({ dataDir: template });
    await migrate(database);
    await database.close();
  }
  cpSync(template, dataDir, { recursive: true });
}

/** The real app, as `plit start` builds it: embedded PGlite in a fresh folder, in-process fan-out. */
await serve(async () => {
  const [template, dataDir] = process.argv.slice(2);
  if (!template || !dataDir)
    throw new Error('usage: plit.ts <template folder> <data folder> (see realtime.ts)');
  await copyTemplate(template, dataDir);
  const env = loadEnv({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    PLIT_DATA_DIR: dataDir,
    PLIT_DEMO: 'false',
    PUBLIC_URL: 'http://127.0.0.1',
  });
  const database = await connect({ dataDir: env.dataDir });
  // A no-op on the template's copy; kept so the server starts exactly as `plit start` does.
  await migrate(database);
  const meeting = await setUpMeeting(database.db);
  const app = await buildApp({ env, database, webRoot: null, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    port: (app.server.address() as AddressInfo).port,
    meeting,
    stop: async () => {
      await app.close();
      await database.close();
    },
  };
});
