import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { updatePostBody } from '../../../shared/api/posts.ts';
import { localParts } from '../../../shared/time.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { posts, slots } from '../../db/schema/index.ts';
import { AppError, staleVersion } from '../../errors.ts';
import { transact } from '../../live/transact.ts';
import { recordPostEvent } from '../../posts/event.ts';
import { loadPost } from '../../posts/load.ts';
import { requireEditable } from './editablePost.ts';

/** Change the visual brief, hashtags, link, first comment or publish time of a post. */
export function editPost(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  postId: string,
  input: z.output<typeof updatePostBody>,
): Promise<void> {
  const { version, publishAt, ...fields } = input;
  return transact(ctx, async (tx) => {
    const found = await loadPost(tx, actor, postId, true);
    requireEditable(actor, found);
    if (found.post.version !== version) throw staleVersion();
    if (publishAt !== undefined) {
      // A post goes out in its month; moving it to another is a matter for that month's plan.
      if (!localParts(new Date(publishAt), found.client.timezone).date.startsWith(`${found.cycle.month}-`)) {
        throw new AppError('validation_failed', {
          fields: { publishAt: `Pick a time in ${found.cycle.month}, the month of this plan.` },
        });
      }
      await tx
        .update(slots)
        .set({ startsAt: new Date(publishAt), version: sql`${slots.version} + 1` })
        .where(eq(slots.id, found.slot.id));
    }
    await tx
      .update(posts)
      .set({ ...fields, version: version + 1, updatedAt: new Date() })
      .where(eq(posts.id, found.post.id));
    await recordPostEvent(tx, actor, found, 'post.updated', { fields: Object.keys(input) });
  });
}
