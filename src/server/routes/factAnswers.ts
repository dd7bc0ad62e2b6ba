import { count, eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  acceptAnswerBody,
  factMessageBody,
  factRequestFull,
  followUpBody,
  saveDraftBody,
  submitAnswerBody,
} from '../../shared/api/facts.ts';
import type { Actor } from '../auth/actor.ts';
import type { RouteModule } from '../context.ts';
import type { Tx } from '../db/connect.ts';
import { factFiles, factItems, factMessages, factRequests } from '../db/schema/index.ts';
import { AppError, staleVersion } from '../errors.ts';
import { checkAnswer, checkDraftKind } from '../facts/answerRules.ts';
import { recordFactEvent } from '../facts/event.ts';
import { loadFactItemForChange } from '../facts/load.ts';
import { contactsOf, deliverAll, keepFollowUpMail } from '../facts/mail.ts';
import { presentFactRequest } from '../facts/present.ts';
import { settleRequest } from '../facts/settle.ts';
import { transact } from '../live/transact.ts';
import { agencyManagers, notify } from '../notifications/notify.ts';
import { requireActor } from '../plugins/auth.ts';
import { agencyRoleIn } from '../policies/agency.ts';
import { canAnswerFactItem, canReviewFactItem, canTalkOnFactItem } from '../policies/facts.ts';

const tags = ['facts'];
const params = z.object({ itemId: z.uuid() });
const full = z.object({ request: factRequestFull });

/** The item, locked, for someone who may talk about it (404 for a stranger, 403 for a draft). */
const loadItem = (tx: Tx, actor: Actor, itemId: string) =>
  loadFactItemForChange(tx, actor, itemId, canTalkOnFactItem);
type Found = Awaited<ReturnType<typeof loadItem>>;

const answerable = (actor: Actor, f: Found) => {
  if (!canAnswerFactItem(actor, f.client, f.cycle, f.request, f.item)) {
    throw new AppError(f.item.status === 'accepted' ? 'conflict' : 'forbidden', {
      message:
        f.item.status === 'accepted'
          ? 'The agency has accepted this answer already; write in the thread to change it.'
          : undefined,
    });
  }
};
const reviewable = (actor: Actor, f: Found) => {
  if (!canReviewFactItem(actor, f.client, f.cycle, f.request)) throw new AppError('forbidden');
};
const sameAnswer = (f: Found, answerVersion: number) => {
  if (f.item.answerVersion !== answerVersion) throw staleVersion();
};
const sameReview = (f: Found, reviewVersion: number) => {
  if (f.item.reviewVersion !== reviewVersion) throw staleVersion();
};

async function reload(tx: Tx, actor: Actor, f: Found) {
  const [request] = await tx.select().from(factRequests).where(eq(factRequests.id, f.request.id));
  return presentFactRequest(tx, actor, { ...f, request: request! });
}

export const factAnswerRoutes: RouteModule = (app, ctx) => {
  app.put(
    '/api/fact-items/:itemId/draft',
    {
      schema: {
        tags,
        summary: 'Keep what the client is typing (autosave); the agency does not see drafts',
        params,
        body: saveDraftBody,
        response: { 200: z.object({ answerVersion: z.int(), draftAt: z.string().nullable() }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { answer, answerVersion } = request.body;
      // Drafts change with every pause in typing: no event, no history, just the latest text.
      return ctx.db.transaction(async (tx) => {
        const f = await loadItem(tx as Tx, actor, request.params.itemId);
        answerable(actor, f);
        sameAnswer(f, answerVersion);
        if (answer) checkDraftKind(f.item, answer);
        const now = answer ? new Date() : null;
        await tx
          .update(factItems)
          .set({
            draft: answer,
            draftBy: answer ? actor.user.id : null,
            draftAt: now,
            answerVersion: answerVersion + 1,
          })
          .where(eq(factItems.id, f.item.id));
        return { answerVersion: answerVersion + 1, draftAt: now?.toISOString() ?? null };
      });
    },
  );

  app.post(
    '/api/fact-items/:itemId/answer',
    {
      schema: {
        tags,
        summary: 'Submit the answer: the agency sees it now and reviews it',
        params,
        body: submitAnswerBody,
        response: { 200: full },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const presented = await transact(ctx, async (tx) => {
        let f = await loadItem(tx, actor, request.params.itemId);
        answerable(actor, f);
        sameAnswer(f, request.body.answerVersion);
        const [files] = await tx
          .select({ n: count() })
          .from(factFiles)
          .where(eq(factFiles.itemId, f.item.id));
        const answer = checkAnswer(f.item, request.body.answer, files?.n ?? 0);
        const now = new Date();
        await tx
          .update(factItems)
          .set({
            answer,
            answeredBy: actor.user.id,
            answeredAt: now,
            firstAnsweredAt: f.item.firstAnsweredAt ?? now,
            draft: null,
            draftBy: null,
            draftAt: null,
            status: 'answered',
            answerVersion: f.item.answerVersion + 1,
            reviewVersion: f.item.reviewVersion + 1,
          })
          .where(eq(factItems.id, f.item.id));
        if (!f.request.firstAnswerAt) {
          await tx.update(factRequests).set({ firstAnswerAt: now }).where(eq(factRequests.id, f.request.id));
        }
        await recordFactEvent(tx, actor, f, 'fact_item.answered', {
          itemId: f.item.id,
          question: f.item.question,
        });
        await notify(tx, await agencyManagers(tx, f.client.agencyId), {
          kind: 'fact_answered',
          agencyId: f.client.agencyId,
          data: { clientName: f.client.name, month: f.cycle.month, by: actor.user.name },
          link: `/facts/${f.request.id}`,
          foldKey: f.request.id,
        });
        f = await settleRequest(tx, actor, f).then((r) => ({ ...f, ...r }));
        return reload(tx, actor, f);
      });
      return { request: presented };
    },
  );

  app.post(
    '/api/fact-items/:itemId/accept',
    {
      schema: {
        tags,
        summary: 'Accept the answer as it is: one thing fewer for the writer to wait for',
        params,
        body: acceptAnswerBody,
        response: { 200: full },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const presented = await transact(ctx, async (tx) => {
        let f = await loadItem(tx, actor, request.params.itemId);
        reviewable(actor, f);
        sameReview(f, request.body.reviewVersion);
        if (!f.item.answer || f.item.status === 'open') {
          throw new AppError('conflict', { message: 'There is no answer to accept yet.' });
        }
        if (f.item.status === 'accepted') return reload(tx, actor, f);
        await tx
          .update(factItems)
          .set({
            status: 'accepted',
            acceptedBy: actor.user.id,
            acceptedAt: new Date(),
            answerVersion: f.item.answerVersion + 1,
            reviewVersion: f.item.reviewVersion + 1,
          })
          .where(eq(factItems.id, f.item.id));
        await recordFactEvent(tx, actor, f, 'fact_item.accepted', {
          itemId: f.item.id,
          question: f.item.question,
        });
        f = { ...f, ...(await settleRequest(tx, actor, f)) };
        return reload(tx, actor, f);
      });
      return { request: presented };
    },
  );

  app.post(
    '/api/fact-items/:itemId/follow-up',
    {
      schema: {
        tags,
        summary: 'Ask a follow-up question: the item goes back to the client',
        params,
        body: followUpBody,
        response: { 200: full },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { presented, mails } = await transact(ctx, async (tx) => {
        let f = await loadItem(tx, actor, request.params.itemId);
        reviewable(actor, f);
        sameReview(f, request.body.reviewVersion);
        if (!f.item.answer) {
          throw new AppError('conflict', {
            message: 'There is no answer to follow up yet; write in the thread instead.',
          });
        }
        await tx.insert(factMessages).values({
          itemId: f.item.id,
          authorId: actor.user.id,
          side: 'agency',
          body: request.body.body,
          followUp: true,
        });
        await tx
          .update(factItems)
          .set({
            status: 'follow_up',
            acceptedBy: null,
            acceptedAt: null,
            answerVersion: f.item.answerVersion + 1,
            reviewVersion: f.item.reviewVersion + 1,
          })
          .where(eq(factItems.id, f.item.id));
        await recordFactEvent(tx, actor, f, 'fact_item.follow_up', {
          itemId: f.item.id,
          question: f.item.question,
        });
        await notify(
          tx,
          (await contactsOf(tx, f.client.id)).map((c) => c.id),
          {
            kind: 'fact_follow_up',
            agencyId: f.client.agencyId,
            data: { clientName: f.client.name, month: f.cycle.month, question: f.item.question },
            link: `/facts/${f.request.id}`,
          },
        );
        const mails = await keepFollowUpMail(tx, ctx, actor, f, f.item.question, request.body.body);
        f = { ...f, ...(await settleRequest(tx, actor, f)) };
        return { presented: await reload(tx, actor, f), mails };
      });
      await deliverAll(ctx, mails);
      return { request: presented };
    },
  );

  app.post(
    '/api/fact-items/:itemId/messages',
    {
      schema: {
        tags,
        summary: "Write in an item's thread (either side); it does not change the item's state",
        params,
        body: factMessageBody,
        response: { 201: full },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const presented = await transact(ctx, async (tx) => {
        const f = await loadItem(tx, actor, request.params.itemId);
        const side = agencyRoleIn(actor, f.client.agencyId) ? 'agency' : 'client';
        await tx.insert(factMessages).values({
          itemId: f.item.id,
          authorId: actor.user.id,
          side,
          body: request.body.body,
        });
        // The client's reply to a follow-up answers it: the item is the agency's to review again.
        if (side === 'client' && f.item.status === 'follow_up' && f.item.answer) {
          await tx
            .update(factItems)
            .set({
              status: 'answered',
              answerVersion: f.item.answerVersion + 1,
              reviewVersion: f.item.reviewVersion + 1,
            })
            .where(eq(factItems.id, f.item.id));
          await settleRequest(tx, actor, f);
        }
        await recordFactEvent(tx, actor, f, 'fact_item.message', { itemId: f.item.id, side });
        const people =
          side === 'client'
            ? await agencyManagers(tx, f.client.agencyId)
            : (await contactsOf(tx, f.client.id)).map((c) => c.id);
        await notify(
          tx,
          people.filter((id) => id !== actor.user.id),
          {
            kind: 'fact_message',
            agencyId: f.client.agencyId,
            data: {
              clientName: f.client.name,
              month: f.cycle.month,
              by: actor.user.name,
              question: f.item.question,
            },
            link: `/facts/${f.request.id}`,
            foldKey: f.item.id,
          },
        );
        return reload(tx, actor, f);
      });
      return reply.status(201).send({ request: presented });
    },
  );
};
