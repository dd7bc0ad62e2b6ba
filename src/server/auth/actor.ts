import { eq, sql } from 'drizzle-orm';
import type { LinkScope } from '../../shared/api/links.ts';
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
  /**
   * Set for a session opened from a scoped link: it reaches that one subject and nothing else
   * (no agency, one client; `policies/scope.ts` and the catalogue's `scopes` decide the rest).
   */
  scope: ActorScope | null;
  /** When the session ends by itself: its sockets close then too (`live/admit.ts`). */
  sessionExpiresAt?: Date;
}

/** A scoped session's subject, and the link it lives by (checked again by long-lived sockets). */
export type ActorScope = LinkScope & { linkId: string };

export async function loadActor(
  db: Executor,
  sessionId: string,
  userId: string,
  scope: ActorScope | null = null,
): Promise<Actor | null> {
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
    // A link proves access to its client's subject only: the person's agency, and every other
    // client they are a contact of, stay behind a real sign-in.
    agency: scope ? null : (membership ?? null),
    contactOf: new Map(
      contacts.filter((c) => !scope || c.clientId === scope.clientId).map((c) => [c.clientId, c]),
    ),
    scope,
  };
}

/** Touch the session at most once a minute: a write per request would be wasteful. */
export async function touchSession(db: Executor, sessionId: string, lastSeenAt: Date): Promise<void> {
  if (Date.now() - lastSeenAt.getTime() < 60_000) return;
  await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, sessionId));
}
