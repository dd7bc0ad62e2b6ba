import { and, asc, desc, eq, isNull, ne } from 'drizzle-orm';
import type { Language } from '../../shared/roles.ts';
import type { Actor } from '../auth/actor.ts';
import type { Executor } from '../db/connect.ts';
import { channels, rubrics, slots, topics } from '../db/schema/index.ts';
import { sideOf } from '../policies/side.ts';
import { presentChannel, presentRubric } from '../presenters/client.ts';
import { presentSlot, presentTopic } from '../presenters/plan.ts';
import type { ClientRow } from '../tenancy.ts';
import { holidaysOf } from './calendars/index.ts';
import { loadCycle } from './load.ts';
import { slotsAsShown } from './shownSlots.ts';

/**
 * Everything a deck, a PDF or a CSV of one cycle shows, in the API's own shapes. `language` is a
 * language, or how to choose one once the client is known (the deck speaks the client's).
 */
export async function loadExportData(
  db: Executor,
  actor: Actor,
  cycleId: string,
  languageOf: Language | ((client: ClientRow) => Language),
) {
  const { cycle, client } = await loadCycle(db, actor, cycleId);
  const language = typeof languageOf === 'function' ? languageOf(client) : languageOf;
  const side = sideOf(actor, client);
  // The deck, the PDF and the CSV show the slots as the plan does to this side (slotsAsShown).
  const slotRows = await slotsAsShown(
    db,
    side,
    await db.select().from(slots).where(eq(slots.cycleId, cycle.id)).orderBy(asc(slots.startsAt)),
  );
  const topicRows = await db
    .select()
    .from(topics)
    .where(and(eq(topics.cycleId, cycle.id), ne(topics.status, 'dropped')))
    .orderBy(asc(topics.position));
  const slotOf = new Map(slotRows.filter((s) => s.topicId).map((s) => [s.topicId!, s.id]));
  // Reserve suggestions are the agency's working stock: only its own exports show them.
  const reserveRows =
    side === 'agency'
      ? await db
          .select()
          .from(topics)
          .where(and(eq(topics.clientId, client.id), isNull(topics.cycleId), ne(topics.status, 'dropped')))
          .orderBy(desc(topics.reservedAt))
          .limit(8)
      : [];
  return {
    client,
    cycle,
    input: {
      clientName: client.name,
      month: cycle.month,
      timezone: client.timezone,
      language,
      slots: slotRows.map((s) => presentSlot(s, client.timezone)),
      topics: topicRows.map((t) => presentTopic(t, slotOf.get(t.id) ?? null)),
      channels: (await db.select().from(channels).where(eq(channels.clientId, client.id))).map(
        presentChannel,
      ),
      rubrics: (await db.select().from(rubrics).where(eq(rubrics.clientId, client.id))).map(presentRubric),
      reserve: reserveRows.map((t) => presentTopic(t, null)),
      // Open questions arrive with the meeting room; the deck already has their slide.
      questions: [] as string[],
      // The deck marks public holidays only: a notable day is no day off.
      holidays: (await holidaysOf(client.country, cycle.month, language)).filter((h) => h.type === 'public'),
    },
  };
}

/** A download name that survives every browser: ASCII fallback plus the UTF-8 original. */
export function attachment(name: string): string {
  const ascii =
    name
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\/]/g, '')
      .replace(/\s+/g, '-') || 'plit';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
