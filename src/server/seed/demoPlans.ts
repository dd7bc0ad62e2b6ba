import { eq } from 'drizzle-orm';
import { type CycleStage, cycleStages } from '../../shared/roles.ts';
import { daysOfMonth, localParts, nextMonth, previousMonth, zonedInstant } from '../../shared/time.ts';
import type { Executor } from '../db/connect.ts';
import {
  cadenceRules,
  channels,
  cycleStageChanges,
  cycles,
  rubrics,
  slots,
  topicPasses,
  topics,
} from '../db/schema/index.ts';
import { defaultDeadlines } from '../planning/cycleRules.ts';

type Who = { id: string; name: string };

// Ideas a Kyiv coffee roaster's agency would bring: [title, angle, rubric, tags].
const ideas: Array<[string, string, string, string[]]> = [
  [
    'Різдвяний бленд: як ми його обсмажуємо',
    'Процес від зеленого зерна до пачки, з таймлапсом обсмаження.',
    'Кава тижня',
    ['сезон', 'продукт'],
  ],
  [
    'Бариста Олег про ідеальний фільтр удома',
    'Три помилки, які псують фільтр-каву, і як їх уникнути.',
    'Поради бариста',
    ['поради'],
  ],
  [
    'Дегустація нового лоту з Ефіопії',
    'Запрошення на відкриту дегустацію в кав’ярні на Подолі.',
    'Події',
    ['подія', 'Ефіопія'],
  ],
  [
    'Хто пакує вашу каву',
    'Знайомство з командою пакування: обличчя за кожною пачкою.',
    'Команда',
    ['команда'],
  ],
  [
    'Подарункові набори до свят',
    'Добірка наборів для колег і рідних, з цінами та термінами доставки.',
    'Кава тижня',
    ['сезон', 'продаж'],
  ],
  [
    'Як ми обираємо фермерів',
    'Подорож закупівельника до Колумбії: що ми перевіряємо на місці.',
    'За лаштунками',
    ['походження'],
  ],
  [
    'Кава і шоколад: пари на свята',
    'П’ять поєднань з київським крафтовим шоколадом.',
    'Поради бариста',
    ['колаборація'],
  ],
  [
    'Підсумки року в цифрах',
    'Скільки кави обсмажили, скільки кав’ярень відкрили, що змінили.',
    'За лаштунками',
    ['підсумки'],
  ],
  ['Новорічний графік роботи кав’ярень', 'Коли ми працюємо 31 грудня та 1–2 січня.', 'Події', ['інформація']],
  ['Еспресо-тонік: зимова версія', 'Рецепт із журавлиною та розмарином.', 'Поради бариста', ['рецепт']],
  [
    'День народження обсмажувальні',
    'Шість років: історія першої печі й перших клієнтів.',
    'За лаштунками',
    ['історія'],
  ],
  ['Як зберігати каву взимку', 'Чому не варто тримати зерно в холодильнику.', 'Поради бариста', ['поради']],
  [
    'Новий лот декафу',
    'Для тих, хто п’є каву ввечері: швейцарська вода, без компромісів.',
    'Кава тижня',
    ['продукт'],
  ],
  [
    'Волонтерська кава для захисників',
    'Як працює наша програма: кожна десята пачка — на фронт.',
    'Команда',
    ['соціальне'],
  ],
  ['Каппінг для клієнтів-кав’ярень', 'Щомісячний каппінг для партнерів: як записатися.', 'Події', ['B2B']],
  [
    'Зимовий плейлист кав’ярні',
    'Що грає у нас за барною стійкою, з посиланням на Spotify.',
    'Команда',
    ['атмосфера'],
  ],
];

// What the two earlier months carried (October-ish and November-ish themes).
const pastIdeas: string[][] = [
  [
    'Осінній лот з Кенії',
    'Кава і перші холоди: що пити вранці',
    'Як читати етикетку на пачці',
    'Знайомтеся: наша нова бариста Юля',
    'Фестиваль кави на ВДНГ',
    'Обсмаження світле чи темне?',
    'Кавова карта жовтня',
    'Що таке cupping score',
    'Історія нашої першої кав’ярні',
  ],
  [
    'Лот місяця: Гватемала',
    'Як змолоти каву без кавомолки',
    'За лаштунками: сертифікація Q-grader',
    'Команда кав’ярні на Лук’янівці',
    'Чорна п’ятниця: знижки на набори',
    'Альтернативні способи заварювання',
    'Кава для офісу: як ми працюємо з B2B',
    'Листопадовий каппінг для партнерів',
    'Відповідаємо на ваші запитання про декаф',
  ],
];

const reserveIdeas: Array<[string, string, string, string[]]> = [
  ['Кава в горах: виїзна кав’ярня', 'Ідея для літнього фестивалю в Карпатах.', 'Події', ['літо', 'подія']],
  ['Порівняння помелів на фото', 'Макрозйомка: еспресо, фільтр, френч-прес.', 'Поради бариста', ['візуал']],
  [
    'Інтерв’ю з обсмажувальником',
    'Як змінився профіль обсмаження за шість років.',
    'За лаштунками',
    ['інтерв’ю'],
  ],
  ['Колаборація з пекарнею', 'Спільний сет до Великодня.', 'Кава тижня', ['колаборація', 'сезон']],
  ['Екоупаковка: перехід на компост', 'Коли і як ми міняємо пачки.', 'За лаштунками', ['еко']],
];

/** The client's default deadlines, with next month's preparation still a few days ahead. */
function demoDeadlines(
  month: string,
  stage: CycleStage,
  client: { timezone: string; stageDays: Parameters<typeof defaultDeadlines>[1] },
) {
  const deadlines = defaultDeadlines(month, client.stageDays);
  if (stage !== 'preparation') return deadlines;
  const inThreeDays = localParts(new Date(Date.now() + 3 * 86_400_000), client.timezone).date;
  return {
    ...deadlines,
    preparation: inThreeDays,
    // Local dates compare as text; the meeting comes no earlier than the end of preparation.
    meeting: [deadlines.meeting!, inThreeDays].sort().at(-1),
  };
}

async function passStages(tx: Executor, cycleId: string, upTo: CycleStage, actor: Who) {
  let from: CycleStage | null = null;
  for (const stage of cycleStages.slice(0, cycleStages.indexOf(upTo) + 1)) {
    await tx
      .insert(cycleStageChanges)
      .values({ cycleId, fromStage: from, toStage: stage, actorId: actor.id, actorName: actor.name });
    from = stage;
  }
}

/** Instagram at 10:00 on the given weekdays and Telegram on Tuesdays at 12:00, in the client's zone. */
function scheduleOf(
  month: string,
  timezone: string,
  instagram: string,
  telegram: string,
  instagramDays: number[],
) {
  const wanted: Array<{ startsAt: Date; channelId: string; format: 'post' | 'carousel' | 'reel' }> = [];
  for (const date of daysOfMonth(month)) {
    const weekday = localParts(zonedInstant(date, '12:00', timezone), timezone).weekday;
    if (instagramDays.includes(weekday)) {
      wanted.push({
        startsAt: zonedInstant(date, '10:00', timezone),
        channelId: instagram,
        format: weekday === 3 ? 'reel' : 'post',
      });
    }
    if (weekday === 2)
      wanted.push({ startsAt: zonedInstant(date, '12:00', timezone), channelId: telegram, format: 'post' });
  }
  return wanted;
}

/**
 * The demo's story for one client: last month closed, this month in content, next month in
 * preparation with a full schedule, 16 topics and a reserve. Dates follow today's.
 */
export async function seedDemoPlans(
  tx: Executor,
  client: { id: string; timezone: string; stageDays: Parameters<typeof defaultDeadlines>[1] },
  actor: Who,
) {
  const channelRows = await tx.select().from(channels).where(eq(channels.clientId, client.id));
  const rubricRows = await tx.select().from(rubrics).where(eq(rubrics.clientId, client.id));
  const instagram = channelRows.find((c) => c.network === 'instagram')!.id;
  const telegram = channelRows.find((c) => c.network === 'telegram')!.id;
  const rubricId = (name: string) => rubricRows.find((r) => r.name === name)?.id ?? null;

  const current = localParts(new Date(), client.timezone).date.slice(0, 7);
  const months: Array<[string, CycleStage, boolean]> = [
    [previousMonth(current), 'closed', true],
    [current, 'content', true],
    [nextMonth(current), 'preparation', false],
  ];
  for (const [month, stage, shared] of months) {
    const [cycle] = await tx
      .insert(cycles)
      .values({
        clientId: client.id,
        month,
        stage,
        deadlines: demoDeadlines(month, stage, client),
        sharedAt: shared ? new Date() : null,
      })
      .returning();
    await passStages(tx, cycle!.id, stage, actor);
    const preparing = stage === 'preparation';
    const schedule = scheduleOf(month, client.timezone, instagram, telegram, preparing ? [1, 3, 5] : [1, 4]);
    const planSlots = await tx
      .insert(slots)
      .values(schedule.map((s) => ({ ...s, cycleId: cycle!.id })))
      .returning();
    // Next month: 16 ideas, 11 already in slots. Earlier months: their own themes, all placed.
    const monthIdeas: Array<[string, string, string, string[]]> = preparing
      ? ideas
      : pastIdeas[stage === 'closed' ? 0 : 1]!.map((title, i) => [title, '', ideas[i]![2], []]);
    const placed = preparing ? 11 : monthIdeas.length;
    // Each placed topic was meant for its slot's channel, but one of next month's: the Ethiopia
    // tasting, meant for Instagram, sits in the month's first Telegram slot, so the plan shows
    // how a topic placed against its intent is flagged, whatever weekday the month starts on.
    const order = [...planSlots];
    const firstTelegram = order.findIndex((slot) => slot.channelId === telegram);
    if (preparing && firstTelegram >= 0)
      [order[2], order[firstTelegram]] = [order[firstTelegram]!, order[2]!];
    for (const [i, [title, angle, rubric, tags]] of monthIdeas.entries()) {
      const slot = i < placed ? order[i] : undefined;
      const meantFor = preparing && i === 2 ? instagram : (slot?.channelId ?? instagram);
      const [topic] = await tx
        .insert(topics)
        .values({
          clientId: client.id,
          cycleId: cycle!.id,
          title,
          angle,
          rubricId: rubricId(rubric),
          channelId: meantFor,
          source: i % 5 === 4 ? 'client' : 'agency',
          status: preparing ? (i < 6 ? 'accepted' : 'proposed') : 'accepted',
          authorId: actor.id,
          authorName: actor.name,
          tags,
          position: i + 1,
        })
        .returning();
      await tx.insert(topicPasses).values({ topicId: topic!.id, cycleId: cycle!.id });
      if (slot)
        await tx
          .update(slots)
          .set({ topicId: topic!.id, rubricId: rubricId(rubric) })
          .where(eq(slots.id, slot.id));
    }
    if (stage === 'preparation') {
      await tx.insert(cadenceRules).values([
        {
          cycleId: cycle!.id,
          channelId: instagram,
          format: 'post',
          weekdays: [1, 3, 5],
          time: '10:00',
          rubricId: null,
        },
        {
          cycleId: cycle!.id,
          channelId: telegram,
          format: 'post',
          weekdays: [2],
          time: '12:00',
          rubricId: null,
        },
      ]);
    }
  }
  for (const [title, angle, rubric, tags] of reserveIdeas) {
    await tx.insert(topics).values({
      clientId: client.id,
      cycleId: null,
      title,
      angle,
      rubricId: rubricId(rubric),
      source: 'meeting',
      status: 'parked',
      reservedAt: new Date(Date.now() - 40 * 86_400_000),
      authorId: actor.id,
      authorName: actor.name,
      tags,
    });
  }
}
