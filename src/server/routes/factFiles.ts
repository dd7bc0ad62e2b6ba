import { count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { factRequestFull } from '../../shared/api/facts.ts';
import type { Actor } from '../auth/actor.ts';
import type { RouteModule } from '../context.ts';
import type { Executor, Tx } from '../db/connect.ts';
import { factFiles, factItems, factRequests } from '../db/schema/index.ts';
import { AppError, notFound } from '../errors.ts';
import { recordFactEvent } from '../facts/event.ts';
import { loadFactItemForChange, loadFactRequest } from '../facts/load.ts';
import { presentFactRequest } from '../facts/present.ts';
import { settleRequest } from '../facts/settle.ts';
import { receiveUpload, refuseDeclaredTooLarge, sendStoredFile } from '../files/http.ts';
import { transact } from '../live/transact.ts';
import { requireActor } from '../plugins/auth.ts';
import { canAnswerFactItem, canTalkOnFactItem } from '../policies/facts.ts';

const tags = ['facts'];
/** Enough for a photo shoot, few enough that one item stays reviewable. */
export const MAX_FILES_PER_ITEM = 30;

/** The item, locked, if the actor may add or remove its files (404 for a stranger). */
async function loadForFiles(tx: Tx, actor: Actor, itemId: string) {
  const found = await loadFactItemForChange(tx, actor, itemId, canTalkOnFactItem);
  if (!canAnswerFactItem(actor, found.client, found.cycle, found.request, found.item)) {
    throw new AppError(found.item.status === 'accepted' ? 'conflict' : 'forbidden', {
      message:
        found.item.status === 'accepted'
          ? 'The agency has accepted this answer already; write in the thread to change it.'
          : undefined,
    });
  }
  return found;
}

/** Files go to items that ask for files, up to a number a reviewer can still look through. */
async function checkRoom(tx: Executor, item: typeof factItems.$inferSelect) {
  if (item.kind !== 'files') {
    throw new AppError('validation_failed', { fields: { file: 'This item asks for an answer, not files.' } });
  }
  const [held] = await tx.select({ n: count() }).from(factFiles).where(eq(factFiles.itemId, item.id));
  if ((held?.n ?? 0) >= MAX_FILES_PER_ITEM) throw new AppError('too_many_files');
}

/**
 * A change of a submitted answer's files: both the answerer's and the reviewer's versions move,
 * and the answer reads as given now, by this person (the reviewer sees it changed).
 */
const touchAnswer = (tx: Executor, item: typeof factItems.$inferSelect, actor: Actor) =>
  tx
    .update(factItems)
    .set({
      answerVersion: item.answerVersion + 1,
      reviewVersion: item.reviewVersion + 1,
      answeredBy: actor.user.id,
      answeredAt: new Date(),
      ...(item.status === 'follow_up' ? {} : { status: 'answered' as const }),
    })
    .where(eq(factItems.id, item.id));

/** A file row and its request, if the actor may see that client's request (404 otherwise). */
async function loadFile(db: Executor, actor: Actor, fileId: string) {
  const [file] = await db
    .select({ file: factFiles, requestId: factItems.requestId })
    .from(factFiles)
    .innerJoin(factItems, eq(factItems.id, factFiles.itemId))
    .where(eq(factFiles.id, fileId));
  if (!file) throw notFound();
  const found = await loadFactRequest(db, actor, file.requestId);
  return { ...found, file: file.file };
}

export const factFileRoutes: RouteModule = (app, ctx) => {
  const max = ctx.env.maxUploadBytes;

  app.post(
    '/api/fact-items/:itemId/files',
    {
      schema: {
        tags,
        summary: `Upload one file for an item (multipart field "file"; ${ctx.env.MAX_UPLOAD_MB} MB at most)`,
        consumes: ['multipart/form-data'],
        params: z.object({ itemId: z.uuid() }),
        response: { 201: z.object({ request: factRequestFull }) },
      },
      onRequest: refuseDeclaredTooLarge(max),
    },
    async (request, reply) => {
      const actor = requireActor(request);
      // Check who may upload, and whether there is room, before reading the body; the lock is
      // not held while the bytes arrive (the checks are made again before the row is written).
      const { client } = await ctx.db.transaction(async (tx) => {
        const found = await loadForFiles(tx as Tx, actor, request.params.itemId);
        await checkRoom(tx, found.item);
        return found;
      });
      const received = await receiveUpload(ctx.files, max, request, client.id);
      try {
        const presented = await transact(ctx, async (tx) => {
          const found = await loadForFiles(tx, actor, request.params.itemId);
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
        return reply.status(201).send({ request: presented });
      } catch (error) {
        // Nothing half-way: a file whose row did not commit is removed again.
        await ctx.files.remove(received.key).catch(() => {});
        throw error;
      }
    },
  );

  app.get(
    '/api/fact-files/:fileId',
    {
      schema: {
        tags,
        summary: 'Download a file (always as an attachment; images inline with ?preview=1)',
        params: z.object({ fileId: z.uuid() }),
        querystring: z.object({ preview: z.enum(['1']).optional() }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { file } = await loadFile(ctx.db, actor, request.params.fileId);
      return sendStoredFile(reply, ctx.files, file, request.query.preview === '1');
    },
  );

  app.delete(
    '/api/fact-files/:fileId',
    {
      schema: {
        tags,
        summary: 'Remove a file from an answer that is not accepted yet',
        params: z.object({ fileId: z.uuid() }),
        response: { 200: z.object({ request: factRequestFull }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { presented, key } = await transact(ctx, async (tx) => {
        const { file } = await loadFile(tx, actor, request.params.fileId);
        const found = await loadForFiles(tx, actor, file.itemId);
        await tx.delete(factFiles).where(eq(factFiles.id, file.id));
        const [left] = await tx
          .select({ n: count() })
          .from(factFiles)
          .where(eq(factFiles.itemId, file.itemId));
        // A files answer with no files left is no answer: the item is open again.
        if (
          (left?.n ?? 0) === 0 &&
          found.item.answer &&
          (found.item.answer as { kind: string }).kind === 'files'
        ) {
          await tx
            .update(factItems)
            .set({
              status: 'open',
              answer: null,
              answeredBy: null,
              answeredAt: null,
              answerVersion: found.item.answerVersion + 1,
              reviewVersion: found.item.reviewVersion + 1,
            })
            .where(eq(factItems.id, file.itemId));
        } else if (found.item.answer) {
          await touchAnswer(tx, found.item, actor);
        }
        await recordFactEvent(tx, actor, found, 'fact_file.removed', {
          itemId: file.itemId,
          name: file.name,
        });
        const settled = await settleRequest(tx, actor, found);
        const [requestRow] = await tx
          .select()
          .from(factRequests)
          .where(eq(factRequests.id, settled.request.id));
        return {
          presented: await presentFactRequest(tx, actor, { ...found, request: requestRow! }),
          key: file.storageKey,
        };
      });
      // After the commit: a rollback must not leave a row pointing at a removed file.
      await ctx.files.remove(key);
      return { request: presented };
    },
  );
};
