import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Executor } from '../db/connect.ts';
import { factFiles, topics } from '../db/schema/index.ts';
import { AppError, notFound } from '../errors.ts';
import type { FileStorage } from '../files/storage.ts';
import { agencyRoleIn } from '../policies/agency.ts';
import { presentFactRequest } from '../presenters/facts.ts';
import { loadFactRequest } from './load.ts';
import { buildFactPack } from './pack.ts';

/**
 * The writer's fact pack for one topic of a request (or its `general` items), with the name
 * its ZIP is downloaded under and the storage keys of files it could not find. 404 when there
 * is nothing to pack.
 */
export async function topicFactPack(
  db: Executor,
  files: FileStorage,
  actor: Actor,
  requestId: string,
  topicId: string,
) {
  const found = await loadFactRequest(db, actor, requestId);
  // The pack is the writer's working material: the agency's, whatever its role.
  if (!agencyRoleIn(actor, found.client.agencyId)) throw new AppError('forbidden');
  const presented = await presentFactRequest(db, actor, found);
  const items = presented.items.filter((i) =>
    topicId === 'general' ? i.topicId === null : i.topicId === topicId,
  );
  let title = 'General';
  if (topicId !== 'general') {
    const [topic] = await db
      .select({ title: topics.title })
      .from(topics)
      .where(and(eq(topics.id, topicId), eq(topics.cycleId, found.cycle.id)));
    if (!topic) throw notFound();
    title = topic.title;
  }
  if (items.length === 0) throw notFound();
  const fileIds = items.flatMap((i) => i.files.map((f) => f.id));
  const keys = new Map(
    fileIds.length
      ? (
          await db
            .select({ id: factFiles.id, key: factFiles.storageKey })
            .from(factFiles)
            .where(inArray(factFiles.id, fileIds))
        ).map((r) => [r.id, r.key])
      : [],
  );
  const { stream, missing } = await buildFactPack(
    files,
    // Answer days as the client lived them (00:30 in Kyiv is that day, not the UTC one before).
    { client: found.client.name, month: found.cycle.month, topic: title, timezone: found.client.timezone },
    items,
    (id) => keys.get(id)!,
    actor.user.locale === 'en' ? 'en' : 'uk',
  );
  return {
    stream,
    missing,
    fileName: `${found.client.name} ${found.cycle.month} ${title.slice(0, 60)}.zip`,
  };
}
