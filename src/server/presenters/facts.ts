import { asc, eq, inArray } from 'drizzle-orm';
import type {
  FactAnswer,
  FactItem,
  FactRequestFull,
  FactRequestPage,
  FactTemplate,
} from '../../shared/api/facts.ts';
import type { Actor } from '../auth/actor.ts';
import type { Executor } from '../db/connect.ts';
import { factFiles, factItems, factMessages, type factTemplates, users } from '../db/schema/index.ts';
import type { RequestInCycle } from '../facts/load.ts';
import { isPreviewable } from '../facts/previews.ts';
import { everyoneRoom, teamRoom } from '../live/rooms.ts';
import { todayIn } from '../planning/cycleRules.ts';
import { agencyRoleIn } from '../policies/agency.ts';
import {
  canEditFactRequest,
  canReviewFactItem,
  canSendFactRequest,
  canTalkOnFactItem,
} from '../policies/facts.ts';

type ItemRow = typeof factItems.$inferSelect;
const iso = (d: Date | null) => d?.toISOString() ?? null;

/** What the agency asked: the item without its answer (what drafting and editing return). */
export const presentFactItem = (i: ItemRow): FactItem => ({
  id: i.id,
  topicId: i.topicId,
  question: i.question,
  kind: i.kind,
  choices: i.choices,
  required: i.required,
  dueOn: i.dueOn,
  contactId: i.contactId,
  source: i.source,
  status: i.status,
  position: i.position,
  version: i.version,
});

/** An item is still wanted while it is open or has a follow-up question. */
export const isOutstanding = (i: Pick<ItemRow, 'status'>) => i.status === 'open' || i.status === 'follow_up';

/** Per topic: how many required items there are and how many are accepted. */
export function topicReadiness(items: Array<Pick<ItemRow, 'topicId' | 'required' | 'status'>>) {
  const byTopic = new Map<string, { required: number; accepted: number }>();
  for (const i of items) {
    if (!i.topicId) continue;
    const t = byTopic.get(i.topicId) ?? { required: 0, accepted: 0 };
    if (i.required) {
      t.required += 1;
      if (i.status === 'accepted') t.accepted += 1;
    }
    byTopic.set(i.topicId, t);
  }
  return [...byTopic].map(([topicId, t]) => ({ topicId, ...t, ready: t.accepted === t.required }));
}

/**
 * The request as this actor may see it: the agency sees submitted answers, never the client's
 * drafts; everyone sees files, threads, progress and which topics are ready for content.
 */
export async function presentFactRequest(
  db: Executor,
  actor: Actor,
  found: RequestInCycle,
): Promise<FactRequestFull> {
  const { request, client, cycle } = found;
  const items = await db
    .select()
    .from(factItems)
    .where(eq(factItems.requestId, request.id))
    .orderBy(asc(factItems.position));
  const ids = items.map((i) => i.id);
  const files = ids.length
    ? await db
        .select()
        .from(factFiles)
        .where(inArray(factFiles.itemId, ids))
        .orderBy(asc(factFiles.createdAt))
    : [];
  const messages = ids.length
    ? await db
        .select()
        .from(factMessages)
        .where(inArray(factMessages.itemId, ids))
        .orderBy(asc(factMessages.createdAt))
    : [];
  const people = new Set<string>();
  for (const i of items) for (const id of [i.answeredBy, i.draftBy, i.acceptedBy]) if (id) people.add(id);
  for (const f of files) if (f.uploadedBy) people.add(f.uploadedBy);
  for (const m of messages) if (m.authorId) people.add(m.authorId);
  const names = new Map(
    people.size
      ? (
          await db
            .select({ id: users.id, name: users.name })
            .from(users)
            .where(inArray(users.id, [...people]))
        ).map((u) => [u.id, u.name])
      : [],
  );
  const person = (id: string | null) => (id ? { id, name: names.get(id) ?? '' } : null);
  const isAgency = agencyRoleIn(actor, client.agencyId) !== null;
  const today = todayIn(client.timezone);
  const present = items.map((i) => ({
    ...presentFactItem(i),
    answer: (i.answer as FactAnswer | null) ?? null,
    answeredBy: person(i.answeredBy),
    answeredAt: iso(i.answeredAt),
    draft: isAgency ? null : ((i.draft as FactAnswer | null) ?? null),
    draftBy: isAgency ? null : person(i.draftBy),
    draftAt: isAgency ? null : iso(i.draftAt),
    acceptedBy: person(i.acceptedBy),
    acceptedAt: iso(i.acceptedAt),
    firstAnsweredAt: iso(i.firstAnsweredAt),
    answerVersion: i.answerVersion,
    reviewVersion: i.reviewVersion,
    files: files
      .filter((f) => f.itemId === i.id)
      .map((f) => ({
        id: f.id,
        itemId: f.itemId,
        name: f.name,
        contentType: f.contentType,
        size: f.size,
        previewable: isPreviewable(f.contentType),
        uploadedBy: person(f.uploadedBy),
        createdAt: f.createdAt.toISOString(),
      })),
    messages: messages
      .filter((m) => m.itemId === i.id)
      .map((m) => ({
        id: m.id,
        itemId: m.itemId,
        side: m.side,
        author: person(m.authorId),
        body: m.body,
        followUp: m.followUp,
        createdAt: m.createdAt.toISOString(),
      })),
  }));
  return {
    id: request.id,
    cycleId: request.cycleId,
    status: request.status,
    sentAt: iso(request.sentAt),
    firstAnswerAt: iso(request.firstAnswerAt),
    completedAt: iso(request.completedAt),
    version: request.version,
    items: present,
    progress: {
      total: items.length,
      answered: items.filter((i) => i.status === 'answered' || i.status === 'accepted').length,
      accepted: items.filter((i) => i.status === 'accepted').length,
      followUps: items.filter((i) => i.status === 'follow_up').length,
      overdue: items.filter((i) => isOutstanding(i) && i.dueOn !== null && i.dueOn < today).length,
    },
    topics: topicReadiness(items),
    abilities: {
      edit: canEditFactRequest(actor, client, cycle, request),
      send: canSendFactRequest(actor, client, cycle, request),
      answer: actor.contactOf.has(client.id) && canTalkOnFactItem(actor, client, cycle, request) && !isAgency,
      review: canReviewFactItem(actor, client, cycle, request),
    },
  };
}

/**
 * What the emailed link opens: the request with its month and client, the room to listen in
 * (the team's for the agency, the client's for a contact) and the largest upload taken.
 */
export async function presentFactRequestPage(
  db: Executor,
  actor: Actor,
  found: RequestInCycle,
  maxUploadBytes: number,
): Promise<FactRequestPage> {
  return {
    request: await presentFactRequest(db, actor, found),
    cycle: { id: found.cycle.id, month: found.cycle.month, stage: found.cycle.stage },
    client: { id: found.client.id, name: found.client.name, timezone: found.client.timezone },
    maxUploadBytes,
    // A session opened from the request's link hears no room (LIVE-SPEC [A5]); its page refetches.
    rooms: actor.scope
      ? []
      : [
          agencyRoleIn(actor, found.client.agencyId)
            ? teamRoom(found.client.id)
            : everyoneRoom(found.client.id),
        ],
  };
}

/** A standing need of a rubric, as its editor sees it. */
export const presentFactTemplate = (t: typeof factTemplates.$inferSelect): FactTemplate => ({
  id: t.id,
  rubricId: t.rubricId,
  question: t.question,
  kind: t.kind,
  choices: t.choices,
  required: t.required,
  position: t.position,
  version: t.version,
});
