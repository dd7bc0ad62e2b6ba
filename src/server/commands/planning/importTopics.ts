import { and, asc, eq, isNull, max, sql } from 'drizzle-orm';
import type { TopicImportResult } from '../../../shared/api/planning.ts';
import { localParts } from '../../../shared/time.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { rubrics, slots, topicPasses, topics } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { transact } from '../../live/transact.ts';
import { loadCycle, loadCycleForChange } from '../../planning/load.ts';
import { recordPlanEvent } from '../../planning/planEvent.ts';
import { parseTopicCsv } from '../../planning/topicCsv.ts';
import { canAddTopics } from '../../policies/plan.ts';

/**
 * Topics from a spreadsheet into a month's plan, at the end of its list; a row with a date goes
 * into a free slot of that day. A dry run (or a file with errors) only reads the file.
 */
export async function importTopics(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  cycleId: string,
  bytes: Buffer,
  dryRun: boolean,
): Promise<TopicImportResult> {
  const { cycle, client } = await loadCycle(ctx.db, actor, cycleId);
  if (!canAddTopics(actor, client, cycle)) throw new AppError('forbidden');
  const clientRubrics = await ctx.db
    .select({ id: rubrics.id, name: rubrics.name })
    .from(rubrics)
    .where(eq(rubrics.clientId, client.id));
  const parsed = parseTopicCsv(bytes, { rubrics: clientRubrics, month: cycle.month });
  // All or nothing: a file with any bad row changes nothing, so fixing it and sending it again is safe.
  if (dryRun || parsed.errors.length > 0 || parsed.rows.length === 0) {
    if (!dryRun && parsed.rows.length === 0 && parsed.errors.length === 0) {
      throw new AppError('validation_failed', { message: 'The file has no topics.' });
    }
    return { encoding: parsed.encoding, rows: parsed.rows, errors: parsed.errors };
  }
  const created = await transact(ctx, async (tx) => {
    const found = await loadCycleForChange(tx, actor, cycle.id, canAddTopics);
    const [last] = await tx
      .select({ p: max(topics.position) })
      .from(topics)
      .where(eq(topics.cycleId, cycle.id));
    const rows = await tx
      .insert(topics)
      .values(
        parsed.rows.map((row, i) => ({
          clientId: client.id,
          cycleId: cycle.id,
          title: row.title,
          angle: row.angle,
          rubricId: row.rubricId,
          source: 'agency' as const,
          authorId: actor.user.id,
          authorName: actor.user.name,
          position: (last?.p ?? 0) + i + 1,
        })),
      )
      .returning({ id: topics.id });
    await tx.insert(topicPasses).values(rows.map((r) => ({ topicId: r.id, cycleId: cycle.id })));
    // A row with a date goes into the first free slot of that day, if there is one.
    const free = (
      await tx
        .select()
        .from(slots)
        .where(and(eq(slots.cycleId, cycle.id), isNull(slots.topicId)))
        .orderBy(asc(slots.startsAt))
    ).map((s) => ({ id: s.id, date: localParts(s.startsAt, client.timezone).date }));
    for (const [i, row] of parsed.rows.entries()) {
      const at = row.date ? free.findIndex((s) => s.date === row.date) : -1;
      if (at < 0) continue;
      const [slot] = free.splice(at, 1);
      await tx
        .update(slots)
        .set({ topicId: rows[i]!.id, version: sql`${slots.version} + 1` })
        .where(eq(slots.id, slot!.id));
    }
    await recordPlanEvent(
      tx,
      actor,
      found,
      'topics.imported',
      { type: 'cycle', id: cycle.id },
      { count: rows.length },
    );
    return rows.length;
  });
  return { encoding: parsed.encoding, rows: parsed.rows, errors: [], created };
}
