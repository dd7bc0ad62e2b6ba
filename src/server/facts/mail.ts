import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Context } from '../context.ts';
import { clientMembers, factItems, users } from '../db/schema/index.ts';
import { factRequestEmail } from '../mail/templates.ts';
import { monthName } from '../planning/monthNames.ts';
import type { RequestInCycle } from './load.ts';

/** Tell every contact of the client that the request is theirs now, after the send committed. */
export async function mailFactRequest(
  ctx: Context,
  actor: Actor,
  { request, cycle, client }: RequestInCycle,
) {
  const items = await ctx.db
    .select({ dueOn: factItems.dueOn })
    .from(factItems)
    .where(eq(factItems.requestId, request.id))
    .orderBy(asc(factItems.dueOn));
  const contacts = await ctx.db
    .select({ email: users.email })
    .from(clientMembers)
    .innerJoin(users, eq(users.id, clientMembers.userId))
    .where(eq(clientMembers.clientId, client.id));
  const email = factRequestEmail({
    link: `${ctx.env.publicUrl}/cycles/${cycle.id}`,
    clientName: client.name,
    monthUk: monthName(cycle.month, 'uk'),
    monthEn: monthName(cycle.month, 'en'),
    items: items.length,
    due: items.find((i) => i.dueOn)?.dueOn ?? null,
    agencyName: actor.agency?.name ?? '',
  });
  for (const { email: to } of contacts) await ctx.mailer.send({ ...email, to, agencyId: client.agencyId });
}
