import { and, count, eq } from 'drizzle-orm';
import { memberColumns } from '../../accounts/queries.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Executor } from '../../db/connect.ts';
import { agencies, agencyMembers, users } from '../../db/schema/index.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { canManageMembers } from '../../policies/member.ts';

/** The agency whose members the actor manages (owners only), else 403. */
export function managedAgency(actor: Actor): NonNullable<Actor['agency']> {
  if (!canManageMembers(actor) || !actor.agency) throw forbidden();
  return actor.agency;
}

/** A member of the agency, locked for a change; 404 for anyone else. */
export async function findMember(db: Executor, agencyId: string, userId: string) {
  // Member changes of one agency take turns: two owners demoting each other at once would
  // otherwise both see "another owner left" and leave the agency with none.
  await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, agencyId)).for('update');
  const [row] = await db
    .select(memberColumns)
    .from(agencyMembers)
    .innerJoin(users, eq(users.id, agencyMembers.userId))
    .where(and(eq(agencyMembers.agencyId, agencyId), eq(agencyMembers.userId, userId)))
    .for('update', { of: agencyMembers });
  if (!row) throw notFound();
  return row;
}

export type MemberRow = Awaited<ReturnType<typeof findMember>>;

/** Refuse to leave the agency without an owner: nobody could manage it any more. */
export async function assertAnotherOwner(db: Executor, agencyId: string): Promise<void> {
  const [owners] = await db
    .select({ n: count() })
    .from(agencyMembers)
    .where(and(eq(agencyMembers.agencyId, agencyId), eq(agencyMembers.role, 'owner')));
  if ((owners?.n ?? 0) <= 1) throw new AppError('last_owner');
}
