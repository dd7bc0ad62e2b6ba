import { and, desc, eq, lt } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Executor } from '../db/connect.ts';
import { cadenceRules, cycleStageChanges, cycles } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { recordEvent } from '../events/recordEvent.ts';
import type { ClientRow } from '../tenancy.ts';
import { defaultDeadlines } from './cycleRules.ts';

/** Start planning a month for a client, optionally with last month's cadence. */
export async function startCycle(
  tx: Executor,
  actor: Actor,
  client: ClientRow,
  input: { month: string; copyCadence: boolean },
) {
  const [row] = await tx
    .insert(cycles)
    .values({
      clientId: client.id,
      month: input.month,
      deadlines: defaultDeadlines(input.month, client.stageDays),
    })
    .onConflictDoNothing()
    .returning();
  if (!row) {
    const message = 'This month is already being planned for this client.';
    throw new AppError('conflict', { message, fields: { month: message } });
  }
  await tx.insert(cycleStageChanges).values({
    cycleId: row.id,
    fromStage: null,
    toStage: 'preparation',
    actorId: actor.user.id,
    actorName: actor.user.name,
  });
  if (input.copyCadence) {
    const [previous] = await tx
      .select({ id: cycles.id })
      .from(cycles)
      .where(and(eq(cycles.clientId, client.id), lt(cycles.month, input.month)))
      .orderBy(desc(cycles.month))
      .limit(1);
    if (previous) {
      const rules = await tx.select().from(cadenceRules).where(eq(cadenceRules.cycleId, previous.id));
      if (rules.length > 0) {
        await tx.insert(cadenceRules).values(
          rules.map(({ channelId, format, weekdays, time, rubricId }) => ({
            cycleId: row.id,
            channelId,
            format,
            weekdays,
            time,
            rubricId,
          })),
        );
      }
    }
  }
  await recordEvent(tx, actor.user, {
    agencyId: client.agencyId,
    clientId: client.id,
    type: 'cycle.started',
    subjectType: 'cycle',
    subjectId: row.id,
    data: { month: row.month },
  });
  return row;
}
