import { and, eq, gt, inArray } from 'drizzle-orm';
import type { Executor } from '../db/connect.ts';
import { posts, postVersions, type slots } from '../db/schema/index.ts';
import type { Side } from '../policies/side.ts';

type SlotRow = typeof slots.$inferSelect;

/**
 * The publish times of the versions sent to the client, by slot: for each slot holding a post
 * that has a sent version, `post_versions.publish_at` of the post's `revision`. A slot without a
 * post, or with a post never sent, is absent.
 */
export async function sentTimesOfSlots(db: Executor, slotIds: string[]): Promise<Map<string, Date>> {
  if (slotIds.length === 0) return new Map();
  const rows = await db
    .select({ slotId: posts.slotId, publishAt: postVersions.publishAt })
    .from(posts)
    .innerJoin(
      postVersions,
      and(eq(postVersions.postId, posts.id), eq(postVersions.revision, posts.revision)),
    )
    .where(and(inArray(posts.slotId, slotIds), gt(posts.revision, 0)));
  return new Map(rows.map((r) => [r.slotId, r.publishAt]));
}

/**
 * A plan's slots as this side is shown them, in the order of the time shown. The agency sees
 * each slot where it is. A client contact knows a post as the last version sent to them,
 * publish time included (`presenters/posts/face.ts` `postFaces()`), so a slot holding a sent
 * post is shown at that version's time: the agency moving it (the slot, or the post's publish
 * time) is its unsent change until the next version goes out, and the plan, its exports and the
 * calendar feed must not tell the client before the post does. Only `startsAt` is replaced:
 * `presentSlot` derives the date and time in the client's zone from it, so they follow. A slot
 * with no sent post is the shared plan itself and is shown as it is.
 */
export async function slotsAsShown(db: Executor, side: Side, rows: SlotRow[]): Promise<SlotRow[]> {
  if (side === 'agency') return rows;
  const sent = await sentTimesOfSlots(
    db,
    rows.map((s) => s.id),
  );
  if (sent.size === 0) return rows;
  const shown = rows.map((s) => ({ ...s, startsAt: sent.get(s.id) ?? s.startsAt }));
  // Array.prototype.sort is stable: slots at the same instant keep the order they came in.
  return shown.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}
