import { eq, sql } from 'drizzle-orm';
import type { AgencyRole, ClientRole } from '../../shared/roles.ts';
import type { Executor } from '../db/connect.ts';
import { agencies, agencyMembers, clientMembers, clients, sessions, users } from '../db/schema/index.ts';

/** Who is making a request, and in which tenant they act. Loaded once per request. */
export interface Actor {
  sessionId: string;
  user: { id: string; email: string; name: string; locale: string | null; hasPassword: boolean };
  agency: { id: string; name: string; role: AgencyRole } | null;
  /** Clients this person is a contact of (possibly of another agency than their own). */
  contactOf: Map<string, { role: ClientRole; clientName: string; agencyId: string; agencyName: string }>;
}

export async function loadActor(db: Executor, sessionId: string, userId: string): Promise<Actor | null> {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) return null;
  const [membership] = await db
    .select({ id: agencies.id, name: agencies.name, role: agencyMembers.role })
    .from(agencyMembers)
    .innerJoin(agencies, eq(agencies.id, agencyMembers.agencyId))
    .where(eq(agencyMembers.userId, userId))
    .limit(1);
  const contacts = await db
    .select({
      clientId: clientMembers.clientId,
      role: clientMembers.role,
      clientName: clients.name,
      agencyId: clients.agencyId,
      agencyName: agencies.name,
    })
    .from(clientMembers)
    .innerJoin(clients, eq(clients.id, clientMembers.clientId))
    .innerJoin(agencies, eq(agencies.id, clients.agencyId))
    .where(eq(clientMembers.userId, userId))
    .orderBy(clients.name);
  return {
    sessionId,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      locale: user.locale,
      hasPassword: user.passwordHash !== null,
    },
    agency: membership ?? null,
    contactOf: new Map(contacts.map((c) => [c.clientId, c])),
  };
}

/** Touch the session at most once a minute: a write per request would be wasteful. */
export async function touchSession(db: Executor, sessionId: string, lastSeenAt: Date): Promise<void> {
  if (Date.now() - lastSeenAt.getTime() < 60_000) return;
  await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, sessionId));
}
