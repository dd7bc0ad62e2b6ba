import { and, eq } from 'drizzle-orm';
import type { AgencyRole } from '../../../shared/roles.ts';
import type { Actor } from '../../auth/actor.ts';
import { revokeWhatTheyCopied } from '../../auth/endAccess.ts';
import type { Context } from '../../context.ts';
import { agencyMembers } from '../../db/schema/index.ts';
import { recordEvent } from '../../events/recordEvent.ts';
import { transact } from '../../live/transact.ts';
import { assertAnotherOwner, findMember, type MemberRow, managedAgency } from './memberScope.ts';

/** Give a member another role in the agency (owners only; the last owner stays one). */
export async function changeMemberRole(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  userId: string,
  role: AgencyRole,
): Promise<MemberRow> {
  const agency = managedAgency(actor);
  const { member, ended } = await transact(ctx, async (tx) => {
    const before = await findMember(tx, agency.id, userId);
    if (before.role === role) return { member: before, ended: [] };
    if (before.role === 'owner') await assertAnotherOwner(tx, agency.id);
    await tx
      .update(agencyMembers)
      .set({ role })
      .where(and(eq(agencyMembers.agencyId, agency.id), eq(agencyMembers.userId, before.userId)));
    // A creator hands out no links: what they copied as a manager stops working.
    const ended = role === 'creator' ? await revokeWhatTheyCopied(tx, before.userId) : [];
    await recordEvent(tx, actor.user, {
      agencyId: agency.id,
      type: 'member.role_changed',
      subjectType: 'user',
      subjectId: before.userId,
      data: { name: before.name, from: before.role, to: role },
    });
    return { member: { ...before, role }, ended };
  });
  if (ended.length > 0) await ctx.live.drop({ sessionIds: ended });
  return member;
}
