import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/connect.ts';
import { factItems, factRequests, factTemplates, meetingQuestions, topics } from '../db/schema/index.ts';
import type { MeetingInCycle } from '../meetings/load.ts';
import { defaultDueOn } from './dueDates.ts';

/**
 * Right after the meeting, while it is fresh: a draft of what the agency needs from the client.
 * One group per accepted or changed topic, with what the topic's rubric always needs and the
 * questions the meeting kept "for the fact request"; questions about no topic form a general
 * group. Items are due by the cycle's facts deadline. The agency reviews the draft before sending.
 */
export async function draftFactRequest(tx: Executor, { meeting, cycle, client }: MeetingInCycle) {
  const [existing] = await tx
    .select({ id: factRequests.id })
    .from(factRequests)
    .where(eq(factRequests.cycleId, cycle.id));
  if (existing) return existing.id;
  const [request] = await tx
    .insert(factRequests)
    .values({ cycleId: cycle.id, clientId: client.id })
    .returning();
  const dueOn = defaultDueOn({ cycle, client });

  const agreed = await tx
    .select()
    .from(topics)
    .where(and(eq(topics.cycleId, cycle.id), inArray(topics.status, ['accepted', 'changed'])))
    .orderBy(asc(topics.position));
  const rubricIds = [...new Set(agreed.map((t) => t.rubricId).filter((id): id is string => id !== null))];
  const templates = rubricIds.length
    ? await tx
        .select()
        .from(factTemplates)
        .where(inArray(factTemplates.rubricId, rubricIds))
        .orderBy(asc(factTemplates.position))
    : [];
  const questions = await tx
    .select()
    .from(meetingQuestions)
    .where(and(eq(meetingQuestions.meetingId, meeting.id), eq(meetingQuestions.status, 'for_facts')))
    .orderBy(asc(meetingQuestions.createdAt));

  const items: Array<typeof factItems.$inferInsert> = [];
  const add = (item: Omit<typeof factItems.$inferInsert, 'requestId' | 'position' | 'dueOn'>) =>
    items.push({ ...item, requestId: request!.id, position: items.length + 1, dueOn });
  for (const topic of agreed) {
    for (const tpl of templates.filter((x) => x.rubricId === topic.rubricId)) {
      add({
        topicId: topic.id,
        question: tpl.question,
        kind: tpl.kind,
        choices: tpl.choices,
        required: tpl.required,
        source: 'template',
      });
    }
    for (const q of questions.filter((x) => x.topicId === topic.id)) {
      add({ topicId: topic.id, question: q.text, kind: 'text', source: 'question', questionId: q.id });
    }
  }
  const agreedIds = new Set(agreed.map((t) => t.id));
  // Questions about no topic, or about one that did not make the plan, still need an answer.
  for (const q of questions.filter((x) => !x.topicId || !agreedIds.has(x.topicId))) {
    add({ topicId: null, question: q.text, kind: 'text', source: 'question', questionId: q.id });
  }
  if (items.length > 0) await tx.insert(factItems).values(items);
  return request!.id;
}
