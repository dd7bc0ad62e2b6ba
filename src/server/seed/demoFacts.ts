import { Readable } from 'node:stream';
import { and, asc, desc, eq, gt, inArray } from 'drizzle-orm';
import type { FactAnswer } from '../../shared/api/facts.ts';
import { localParts } from '../../shared/time.ts';
import type { Executor } from '../db/connect.ts';
import {
  agencyMembers,
  clientMembers,
  cycles,
  factFiles,
  factItems,
  factMessages,
  factReminders,
  factRequests,
  factTemplates,
  notifications,
  rubrics,
  slots,
  topics,
  users,
} from '../db/schema/index.ts';
import { reminderOffsetDue } from '../facts/reminders.ts';
import { type FileStorage, newFileKey } from '../files/storage.ts';
import { demoCoffeeBagPng } from './demoPhoto.ts';

const DAY = 86_400_000;

/**
 * This month's fact request, in progress: sent six days ago, some answers accepted, one with a
 * photo, one with a follow-up question, two overdue, one "not available". The agency is writing
 * the posts with what it has, which is why the content deadline slipped. Also the standing
 * needs of two rubrics, so the next draft shows templates at work.
 */
export async function seedDemoFacts(
  tx: Executor,
  client: { id: string; agencyId: string; timezone: string; name: string },
  files: FileStorage | undefined,
) {
  const now = Date.now();
  const ago = (days: number, hours = 0) => new Date(now - days * DAY - hours * 3_600_000);
  const localDay = (days: number) => localParts(new Date(now + days * DAY), client.timezone).date;
  const month = localDay(0).slice(0, 7);

  const rubricRows = await tx.select().from(rubrics).where(eq(rubrics.clientId, client.id));
  const rubric = (name: string) => rubricRows.find((r) => r.name === name)?.id;
  const templates: Array<[string | undefined, string, FactAnswer['kind'], string[], boolean]> = [
    [rubric('Кава тижня'), 'Ціна за 250 г і за 1 кг', 'text', [], true],
    [rubric('Кава тижня'), 'Фото пачки (2–3 кадри)', 'files', [], true],
    [rubric('Кава тижня'), 'Посилання на сторінку в магазині', 'link', [], false],
    [rubric('Команда'), 'Ім’я та посада людини в кадрі', 'text', [], true],
    [rubric('Команда'), 'Згода на публікацію фото', 'choice', ['Так', 'Ні'], true],
  ];
  await tx.insert(factTemplates).values(
    templates
      .filter(([rubricId]) => rubricId)
      .map(([rubricId, question, kind, choices, required], i) => ({
        rubricId: rubricId!,
        question,
        kind: kind as 'text',
        choices,
        required,
        position: i + 1,
      })),
  );

  const [cycle] = await tx
    .select()
    .from(cycles)
    .where(and(eq(cycles.clientId, client.id), eq(cycles.month, month)));
  if (!cycle) return;
  // The facts still missing are for the month's last posts, the ones not written yet.
  const coming = await tx
    .select({ topic: topics })
    .from(slots)
    .innerJoin(topics, eq(topics.id, slots.topicId))
    .where(and(eq(slots.cycleId, cycle.id), gt(slots.startsAt, new Date())))
    .orderBy(asc(slots.startsAt));
  const monthTopics = await tx
    .select()
    .from(topics)
    .where(and(eq(topics.cycleId, cycle.id), eq(topics.status, 'accepted')))
    .orderBy(desc(topics.position));
  const picked = [...new Map([...coming.map((c) => c.topic), ...monthTopics].map((t) => [t.id, t])).values()];
  // The first group asks what its rubric always needs; the second is about the team.
  const first = picked.find((t) => t.rubricId === rubric('Кава тижня')) ?? picked[0];
  const second =
    picked.find((t) => t !== first && t.rubricId === rubric('Команда')) ?? picked.find((t) => t !== first);
  if (!first || !second) return;
  const people = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, ['marketing@kyivcoffee.demo', 'smm@kyivcoffee.demo', 'cm@plit.demo']));
  const who = (email: string) => people.find((p) => p.email === email)?.id ?? null;
  const irina = who('marketing@kyivcoffee.demo');
  const taras = who('smm@kyivcoffee.demo');
  const marta = who('cm@plit.demo');

  const [request] = await tx
    .insert(factRequests)
    .values({
      cycleId: cycle.id,
      clientId: client.id,
      status: 'sent',
      sentAt: ago(6),
      firstAnswerAt: ago(5),
      version: 2,
    })
    .returning();
  const id = request!.id;
  type Item = Omit<typeof factItems.$inferInsert, 'position'>;
  const base = { requestId: id, source: 'manual' as const, dueOn: localDay(-2) };
  const answered = (by: string | null, days: number, answer: FactAnswer): Partial<Item> => ({
    status: 'answered',
    answer,
    answeredBy: by,
    answeredAt: ago(days),
    firstAnsweredAt: ago(days),
    answerVersion: 2,
  });
  const items: Item[] = [
    {
      ...base,
      topicId: first.id,
      source: 'template',
      question: 'Ціна за 250 г і за 1 кг',
      ...answered(irina, 5, { kind: 'text', text: '250 г – 420 грн, 1 кг – 1450 грн' }),
      status: 'accepted',
      acceptedBy: marta,
      acceptedAt: ago(4),
      answerVersion: 3,
    },
    {
      ...base,
      topicId: first.id,
      source: 'template',
      kind: 'files',
      question: 'Фото пачки (2–3 кадри)',
      ...(files ? answered(taras, 3, { kind: 'files', note: 'Поки одне фото, решта після зйомки' }) : {}),
    },
    {
      ...base,
      topicId: first.id,
      source: 'template',
      kind: 'link',
      required: false,
      question: 'Посилання на сторінку в магазині',
      ...answered(irina, 4, { kind: 'link', url: 'https://kyivcoffee.demo/shop/gudji' }),
      status: 'follow_up',
      answerVersion: 3,
    },
    {
      ...base,
      topicId: second.id,
      source: 'question',
      question: 'Ім’я та посада бариста, який веде майстер-клас',
      contactId: taras,
    },
    {
      ...base,
      topicId: second.id,
      required: false,
      dueOn: localDay(3),
      question: 'Цитата бариста: чим цей напій особливий',
      contactId: taras,
      draft: { kind: 'text', text: 'Ми обсмажуємо цей лот світліше, ніж зазвичай, бо' },
      draftBy: taras,
      draftAt: ago(0, 5),
    },
    {
      ...base,
      topicId: null,
      dueOn: localDay(-1),
      question: 'Графік роботи кав’ярень у святкові дні',
    },
    {
      ...base,
      topicId: null,
      kind: 'date',
      dueOn: localDay(2),
      question: 'Дата відкриття точки на Подолі',
      ...answered(irina, 2, { kind: 'date', date: localDay(12) }),
    },
    {
      ...base,
      topicId: null,
      kind: 'choice',
      choices: ['Безкоштовна', 'Платна, 150 грн'],
      dueOn: localDay(2),
      question: 'Дегустація в суботу: безкоштовна чи платна?',
      ...answered(irina, 1, {
        kind: 'not_available',
        reason: 'Ще домовляємося з партнером, відповімо в п’ятницю',
      }),
    },
  ];
  const rows = await tx
    .insert(factItems)
    .values(items.map((item, i) => ({ ...item, position: i + 1 })))
    .returning();
  const byQuestion = (start: string) => rows.find((r) => r.question.startsWith(start))!;

  await tx.insert(factMessages).values({
    itemId: byQuestion('Посилання').id,
    authorId: marta,
    side: 'agency',
    body: 'Ця сторінка поки відкривається з помилкою 404. Коли вона запрацює, або дасте іншу?',
    followUp: true,
    createdAt: ago(3, 2),
  });
  if (files) {
    const key = newFileKey(client.id);
    const stored = await files.put(key, Readable.from([demoCoffeeBagPng()]), { maxBytes: 10 * 1024 * 1024 });
    await tx.insert(factFiles).values({
      itemId: byQuestion('Фото пачки').id,
      clientId: client.id,
      storageKey: key,
      name: 'пачка-гуджі.png',
      contentType: 'image/png',
      size: stored.bytes,
      sha256: stored.sha256,
      uploadedBy: taras,
      createdAt: ago(3),
    });
  }

  // The reminders the client's schedule has reached are already sent: the reminder worker
  // finds nothing to repeat when the demo starts.
  const today = localDay(0);
  const outstanding = rows.filter((r) => (r.status === 'open' || r.status === 'follow_up') && r.dueOn);
  for (const dueOn of new Set(outstanding.map((r) => r.dueOn!))) {
    const offsetDays = reminderOffsetDue({ before: [2], after: [1, 3] }, dueOn, today);
    if (offsetDays === undefined) continue;
    const items = outstanding.filter((r) => r.dueOn === dueOn).length;
    await tx.insert(factReminders).values({ requestId: id, dueOn, offsetDays, items, sentAt: ago(0, 3) });
  }

  // What each side's bell shows.
  const managers = await tx
    .select({ id: agencyMembers.userId })
    .from(agencyMembers)
    .where(
      and(
        eq(agencyMembers.agencyId, client.agencyId),
        inArray(agencyMembers.role, ['owner', 'content_manager']),
      ),
    );
  const contacts = await tx
    .select({ id: clientMembers.userId })
    .from(clientMembers)
    .where(eq(clientMembers.clientId, client.id));
  const link = `/facts/${id}`;
  const data = { clientName: client.name, month };
  await tx.insert(notifications).values([
    ...managers.flatMap((m) => [
      {
        userId: m.id,
        agencyId: client.agencyId,
        kind: 'fact_answered' as const,
        data: { ...data, by: 'Ірина Мельник', foldKey: id, count: 2 },
        link,
        createdAt: ago(1),
      },
      {
        userId: m.id,
        agencyId: client.agencyId,
        kind: 'fact_overdue' as const,
        data: { ...data, items: 2, dueOn: localDay(-2), offsetDays: 1 },
        link,
        createdAt: ago(1, 1),
      },
    ]),
    ...contacts.flatMap((c) => [
      {
        userId: c.id,
        agencyId: client.agencyId,
        kind: 'fact_follow_up' as const,
        data: { ...data, question: 'Посилання на сторінку в магазині' },
        link,
        createdAt: ago(3, 2),
      },
      {
        userId: c.id,
        agencyId: client.agencyId,
        kind: 'fact_reminder' as const,
        data: { ...data, items: 2, dueOn: localDay(-2), offsetDays: 1 },
        link,
        createdAt: ago(1, 1),
      },
    ]),
  ]);
}
