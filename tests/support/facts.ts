import { eq } from 'drizzle-orm';
import type { Db } from '../../src/server/db/connect.ts';
import { cycles, factItems, factRequests } from '../../src/server/db/schema/index.ts';
import { todayIn } from '../../src/server/planning/cycleRules.ts';
import type { TestAgency } from './factories.ts';
import { makePlanForMeeting } from './meetings.ts';

/** A local date `days` from today in Kyiv (the test clients' zone). */
export const kyivDay = (days: number, now = new Date()) =>
  todayIn('Europe/Kyiv', new Date(now.getTime() + days * 86_400_000));

type ItemInput = Partial<typeof factItems.$inferInsert> & { question: string };

/**
 * A December plan whose meeting is over and whose fact request is already sent (a day ago),
 * with the given items; the first topic's items unless an item says otherwise.
 */
export async function makeSentRequest(db: Db, agency: TestAgency, items: ItemInput[]) {
  const plan = await makePlanForMeeting(db, agency);
  await db.update(cycles).set({ stage: 'facts' }).where(eq(cycles.id, plan.cycle.id));
  const [request] = await db
    .insert(factRequests)
    .values({
      cycleId: plan.cycle.id,
      clientId: agency.client.id,
      status: 'sent',
      sentAt: new Date(Date.now() - 86_400_000),
    })
    .returning();
  const rows = await db
    .insert(factItems)
    .values(
      items.map((item, i) => ({
        requestId: request!.id,
        topicId: plan.topics[0]!.id,
        source: 'manual' as const,
        position: i + 1,
        dueOn: kyivDay(3),
        ...item,
      })),
    )
    .returning();
  return { plan, request: request!, items: rows };
}
