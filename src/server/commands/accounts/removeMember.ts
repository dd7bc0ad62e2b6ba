import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import { endAccess } from '../../auth/endAccess.ts';
import type { Context } from '../../context.ts';
import { agencyMembers } from '../../db/schema/index.ts';
import { recordEvent } from '../../events/recordEvent.ts';
import { transact } from '../../live/transact.ts';
import { assertAnotherOwner, findMember, managedAgency } from './memberScope.ts';

/** Remove a member from the agency (owners only; not its last owner) and end their access. */
export async function removeMember(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  userId: string,
): Promise<void> {
  const agency = managedAgency(actor);
  const sockets = await transact(ctx, async (tx) => {
    const before = await findMember(tx, agency.id, userId);
    if (before.role === 'owner') await assertAnotherOwner(tx, agency.id);
    await tx
      .delete(agencyMembers)
      .where(and(eq(agencyMembers.agencyId, agency.id), eq(agencyMembers.userId, before.userId)));
    await recordEvent(tx, actor.user, {
      agencyId: agency.id,
      type: 'member.removed',
      subjectType: 'user',
      subjectId: before.userId,
      data: { name: before.name },
    });
    return endAccess(tx, { userId: before.userId, leavingAgency: true });
  });
  await ctx.live.drop(sockets);
}
