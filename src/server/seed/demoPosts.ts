import { and, asc, eq, isNotNull } from 'drizzle-orm';
import * as Y from 'yjs';
import { copyDocOf } from '../../shared/posts/copyText.ts';
import type { PostStatus } from '../../shared/posts/statuses.ts';
import { previousMonth } from '../../shared/time.ts';
import { seedState } from '../collab/store.ts';
import type { Executor } from '../db/connect.ts';
import {
  channels,
  clientMembers,
  clientPlans,
  contingencies,
  cycles,
  factItems,
  factRequests,
  postComments,
  postStatusChanges,
  posts,
  postVersions,
  slots,
  topics,
  unplannedChanges,
  users,
} from '../db/schema/index.ts';
import { todayIn } from '../planning/cycleRules.ts';
import { anchorPhrase, COPY_FIELD, copyDocument, copyOf, writeText } from '../posts/copyDoc.ts';

type Who = { id: string; name: string };

/** How far each written post got, in publish order; the slots after these are still unwritten. */
const story: Array<{ status: PostStatus; rounds: number; comment?: boolean }> = [
  { status: 'published', rounds: 1 },
  { status: 'published', rounds: 2, comment: true },
  { status: 'approved', rounds: 1 },
  { status: 'changes_requested', rounds: 2, comment: true },
  { status: 'client_review', rounds: 2, comment: true },
  { status: 'internal_review', rounds: 1 },
  { status: 'draft', rounds: 1 },
  { status: 'client_review', rounds: 1 },
  { status: 'approved', rounds: 2 },
];

const lastMonthStory: typeof story = [1, 1, 2, 1, 1, 2, 1, 1, 1].map((rounds, i) => ({
  status: 'published',
  rounds,
  comment: rounds > 1 || i === 4,
}));

const signOff = 'Чекаємо вас у кав’ярнях на Подолі та Лук’янівці ☕';

// What the month's posts say, by topic; a topic without its own text gets the general one.
const bodies: Record<string, string> = {
  'Лот місяця: Гватемала':
    'Цього місяця в нас Гватемала з регіону Уеуетенанго: какао, червоне яблуко і довгий солодкий післясмак.',
  'Як змолоти каву без кавомолки':
    'Немає кавомолки? Качалка, ступка або блендер імпульсами – розповідаємо, що з цього справді працює.',
  'За лаштунками: сертифікація Q-grader':
    'Наша обсмажувальниця Ірина склала іспит Q-grader: шість днів, двадцять два тести і сотні чашок.',
  'Команда кав’ярні на Лук’янівці':
    'Знайомтеся з командою на Лук’янівці: Марта, Андрій і Соломія знають, яку каву ви п’єте вранці.',
  'Чорна п’ятниця: знижки на набори':
    'Лише три дні подарункові набори дешевші на 25%: зерно, дріпи і фірмова чашка в одній коробці.',
  'Альтернативні способи заварювання':
    'Аеропрес, кемекс чи френч-прес? Порівнюємо смак однієї кави в трьох способах заварювання.',
  'Кава для офісу: як ми працюємо з B2B':
    'Кава для офісу без клопоту: привозимо зерно щотижня, налаштовуємо кавомашину і вчимо команду.',
  'Листопадовий каппінг для партнерів':
    'Запрошуємо кав’ярні-партнерів на каппінг нових лотів: четвер, 11:00, обсмажувальня на Подолі.',
  'Відповідаємо на ваші запитання про декаф':
    'Чи є в декафі кофеїн і чи він смачний? Відповідаємо на ваші запитання про каву без кофеїну.',
};
const bodyOf = (title: string, angle: string) =>
  bodies[title] ?? (angle || 'Свіжа обсмажка цього тижня вже в кав’ярнях і в інтернет-магазині.');
const firstDraft = (title: string, angle: string) => `${title}\n\n${bodyOf(title, angle)}\n\n${signOff}`;
const revised = (title: string, angle: string) =>
  `${title}\n\n${bodyOf(title, angle)} Ціна – від 480 грн, доставка по Києву за добу.\n\n${signOff}`;

/** Turn one text of the copy into the next, line by line, as a writer typing into it would. */
function retype(fragment: Y.XmlFragment, from: string, to: string) {
  const before = from.split('\n');
  for (const [i, line] of to.split('\n').entries()) {
    if (line === before[i]) continue;
    const paragraph = fragment.get(i) as Y.XmlElement | undefined;
    const run = paragraph?.get(0);
    if (!paragraph) writeText(fragment, line);
    else if (!(run instanceof Y.XmlText)) paragraph.insert(0, [new Y.XmlText(line)]);
    else if (line.startsWith(before[i] ?? '')) run.insert(run.length, line.slice(run.length));
    else {
      run.delete(0, run.length);
      run.insert(0, line);
    }
  }
}

/**
 * A copy document that went through these texts (the first draft, then the revision typed
 * into it), stored as the shared editor would store it, and its Yjs state at each text: what a
 * version sent at that text keeps, and what the live document descends from.
 */
async function storeCopy(tx: Executor, postId: string, texts: string[]) {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(COPY_FIELD);
  const states: Uint8Array[] = [];
  for (const [i, text] of texts.entries()) {
    if (i === 0) writeText(fragment, text);
    else retype(fragment, texts[i - 1]!, text);
    states.push(Y.encodeStateAsUpdate(doc));
  }
  await seedState(tx, copyDocument(postId), Y.encodeStateAsUpdate(doc));
  return { doc, states };
}

/**
 * Kyiv Coffee Roasters' posts: last month all published (most approved in round 1); this month
 * every status, revision rounds with the client's anchored comments, and the month's unplanned
 * changes (one covered by the "what if" prepared for it, one noticed same-day rewrite).
 */
export async function seedDemoPosts(tx: Executor, client: { id: string; timezone: string }, writer: Who) {
  const month = todayIn(client.timezone).slice(0, 7);
  const [approver] = await tx
    .select({ id: users.id, name: users.name })
    .from(clientMembers)
    .innerJoin(users, eq(users.id, clientMembers.userId))
    .where(and(eq(clientMembers.clientId, client.id), eq(clientMembers.role, 'approver')));
  const reviewer = approver ?? writer;
  const cycleOf = async (m: string) =>
    (
      await tx
        .select()
        .from(cycles)
        .where(and(eq(cycles.clientId, client.id), eq(cycles.month, m)))
    )[0];
  // Last month, closed: everything went out, most of it approved without revisions.
  const last = await cycleOf(previousMonth(month));
  if (last) {
    const made = await seedMonthPosts(tx, client, last.id, lastMonthStory, writer, reviewer);
    await seedLastMonthChanges(
      tx,
      { ...client, cycleId: last.id, month: last.month },
      writer,
      reviewer,
      made,
    );
  }
  const cycle = await cycleOf(month);
  if (!cycle) return;
  const made = await seedMonthPosts(tx, client, cycle.id, story, writer, reviewer);
  await seedDemoChanges(tx, { ...client, cycleId: cycle.id, month }, writer, reviewer, made);
}

type Made = Array<{ id: string; slotId: string; status: PostStatus }>;

/** Posts for a month's slots with topics, following the story in publish order. */
async function seedMonthPosts(
  tx: Executor,
  client: { id: string; timezone: string },
  cycleId: string,
  plots: typeof story,
  writer: Who,
  reviewer: Who,
): Promise<Made> {
  const cycle = { id: cycleId };
  // The topics the fact request still gathers facts for wait to be written (from their fact pack).
  const waiting = await tx
    .selectDistinct({ topicId: factItems.topicId })
    .from(factItems)
    .innerJoin(factRequests, eq(factRequests.id, factItems.requestId))
    .where(eq(factRequests.cycleId, cycle.id));
  const skip = new Set(waiting.map((w) => w.topicId));
  const placed = (
    await tx
      .select({ slot: slots, topic: topics })
      .from(slots)
      .innerJoin(topics, eq(topics.id, slots.topicId))
      .where(and(eq(slots.cycleId, cycle.id), isNotNull(slots.topicId)))
      .orderBy(asc(slots.startsAt))
  ).filter((p) => !skip.has(p.topic.id));
  const day = 86_400_000;
  const made: Made = [];
  for (const [i, { slot, topic }] of placed.slice(0, plots.length).entries()) {
    const plot = plots[i]!;
    const texts = [firstDraft(topic.title, topic.angle), revised(topic.title, topic.angle)].slice(
      0,
      plot.rounds,
    );
    const sent = plot.status === 'draft' || plot.status === 'internal_review' ? [] : texts;
    // A post waiting for changes has had one version only; the writer is on the second.
    const versions = plot.status === 'changes_requested' ? sent.slice(0, 1) : sent;
    const approved = plot.status === 'approved' || plot.status === 'published';
    const at = (n: number) => new Date(slot.startsAt.getTime() - (10 - n) * day);
    const [post] = await tx
      .insert(posts)
      .values({
        cycleId: cycle.id,
        clientId: client.id,
        slotId: slot.id,
        topicId: topic.id,
        status: plot.status,
        round: plot.rounds,
        revision: versions.length,
        copyText: texts.at(-1)!,
        visualBrief: 'Фото пачки на дерев’яному столі, тепле ранкове світло.',
        hashtags: ['kyivcoffee', 'кава', 'specialtycoffee'],
        approvedRevision: approved ? versions.length : null,
        approvedRound: approved ? plot.rounds : null,
        approvedAt: approved ? at(5) : null,
        approvedById: approved ? reviewer.id : null,
        approvedByName: approved ? reviewer.name : null,
        publishedUrl: plot.status === 'published' ? `https://www.instagram.com/p/demo${i + 1}/` : null,
        publishedAt: plot.status === 'published' ? slot.startsAt : null,
        createdById: writer.id,
      })
      .returning();
    const { doc, states } = await storeCopy(tx, post!.id, texts);
    for (const [n, text] of versions.entries()) {
      await tx.insert(postVersions).values({
        postId: post!.id,
        revision: n + 1,
        round: n + 1,
        copyText: text,
        copyDoc: copyDocOf(text),
        copyState: states[n] ?? null,
        visualBrief: post!.visualBrief,
        hashtags: post!.hashtags,
        link: '',
        firstComment: '',
        assets: [],
        publishAt: slot.startsAt,
        sentById: writer.id,
        sentByName: writer.name,
        createdAt: at(2 + n * 2),
      });
    }
    const history: Array<[PostStatus | null, PostStatus, 'agency' | 'client', string]> = [];
    for (const n of versions.keys()) {
      history.push([n === 0 ? 'draft' : 'changes_requested', 'client_review', 'agency', '']);
      if (n < plot.rounds - 1 || plot.status === 'changes_requested') {
        history.push([
          'client_review',
          'changes_requested',
          'client',
          'Додайте ціну і як замовити доставку.',
        ]);
      }
    }
    if (plot.status === 'internal_review') history.push(['draft', 'internal_review', 'agency', '']);
    if (approved) history.push(['client_review', 'approved', 'client', '']);
    if (plot.status === 'published') history.push(['approved', 'published', 'agency', '']);
    let round = 1;
    for (const [n, [from, to, side, note]] of history.entries()) {
      const who = side === 'client' ? reviewer : writer;
      if (to === 'changes_requested') round += 1;
      await tx.insert(postStatusChanges).values({
        postId: post!.id,
        fromStatus: from,
        toStatus: to,
        round,
        actorId: who.id,
        actorName: who.name,
        side,
        note,
        at: at(2 + n),
      });
    }
    if (plot.comment) {
      // Anchored to the body's opening words, in the copy as it is now: the anchor follows edits.
      const layout = copyOf(doc).layout;
      const phrase = bodyOf(topic.title, topic.angle).split(' ').slice(0, 3).join(' ');
      const start = layout.text.indexOf(phrase);
      const anchor = start >= 0 ? anchorPhrase(layout, start, start + phrase.length) : null;
      await tx.insert(postComments).values({
        postId: post!.id,
        revision: 1,
        round: 1,
        body: 'Тут краще конкретніше: що саме людина отримає?',
        anchorKind: anchor ? 'text' : null,
        anchorStart: anchor?.start ?? null,
        anchorEnd: anchor?.end ?? null,
        anchorBefore: anchor?.before ?? null,
        anchorAfter: anchor?.after ?? null,
        anchorFollowing: anchor?.following ?? null,
        quote: anchor ? phrase : null,
        authorId: reviewer.id,
        authorName: reviewer.name,
        side: 'client',
        resolvedAt: plot.status === 'published' ? at(4) : null,
        resolvedByName: plot.status === 'published' ? writer.name : null,
        createdAt: at(3),
      });
    }
    doc.destroy();
    made.push({ id: post!.id, slotId: slot.id, status: plot.status });
  }
  return made;
}

/** The month's out-of-plan requests: one "what if" that happened, one swap, one rewrite on the day. */
async function seedDemoChanges(
  tx: Executor,
  client: { id: string; timezone: string; cycleId: string; month: string },
  writer: Who,
  reviewer: Who,
  made: Array<{ id: string; slotId: string; status: PostStatus }>,
) {
  const [instagram] = await tx
    .select()
    .from(channels)
    .where(and(eq(channels.clientId, client.id), eq(channels.network, 'instagram')));
  if (!instagram || made.length < 4) return;
  const [plan] = await tx
    .insert(clientPlans)
    .values({
      cycleId: client.cycleId,
      title: 'Можливі відключення світла',
      likelihood: 'likely',
      notes: 'Кав’ярні працюють на генераторах.',
      authorId: reviewer.id,
      authorName: reviewer.name,
    })
    .returning();
  const concept = 'Ми працюємо навіть без світла: генератор, гаряча кава і тепло. Приходьте грітися.';
  const [used] = await tx
    .insert(contingencies)
    .values({
      planId: plan!.id,
      concept,
      trigger: 'Відключення світла в Києві',
      channelId: instagram.id,
      format: 'post',
    })
    .returning();
  await tx.insert(contingencies).values({
    planId: plan!.id,
    concept: 'Кава на винос зі знижкою 20% для всіх, хто прийде з термосом.',
    trigger: 'Тривалі відключення понад 8 годин',
    channelId: instagram.id,
    format: 'story',
  });
  const today = todayIn(client.timezone);
  const change = (values: Partial<typeof unplannedChanges.$inferInsert>) =>
    tx.insert(unplannedChanges).values({
      cycleId: client.cycleId,
      kind: 'situational',
      urgency: 'today',
      requesterSide: 'client',
      requesterName: reviewer.name,
      reason: '',
      happenedOn: today,
      loggedById: writer.id,
      loggedByName: writer.name,
      ...values,
    });
  // The contingency, activated: its post was written from the concept and went out the same day.
  const situational = made.find((p) => p.status === 'published');
  await change({
    postId: situational?.id ?? null,
    contingencyId: used!.id,
    covered: true,
    urgency: 'asap',
    reason: 'Відключення світла на Подолі з 9:00',
    happenedOn: `${client.month}-03`,
  });
  await change({
    kind: 'replacement',
    postId: made[3]!.id,
    slotId: made[3]!.slotId,
    urgency: 'this_week',
    reason: 'Фермер ще не надіслав фото з плантації; ставимо тему з резерву.',
    happenedOn: `${client.month}-06`,
  });
  await change({
    kind: 'same_day_rewrite',
    postId: made[2]!.id,
    slotId: made[2]!.slotId,
    requesterSide: 'agency',
    requesterName: '—',
    detected: true,
    happenedOn: `${client.month}-08`,
  });
}

/** Last month's log: a festival post asked for at short notice that no "what if" had foreseen. */
async function seedLastMonthChanges(
  tx: Executor,
  client: { cycleId: string; month: string },
  writer: Who,
  reviewer: Who,
  made: Made,
) {
  if (made.length < 6) return;
  const base = {
    cycleId: client.cycleId,
    requesterSide: 'client' as const,
    requesterName: reviewer.name,
    loggedById: writer.id,
    loggedByName: writer.name,
  };
  await tx.insert(unplannedChanges).values([
    {
      ...base,
      kind: 'situational',
      urgency: 'asap',
      reason: 'Нас запросили на фестиваль кави за два дні до початку.',
      postId: made[4]!.id,
      slotId: made[4]!.slotId,
      happenedOn: `${client.month}-14`,
    },
    {
      ...base,
      kind: 'same_day_rewrite',
      urgency: 'today',
      reason: 'Змінилися години роботи кав’ярні на Подолі.',
      postId: made[5]!.id,
      slotId: made[5]!.slotId,
      happenedOn: `${client.month}-21`,
    },
  ]);
}
