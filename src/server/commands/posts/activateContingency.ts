import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { activateContingencyBody } from '../../../shared/api/posts.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import type { Tx } from '../../db/connect.ts';
import { channels, clientPlans, contingencies, posts, unplannedChanges } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../errors.ts';
import { transact } from '../../live/transact.ts';
import { todayIn } from '../../planning/cycleRules.ts';
import type { CycleInClient } from '../../planning/load.ts';
import { addSituationalPost, contingencyOfCycle, seedCopy } from '../../posts/changes/log.ts';
import { recordPostEvent } from '../../posts/event.ts';
import { loadCycleForChangeLog } from './changeScope.ts';

type Body = z.infer<typeof activateContingencyBody>;

/**
 * "What if" happened: the prepared concept becomes a slot and a draft post whose copy starts
 * from it, logged as a situational post the contingency covered.
 */
export async function activateContingency(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  contingencyId: string,
  body: Body,
) {
  const [ref] = await ctx.db
    .select({ cycleId: clientPlans.cycleId })
    .from(contingencies)
    .innerJoin(clientPlans, eq(clientPlans.id, contingencies.planId))
    .where(eq(contingencies.id, contingencyId));
  if (!ref) throw notFound();
  return transact(ctx, async (tx) => {
    const found = await loadCycleForChangeLog(tx, actor, ref.cycleId);
    return turnIntoPost(tx, actor, found, contingencyId, body);
  });
}

async function turnIntoPost(tx: Tx, actor: Actor, found: CycleInClient, contingencyId: string, body: Body) {
  const contingency = await contingencyOfCycle(tx, found.cycle.id, contingencyId);
  const [used] = await tx
    .select({ id: unplannedChanges.id })
    .from(unplannedChanges)
    .where(and(eq(unplannedChanges.contingencyId, contingency.id), eq(unplannedChanges.kind, 'situational')));
  if (used) throw new AppError('conflict', { message: 'This contingency has been activated already.' });
  const channelId = body.channelId ?? contingency.channelId;
  if (!channelId) {
    throw new AppError('validation_failed', { fields: { channelId: 'Pick the channel the post goes to.' } });
  }
  const [channel] = await tx.select().from(channels).where(eq(channels.id, channelId));
  const format = body.format ?? contingency.format ?? channel?.formats[0];
  if (!format) throw new AppError('validation_failed', { fields: { format: 'Pick a format.' } });
  const title =
    contingency.concept.length > 300 ? `${contingency.concept.slice(0, 299)}…` : contingency.concept;
  const made = await addSituationalPost(
    tx,
    actor,
    found,
    { startsAt: body.startsAt, channelId, format },
    { title, angle: contingency.trigger },
    body.requesterSide,
  );
  await seedCopy(tx, made.post.id, contingency.concept);
  await tx.update(posts).set({ copyText: contingency.concept }).where(eq(posts.id, made.post.id));
  const [change] = await tx
    .insert(unplannedChanges)
    .values({
      cycleId: found.cycle.id,
      kind: 'situational',
      urgency: body.urgency,
      requesterSide: body.requesterSide,
      requesterName: body.requesterName,
      reason: body.reason || contingency.trigger,
      postId: made.post.id,
      slotId: made.slot.id,
      newTopicId: made.topic.id,
      contingencyId: contingency.id,
      covered: true,
      happenedOn: todayIn(found.client.timezone),
      loggedById: actor.user.id,
      loggedByName: actor.user.name,
    })
    .returning();
  await recordPostEvent(tx, actor, { ...found, post: made.post }, 'post.contingency_activated', {
    changeId: change!.id,
    concept: title,
  });
  return change!;
}
