import { eq, max } from 'drizzle-orm';
import type { z } from 'zod';
import type { ideaBody } from '../../../shared/api/meetings.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { topicPasses, topics } from '../../db/schema/index.ts';
import { transact } from '../../live/transact.ts';
import { recordMeetingEvent } from '../../meetings/event.ts';
import { loadMeetingForChange } from '../../meetings/load.ts';
import { checkTopicRefs } from '../../planning/topicInput.ts';
import { canContribute } from '../../policies/meeting.ts';
import type { TopicRow } from '../planning/topicScope.ts';

/** An idea from either side becomes a topic at the end of the plan (source: meeting, author recorded). */
export function addMeetingIdea(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  meetingId: string,
  input: z.output<typeof ideaBody>,
): Promise<TopicRow> {
  return transact(ctx, async (tx) => {
    const found = await loadMeetingForChange(tx, actor, meetingId, canContribute);
    await checkTopicRefs(tx, found.client.id, input);
    const [last] = await tx
      .select({ p: max(topics.position) })
      .from(topics)
      .where(eq(topics.cycleId, found.cycle.id));
    const [row] = await tx
      .insert(topics)
      .values({
        clientId: found.client.id,
        cycleId: found.cycle.id,
        title: input.title,
        angle: input.angle,
        rubricId: input.rubricId ?? null,
        source: 'meeting',
        authorId: actor.user.id,
        authorName: actor.user.name,
        position: (last?.p ?? 0) + 1,
      })
      .returning();
    await tx.insert(topicPasses).values({ topicId: row!.id, cycleId: found.cycle.id });
    await recordMeetingEvent(tx, actor, found, 'meeting.idea_added', {
      topicId: row!.id,
      title: row!.title,
    });
    return row!;
  });
}
