import { and, asc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { insightsQuery } from '../../shared/api/insights.ts';
import { previousMonth } from '../../shared/time.ts';
import type { Actor } from '../auth/actor.ts';
import type { Executor } from '../db/connect.ts';
import { clients } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { todayIn } from '../planning/cycleRules.ts';
import { sideOf } from '../policies/side.ts';
import { loadClient } from '../tenancy.ts';
import { insightMonths, insightMonthsOf } from './months.ts';

/** The months asked for, or the twelve up to this one; never more than three years at once. */
function rangeOf(query: z.infer<typeof insightsQuery>, timezone: string) {
  const to = query.to ?? todayIn(timezone).slice(0, 7);
  let from = query.from;
  if (!from) {
    from = to;
    for (let i = 0; i < 11; i++) from = previousMonth(from);
  }
  if (from > to)
    throw new AppError('validation_failed', { fields: { from: 'The first month comes after the last.' } });
  let limit = to;
  for (let i = 0; i < 35; i++) limit = previousMonth(limit);
  if (from < limit)
    throw new AppError('validation_failed', { fields: { from: 'Ask for three years at most.' } });
  return { from, to };
}

/** One client's months in the range asked for (in the client's time zone). */
export async function insightsOfClient(
  db: Executor,
  actor: Actor,
  clientId: string,
  query: z.infer<typeof insightsQuery>,
) {
  const client = await loadClient(db, actor, clientId);
  const { from, to } = rangeOf(query, client.timezone);
  return {
    client,
    from,
    to,
    months: await insightMonths(db, client, from, to, { side: sideOf(actor, client) }),
  };
}

/** The agency's clients that are not archived, each with its months, and the months shown. */
export async function insightsOfAgency(db: Executor, actor: Actor, query: z.infer<typeof insightsQuery>) {
  if (!actor.agency)
    throw new AppError('forbidden', { message: "Insights across clients are the agency's." });
  const { from, to } = rangeOf(query, 'Europe/Kyiv');
  const rows = await db
    .select()
    .from(clients)
    .where(and(eq(clients.agencyId, actor.agency.id), isNull(clients.archivedAt)))
    .orderBy(asc(clients.name));
  const byClient = await insightMonthsOf(db, rows, from, to);
  const months: string[] = [];
  for (let m = to; m >= from; m = previousMonth(m)) months.unshift(m);
  return { months, clients: rows.map((client) => ({ client, months: byClient.get(client.id)! })) };
}

/** A month's report: that month and the 23 before it, for the average before co-creation. */
export async function reportMonthsOf(db: Executor, actor: Actor, clientId: string, month: string) {
  const client = await loadClient(db, actor, clientId);
  let from = month;
  for (let i = 0; i < 23; i++) from = previousMonth(from);
  return { client, months: await insightMonths(db, client, from, month, { side: sideOf(actor, client) }) };
}
