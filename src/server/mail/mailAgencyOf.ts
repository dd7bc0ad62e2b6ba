import { eq } from 'drizzle-orm';
import type { Executor } from '../db/connect.ts';
import { agencyMembers, clientMembers, clients } from '../db/schema/index.ts';

/**
 * Which agency's outbox an email to this user belongs in (their own, or their clients').
 * Owners read their outbox, sign-in links included, so a person who belongs to two agencies
 * (a brand's approver working with both) gets none: either owner could sign in as them and
 * see the other agency's client.
 */
export async function mailAgencyOf(db: Executor, userId: string): Promise<string | null> {
  const members = await db
    .select({ agencyId: agencyMembers.agencyId })
    .from(agencyMembers)
    .where(eq(agencyMembers.userId, userId));
  const contacts = await db
    .select({ agencyId: clients.agencyId })
    .from(clientMembers)
    .innerJoin(clients, eq(clients.id, clientMembers.clientId))
    .where(eq(clientMembers.userId, userId));
  const agencyIds = new Set([...members, ...contacts].map((row) => row.agencyId));
  return agencyIds.size === 1 ? [...agencyIds][0]! : null;
}
