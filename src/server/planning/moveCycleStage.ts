import { and, eq, isNull, sql } from 'drizzle-orm';
import type { CycleStage } from '../../shared/roles.ts';
import type { Actor } from '../auth/actor.ts';
import type { Executor } from '../db/connect.ts';
import { cycleStageChanges, cycles, topicPasses, topics } from '../db/schema/index.ts';
import { AppError, staleVersion } from '../errors.ts';
import { recordEvent } from '../events/recordEvent.ts';
import { missingFor, stageIndex } from './cycleRules.ts';
import { planFacts, unusedTopicsOf } from './cycleView.ts';
import type { CycleInClient } from './load.ts';

/**
 * Move a cycle one stage on (after its checks) or one stage back (to correct a mistake).
 * Closing sends every unused topic to the client's reserve.
 */
export async function moveCycleStage(
  tx: Executor,
  /** null: Plit itself (the month's end closes a running cycle). */
  actor: Actor | null,
  { cycle, client }: CycleInClient,
  to: CycleStage,
  version: number,
) {
  if (cycle.version !== version) throw staleVersion();
  const step = stageIndex(to) - stageIndex(cycle.stage);
  if (step !== 1 && step !== -1) {
    throw new AppError('conflict', {
      message: `A cycle moves one stage at a time; it is in ${cycle.stage}.`,
      fields: { to: 'Not the next or previous stage' },
    });
  }
  if (step === 1) {
    const missing = missingFor(cycle.stage, await planFacts(tx, client, cycle));
    if (missing.length > 0) {
      throw new AppError('stage_blocked', {
        message: `Cannot move on yet: ${missing.join(', ')}.`,
        fields: { to: missing.join(',') },
      });
    }
  }
  const [row] = await tx
    .update(cycles)
    .set({ stage: to, version: cycle.version + 1 })
    .where(eq(cycles.id, cycle.id))
    .returning();
  await tx.insert(cycleStageChanges).values({
    cycleId: cycle.id,
    fromStage: cycle.stage,
    toStage: to,
    actorId: actor?.user.id ?? null,
    actorName: actor?.user.name ?? null,
  });
  if (to === 'closed') await reserveUnusedTopics(tx, cycle.id);
  await recordEvent(tx, actor?.user ?? null, {
    agencyId: client.agencyId,
    clientId: client.id,
    type: 'cycle.stage_changed',
    subjectType: 'cycle',
    subjectId: cycle.id,
    data: { month: cycle.month, from: cycle.stage, to },
    state: cycle,
  });
  return row!;
}

/** Topics never placed in a slot are not wasted: they wait in the reserve for a later month. */
async function reserveUnusedTopics(tx: Executor, cycleId: string) {
  const moved = await tx
    .update(topics)
    .set({
      cycleId: null,
      status: 'parked',
      reservedAt: new Date(),
      updatedAt: new Date(),
      version: sql`${topics.version} + 1`,
    })
    .where(unusedTopicsOf(cycleId))
    .returning({ id: topics.id });
  for (const { id } of moved) {
    await tx
      .update(topicPasses)
      .set({ leftAt: new Date(), leftAs: 'unused' })
      .where(and(eq(topicPasses.topicId, id), eq(topicPasses.cycleId, cycleId), isNull(topicPasses.leftAt)));
  }
  return moved.length;
}
