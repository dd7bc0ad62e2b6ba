import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { meetingParams, question, questionBody, updateQuestionBody } from '../../shared/api/meetings.ts';
import type { Actor } from '../auth/actor.ts';
import type { RouteModule } from '../context.ts';
import type { Executor } from '../db/connect.ts';
import { meetingQuestions, topics } from '../db/schema/index.ts';
import { notFound, staleVersion } from '../errors.ts';
import { transact } from '../live/transact.ts';
import { recordMeetingEvent } from '../meetings/event.ts';
import { loadMeetingForChange, type MeetingInCycle } from '../meetings/load.ts';
import { requireActor } from '../plugins/auth.ts';
import { canContribute, sideOf } from '../policies/meeting.ts';

const tags = ['meetings'];
type Row = typeof meetingQuestions.$inferSelect;

const present = (q: Row): z.infer<typeof question> => ({
  id: q.id,
  topicId: q.topicId,
  text: q.text,
  askedByName: q.askedByName,
  side: q.side,
  status: q.status,
  answer: q.answer,
  answeredByName: q.answeredByName,
  answeredAt: q.answeredAt?.toISOString() ?? null,
  version: q.version,
  createdAt: q.createdAt.toISOString(),
});

/** A question may point at a topic of this month's plan only. */
async function checkTopic(tx: Executor, found: MeetingInCycle, topicId: string | null | undefined) {
  if (!topicId) return;
  const [row] = await tx
    .select({ id: topics.id })
    .from(topics)
    .where(and(eq(topics.id, topicId), eq(topics.cycleId, found.cycle.id)));
  if (!row) throw notFound();
}

async function questionForChange(tx: Executor, actor: Actor, id: string, version: number) {
  const [ref] = await tx
    .select({ meetingId: meetingQuestions.meetingId })
    .from(meetingQuestions)
    .where(eq(meetingQuestions.id, id));
  if (!ref) throw notFound();
  const found = await loadMeetingForChange(tx, actor, ref.meetingId, canContribute);
  const [row] = await tx.select().from(meetingQuestions).where(eq(meetingQuestions.id, id)).for('update');
  if (!row) throw notFound();
  if (row.version !== version) throw staleVersion();
  return { found, row };
}

/** Either side asks; the other answers on the spot, or it goes to the fact request with its topic. */
export const questionRoutes: RouteModule = (app, ctx) => {
  app.post(
    '/api/meetings/:meetingId/questions',
    {
      schema: {
        tags,
        summary: 'Ask a question (about a topic, or in general)',
        params: meetingParams,
        body: questionBody,
        response: { 201: z.object({ question }) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const row = await transact(ctx, async (tx) => {
        const found = await loadMeetingForChange(tx, actor, request.params.meetingId, canContribute);
        await checkTopic(tx, found, request.body.topicId);
        const [row] = await tx
          .insert(meetingQuestions)
          .values({
            meetingId: found.meeting.id,
            topicId: request.body.topicId ?? null,
            text: request.body.text,
            askedById: actor.user.id,
            askedByName: actor.user.name,
            side: sideOf(actor, found.client),
          })
          .returning();
        await recordMeetingEvent(tx, actor, found, 'meeting.question_asked', { questionId: row!.id });
        return row!;
      });
      return reply.status(201).send({ question: present(row) });
    },
  );

  app.patch(
    '/api/questions/:questionId',
    {
      schema: {
        tags,
        summary: 'Answer a question, mark it for the fact request, or correct it',
        params: z.object({ questionId: z.uuid() }),
        body: updateQuestionBody,
        response: { 200: z.object({ question }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await transact(ctx, async (tx) => {
        const { found, row: current } = await questionForChange(
          tx,
          actor,
          request.params.questionId,
          request.body.version,
        );
        const { version, ...changes } = request.body;
        await checkTopic(tx, found, changes.topicId);
        // Writing an answer answers it, unless the person says otherwise.
        const status = changes.status ?? (changes.answer ? 'answered' : current.status);
        const answering = changes.answer !== undefined && changes.answer !== current.answer;
        const [row] = await tx
          .update(meetingQuestions)
          .set({
            ...changes,
            status,
            ...(answering ? { answeredByName: actor.user.name, answeredAt: new Date() } : {}),
            version: version + 1,
          })
          .where(eq(meetingQuestions.id, current.id))
          .returning();
        await recordMeetingEvent(tx, actor, found, 'meeting.question_changed', {
          questionId: current.id,
          status,
        });
        return row!;
      });
      return { question: present(row) };
    },
  );
};
