import type { FactRequestFull } from '../../../shared/api/facts.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import type { Tx } from '../../db/connect.ts';
import { factFiles } from '../../db/schema/index.ts';
import { recordFactEvent } from '../../facts/event.ts';
import type { ReceiveUpload } from '../../files/http.ts';
import { transact } from '../../live/transact.ts';
import { presentFactRequest } from '../../presenters/facts.ts';
import { checkRoom, loadForFiles, touchAnswer } from './fileScope.ts';

/** One file for an item that asks for files, stored first and then recorded. */
export async function attachFactFile(
  ctx: Pick<Context, 'db' | 'live' | 'log' | 'files'>,
  actor: Actor,
  itemId: string,
  receive: ReceiveUpload,
): Promise<FactRequestFull> {
  // Check who may upload, and whether there is room, before reading the body; the lock is
  // not held while the bytes arrive (the checks are made again before the row is written).
  const { client } = await ctx.db.transaction(async (tx) => {
    const found = await loadForFiles(tx as Tx, actor, itemId);
    await checkRoom(tx, found.item);
    return found;
  });
  const received = await receive(client.id);
  try {
    return await transact(ctx, async (tx) => {
      const found = await loadForFiles(tx, actor, itemId);
      await checkRoom(tx, found.item);
      const name = received.name;
      const [row] = await tx
        .insert(factFiles)
        .values({
          itemId: found.item.id,
          clientId: found.client.id,
          storageKey: received.key,
          name,
          contentType: received.type.mime,
          size: received.bytes,
          sha256: received.sha256,
          uploadedBy: actor.user.id,
        })
        .returning();
      // Files are part of a submitted answer: a reviewer who saw it without this one must look again.
      if (found.item.answer) await touchAnswer(tx, found.item, actor);
      await recordFactEvent(tx, actor, found, 'fact_file.added', {
        itemId: found.item.id,
        fileId: row!.id,
        name,
      });
      return presentFactRequest(tx, actor, found);
    });
  } catch (error) {
    // Nothing half-way: a file whose row did not commit is removed again.
    await ctx.files.remove(received.key).catch(() => {});
    throw error;
  }
}
