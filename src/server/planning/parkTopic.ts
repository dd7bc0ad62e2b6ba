import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/connect.ts';
import { slots, topicPasses, topics } from '../db/schema/index.ts';

type TopicRow = typeof topics.$inferSelect;

/** Out of this month's plan (and its slot), into the client's reserve, with the pass closed as "parked". */
export async function parkTopic(tx: Executor, topic: TopicRow, cycleId: string): Promise<TopicRow> {
  await tx
    .update(slots)
    .set({ topicId: null, version: sql`${slots.version} + 1` })
    .where(eq(slots.topicId, topic.id));
  const [row] = await tx
    .update(topics)
    .set({
      cycleId: null,
      status: 'parked',
      reservedAt: new Date(),
      version: topic.version + 1,
      updatedAt: new Date(),
    })
    .where(eq(topics.id, topic.id))
    .returning();
  await tx
    .update(topicPasses)
    .set({ leftAt: new Date(), leftAs: 'parked' })
    .where(
      and(eq(topicPasses.topicId, topic.id), eq(topicPasses.cycleId, cycleId), isNull(topicPasses.leftAt)),
    );
  return row!;
}
