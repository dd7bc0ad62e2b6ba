import { eq } from 'drizzle-orm';
import { daysOfMonth } from '../../shared/time.ts';
import type { WorkContext } from '../context.ts';
import { clients, cycles } from '../db/schema/index.ts';
import { transact } from '../live/transact.ts';
import { todayIn } from '../planning/cycleRules.ts';
import { moveCycleStage } from '../planning/moveCycleStage.ts';

/**
 * A running month closes by itself once it is over in the client's time zone; closing sends
 * its unused topics to the reserve (moveCycleStage). Each cycle is claimed with SKIP LOCKED,
 * so two processes never close one twice.
 */
export async function closeFinishedMonths(ctx: WorkContext, now = new Date()): Promise<number> {
  const running = await ctx.db
    .select({ id: cycles.id, month: cycles.month, timezone: clients.timezone })
    .from(cycles)
    .innerJoin(clients, eq(clients.id, cycles.clientId))
    .where(eq(cycles.stage, 'running'));
  let closed = 0;
  for (const c of running) {
    if (todayIn(c.timezone, now) <= daysOfMonth(c.month).at(-1)!) continue;
    await transact({ ...ctx }, async (tx) => {
      const [row] = await tx
        .select({ cycle: cycles, client: clients })
        .from(cycles)
        .innerJoin(clients, eq(clients.id, cycles.clientId))
        .where(eq(cycles.id, c.id))
        .for('update', { of: cycles, skipLocked: true });
      if (row?.cycle.stage !== 'running') return;
      await moveCycleStage(tx, null, row, 'closed', row.cycle.version);
      closed += 1;
    }).catch((err: unknown) => ctx.log.warn({ err, cycleId: c.id }, 'closing a finished month failed'));
  }
  return closed;
}

export function startMonthCloser(ctx: WorkContext, everyMs: number): () => void {
  const tick = () =>
    void closeFinishedMonths(ctx).catch((err: unknown) => ctx.log.warn({ err }, 'closing months failed'));
  const first = setTimeout(tick, 10_000);
  const timer = setInterval(tick, everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
