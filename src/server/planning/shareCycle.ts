import { eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Context } from '../context.ts';
import type { Executor } from '../db/connect.ts';
import { clientMembers, cycles, users } from '../db/schema/index.ts';
import { recordEvent } from '../events/recordEvent.ts';
import { planSharedEmail } from '../mail/templates.ts';
import type { ClientRow } from '../tenancy.ts';
import type { CycleInClient, CycleRow } from './load.ts';
import { monthName } from './monthNames.ts';

/** Make the agency's draft visible to the client's contacts. */
export async function shareCycle(
  tx: Executor,
  actor: Actor,
  { cycle, client }: CycleInClient,
): Promise<CycleRow> {
  const [row] = await tx
    .update(cycles)
    .set({ sharedAt: new Date(), version: cycle.version + 1 })
    .where(eq(cycles.id, cycle.id))
    .returning();
  await recordEvent(tx, actor.user, {
    agencyId: client.agencyId,
    clientId: client.id,
    type: 'cycle.shared',
    subjectType: 'cycle',
    subjectId: cycle.id,
    data: { month: cycle.month },
  });
  return row!;
}

/** Tell every contact of the client, after the share is committed. */
export async function mailPlanShared(
  ctx: Context,
  actor: Actor,
  client: ClientRow,
  cycle: CycleRow,
): Promise<void> {
  const contacts = await ctx.db
    .select({ email: users.email })
    .from(clientMembers)
    .innerJoin(users, eq(users.id, clientMembers.userId))
    .where(eq(clientMembers.clientId, client.id));
  const email = planSharedEmail({
    link: `${ctx.env.publicUrl}/cycles/${cycle.id}`,
    clientName: client.name,
    monthUk: monthName(cycle.month, 'uk'),
    monthEn: monthName(cycle.month, 'en'),
    agencyName: actor.agency?.name ?? '',
  });
  for (const { email: to } of contacts) await ctx.mailer.send({ ...email, to, agencyId: client.agencyId });
}
