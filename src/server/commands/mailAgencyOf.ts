import { eq } from 'drizzle-orm';
import type { Executor } from '../db/connect.ts';
import { agencyMembers, clientMembers, clients } from '../db/schema/index.ts';

/** Which agency's outbox an email to this user belongs in (their own, or their client's). */
export async function mailAgencyOf(db: Executor, userId: string): Promise<string | null> {
  const [member] = await db.select().from(agencyMembers).where(eq(agencyMembers.userId, userId)).limit(1);
  if (member) return member.agencyId;
  const [contact] = await db
    .select({ agencyId: clients.agencyId })
    .from(clientMembers)
    .innerJoin(clients, eq(clients.id, clientMembers.clientId))
    .where(eq(clientMembers.userId, userId))
    .limit(1);
  return contact?.agencyId ?? null;
}
