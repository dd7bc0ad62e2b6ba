import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { historyImportResult } from '../../../shared/api/insights.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { cycles, insightHistory } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { recordEvent } from '../../events/recordEvent.ts';
import { parseHistoryCsv } from '../../insights/historyCsv.ts';
import { transact } from '../../live/transact.ts';
import { canUpdateClient } from '../../policies/client.ts';
import { loadClient } from '../../tenancy.ts';

/**
 * Past months' figures from the agency's spreadsheet; a month imported again is replaced. A dry
 * run (or a file with errors) only reads the file.
 */
export async function importInsightHistory(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  clientId: string,
  bytes: Buffer,
  dryRun: boolean,
): Promise<z.input<typeof historyImportResult>> {
  const client = await loadClient(ctx.db, actor, clientId);
  if (!canUpdateClient(actor, client) || client.archivedAt) throw new AppError('forbidden');
  const planned = await ctx.db
    .select({ month: cycles.month })
    .from(cycles)
    .where(eq(cycles.clientId, client.id));
  const { rows, errors } = parseHistoryCsv(bytes, { plitMonths: new Set(planned.map((p) => p.month)) });
  // All or nothing: a file with a bad row changes nothing, so fixing it and sending it again is safe.
  if (dryRun || errors.length > 0) return { rows, errors };
  await transact(ctx, async (tx) => {
    for (const { line: _line, ...row } of rows) {
      await tx
        .insert(insightHistory)
        .values({ clientId: client.id, ...row, importedById: actor.user.id })
        .onConflictDoUpdate({
          target: [insightHistory.clientId, insightHistory.month],
          set: { ...row, importedById: actor.user.id, importedAt: new Date() },
        });
    }
    await recordEvent(tx, actor.user, {
      agencyId: client.agencyId,
      clientId: client.id,
      type: 'insights.history_imported',
      subjectType: 'client',
      subjectId: client.id,
      data: { months: rows.map((r) => r.month) },
    });
  });
  return { rows, errors, imported: rows.length };
}
