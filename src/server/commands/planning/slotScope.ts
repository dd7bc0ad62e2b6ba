import { and, eq, inArray } from 'drizzle-orm';
import { localParts } from '../../../shared/time.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Executor } from '../../db/connect.ts';
import { posts, slots } from '../../db/schema/index.ts';
import { AppError, notFound, staleVersion } from '../../errors.ts';
import { type CycleInClient, cycleIdOfSlot, loadCycleForChange } from '../../planning/load.ts';
import { canEditPlan } from '../../policies/plan.ts';

export type SlotRow = typeof slots.$inferSelect;

/** A slot as the schedule shows it: the row and the client's time zone to read it in. */
export interface SlotInZone {
  row: SlotRow;
  timezone: string;
}

/** Load a slot's plan for a change: 404 for a slot out of reach, 403 without the right. */
export async function planOfSlot(tx: Executor, actor: Actor, slotId: string): Promise<CycleInClient> {
  return loadCycleForChange(tx, actor, await cycleIdOfSlot(tx, slotId), canEditPlan);
}

/** Lock a slot of the plan for a change; with a version, a stale one answers 409. */
export async function lockSlot(
  tx: Executor,
  found: CycleInClient,
  slotId: string,
  version?: number,
): Promise<SlotRow> {
  const [row] = await tx
    .select()
    .from(slots)
    .where(and(eq(slots.id, slotId), eq(slots.cycleId, found.cycle.id)))
    .for('update');
  if (!row) throw notFound();
  if (version !== undefined && row.version !== version) throw staleVersion();
  return row;
}

/** A slot's place with some of it changed: what is not given stays as it is (local date and time). */
export function placeOf(
  current: SlotRow,
  timezone: string,
  changes: {
    date?: string | undefined;
    time?: string | undefined;
    channelId?: string | undefined;
    format?: SlotRow['format'] | undefined;
    rubricId?: string | null | undefined;
  },
) {
  const local = localParts(current.startsAt, timezone);
  return {
    date: changes.date ?? local.date,
    time: changes.time ?? local.time,
    channelId: changes.channelId ?? current.channelId,
    format: changes.format ?? current.format,
    rubricId: changes.rubricId === undefined ? current.rubricId : changes.rubricId,
  };
}

/**
 * A slot with a post keeps its topic: swapping it then is a replacement, logged as an
 * unplanned change (which also moves the post), not a drag in the schedule.
 */
export async function refuseWhenWritten(tx: Executor, slotIds: string[]): Promise<void> {
  const [written] = await tx.select({ id: posts.id }).from(posts).where(inArray(posts.slotId, slotIds));
  if (written) {
    throw new AppError('conflict', {
      message: 'This slot already has a post. To swap its topic, log a replacement in Unplanned changes.',
    });
  }
}
