import { and, eq, ne, sql } from 'drizzle-orm';
import type * as Y from 'yjs';
import type { Actor } from '../auth/actor.ts';
import type { Db, Executor } from '../db/connect.ts';
import { clients, posts, slots, unplannedChanges } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { todayIn } from '../planning/cycleRules.ts';
import { canEditPost } from '../policies/posts.ts';
import { copyOf, postOfDocument } from './copyDoc.ts';
import { loadPost } from './load.ts';

/**
 * May this person open a post's copy, and write? The agency's people read it always and
 * write while the post is editable; the client reads the versions sent to them (REST), not
 * the writer's live document. null: as if it did not exist.
 */
export async function copyAccess(
  db: Executor,
  actor: Actor,
  documentName: string,
): Promise<'write' | 'read' | null> {
  const postId = postOfDocument(documentName);
  if (!postId) return null;
  try {
    const { post, client, cycle } = await loadPost(db, actor, postId);
    if (actor.agency?.id !== client.agencyId) return null;
    return canEditPost(actor, client, cycle, post) ? 'write' : 'read';
  } catch {
    return null;
  }
}

/**
 * Run inside the transaction that stores an edit of a post's copy: refuse it when the post
 * is no longer editable (sent to the client, published). The post row is share-locked, so a
 * status change waits for this edit to be stored (and frozen into the version) or comes
 * first (and this edit is refused): the client never approves a copy that changed under it.
 */
export async function checkCopyWritable(tx: Executor, documentName: string): Promise<void> {
  const postId = postOfDocument(documentName);
  if (!postId) return;
  const [row] = await tx
    .select({ status: posts.status })
    .from(posts)
    .where(eq(posts.id, postId))
    .for('share');
  if (!row || row.status === 'client_review' || row.status === 'published') {
    throw new AppError('post_locked');
  }
}

/**
 * After a copy's edits are stored: keep its plain text on the post, and notice a same-day
 * rewrite (an approved post's copy changed on its publish day, in the client's time zone).
 * The copy has no version of its own here: co-writers typing must not refuse each other's
 * saves of the other fields.
 */
export async function syncCopy(db: Db, documentName: string, doc: Y.Doc, now = new Date()): Promise<void> {
  const postId = postOfDocument(documentName);
  if (!postId) return;
  const text = copyOf(doc).layout.text;
  await db.transaction(async (tx) => {
    const [changed] = await tx
      .update(posts)
      .set({ copyText: text, updatedAt: now })
      .where(and(eq(posts.id, postId), ne(posts.copyText, text)))
      .returning();
    if (changed?.status !== 'approved') return;
    const [where] = await tx
      .select({ startsAt: slots.startsAt, timezone: clients.timezone })
      .from(slots)
      .innerJoin(clients, eq(clients.id, changed.clientId))
      .where(eq(slots.id, changed.slotId));
    if (!where) return;
    const today = todayIn(where.timezone, now);
    if (todayIn(where.timezone, where.startsAt) !== today) return;
    // Logged by hand already (the manager was faster): one change, not two.
    const [logged] = await tx
      .select({ id: unplannedChanges.id })
      .from(unplannedChanges)
      .where(
        and(
          eq(unplannedChanges.postId, postId),
          eq(unplannedChanges.kind, 'same_day_rewrite'),
          eq(unplannedChanges.happenedOn, today),
        ),
      );
    if (logged) return;
    await tx
      .insert(unplannedChanges)
      .values({
        cycleId: changed.cycleId,
        kind: 'same_day_rewrite',
        urgency: 'today',
        requesterSide: 'agency',
        requesterName: '—',
        reason: '',
        postId,
        slotId: changed.slotId,
        newTopicId: changed.topicId,
        detected: true,
        happenedOn: today,
      })
      .onConflictDoNothing({
        target: [unplannedChanges.postId, unplannedChanges.happenedOn],
        where: sql`${unplannedChanges.detected} and ${unplannedChanges.kind} = 'same_day_rewrite'`,
      });
  });
}
