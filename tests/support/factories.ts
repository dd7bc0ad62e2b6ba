import { hashPassword } from '../../src/server/auth/passwords.ts';
import { hashToken, newToken } from '../../src/server/auth/tokens.ts';
import type { Db } from '../../src/server/db/connect.ts';
import {
  agencies,
  agencyMembers,
  channels,
  clientMembers,
  clients,
  rubrics,
  sessions,
  users,
} from '../../src/server/db/schema/index.ts';
import type { AgencyRole, ClientRole } from '../../src/shared/roles.ts';

export const PASSWORD = 'correct horse battery';
// argon2 is slow on purpose; hash the shared test password once per test file.
let passwordHash: Promise<string> | null = null;
const sharedHash = () => (passwordHash ??= hashPassword(PASSWORD));

let counter = 0;
const unique = () =>
  `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export interface TestUser {
  id: string;
  email: string;
  name: string;
  /** A ready `cookie` header for this user's own session. */
  cookie: string;
}

export async function makeUser(
  db: Db,
  overrides: { name?: string; email?: string; password?: string | null; verified?: boolean } = {},
): Promise<TestUser> {
  const email = overrides.email ?? `user-${unique()}@test.plit`;
  const name = overrides.name ?? `User ${unique()}`;
  const hash =
    overrides.password === null
      ? null
      : overrides.password
        ? await hashPassword(overrides.password)
        : await sharedHash();
  // Verified unless asked: most tests are about someone who has used their mailbox before.
  const emailVerifiedAt = overrides.verified === false ? null : new Date();
  const [user] = await db
    .insert(users)
    .values({ email, name, passwordHash: hash, emailVerifiedAt })
    .returning();
  return { id: user!.id, email, name, cookie: await signIn(db, user!.id) };
}

/** A session straight in the database: faster than logging in, and tests of login do that for real. */
export async function signIn(db: Db, userId: string): Promise<string> {
  const token = newToken();
  await db
    .insert(sessions)
    .values({ id: hashToken(token), userId, expiresAt: new Date(Date.now() + 86_400_000) });
  return `plit_session=${token}`;
}

export async function makeMember(db: Db, agencyId: string, role: AgencyRole): Promise<TestUser> {
  const user = await makeUser(db, { name: `${role} ${unique()}` });
  await db.insert(agencyMembers).values({ agencyId, userId: user.id, role });
  return user;
}

export async function makeContact(db: Db, clientId: string, role: ClientRole): Promise<TestUser> {
  const user = await makeUser(db, { name: `${role} ${unique()}` });
  await db.insert(clientMembers).values({ clientId, userId: user.id, role });
  return user;
}

export async function makeClient(db: Db, agencyId: string, name = `Client ${unique()}`) {
  const [client] = await db.insert(clients).values({ agencyId, name, timezone: 'Europe/Kyiv' }).returning();
  const [channel] = await db
    .insert(channels)
    .values({ clientId: client!.id, network: 'instagram', handle: '@brand', formats: ['post', 'story'] })
    .returning();
  const [rubric] = await db
    .insert(rubrics)
    .values({ clientId: client!.id, name: 'Product', color: '#123456' })
    .returning();
  return { ...client!, channel: channel!, rubric: rubric! };
}

/**
 * A whole agency for one test: owner, content manager, creator, two clients each with an
 * approver. Every test gets its own, so tests never see each other's data.
 */
export async function makeAgency(db: Db, name = `Agency ${unique()}`) {
  const [agency] = await db.insert(agencies).values({ name }).returning();
  const agencyId = agency!.id;
  const owner = await makeMember(db, agencyId, 'owner');
  const contentManager = await makeMember(db, agencyId, 'content_manager');
  const creator = await makeMember(db, agencyId, 'creator');
  const client = await makeClient(db, agencyId);
  const otherClient = await makeClient(db, agencyId);
  const approver = await makeContact(db, client.id, 'approver');
  const otherClientApprover = await makeContact(db, otherClient.id, 'approver');
  return { ...agency!, owner, contentManager, creator, client, otherClient, approver, otherClientApprover };
}
export type TestAgency = Awaited<ReturnType<typeof makeAgency>>;
