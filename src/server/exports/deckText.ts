import type { Format, Network, TopicStatus } from '../../shared/roles.ts';

export type Language = 'uk' | 'en';

/** Every label the exports print, in both interface languages (same shape, checked by TypeScript). */
export interface ExportText {
  contentPlan: string;
  schedule: string;
  topics: string;
  topicOf: (n: number, total: number) => string;
  weekdays: readonly [string, string, string, string, string, string, string];
  channel: string;
  format: string;
  rubric: string;
  when: string;
  notScheduled: string;
  noRubric: string;
  freeSlot: string;
  moreSlots: (n: number) => string;
  timeZoneNote: (timezone: string) => string;
  part: (n: number, total: number) => string;
  stats: (slots: number, topics: number, rubrics: number) => string;
  reserve: string;
  reserveHint: string;
  moreInReserve: (n: number) => string;
  questions: string;
  questionsHint: string;
  /** "Пт, 4 грудня" / "Fri 4 December" for a local date. */
  dayLabel: (date: string) => string;
  networks: Record<Network, string>;
  formats: Record<Format, string>;
  statuses: Record<TopicStatus, string>;
  csvHeaders: readonly string[];
  /** The CSV's only row when the month has no slots: the file says so rather than looking broken. */
  csvEmpty: string;
  freeSlotSummary: string;
  emptyPlan: string;
  emptyPlanHint: string;
  noChannels: string;
}

/** Ukrainian counts take one of three forms (1 тема, 2 теми, 5 тем); Intl knows which. */
function plural(language: Language, n: number, forms: { one: string; few: string; many: string }): string {
  const rule = new Intl.PluralRules(language === 'uk' ? 'uk' : 'en').select(n);
  const form = rule === 'one' ? forms.one : rule === 'few' ? forms.few : forms.many;
  return `${n} ${form}`;
}

function dayLabel(locale: string, date: string): string {
  const label = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
  return label.charAt(0).toLocaleUpperCase(locale) + label.slice(1);
}

const networks: Record<Network, string> = {
  instagram: 'Instagram',
  facebook: 'Facebook',
  tiktok: 'TikTok',
  telegram: 'Telegram',
  linkedin: 'LinkedIn',
  x: 'X',
  youtube: 'YouTube',
  threads: 'Threads',
  pinterest: 'Pinterest',
  other: 'Other',
};

const uk: ExportText = {
  contentPlan: 'Контент-план',
  schedule: 'Графік постингу',
  topics: 'Теми місяця',
  topicOf: (n, total) => `Тема ${n} з ${total}`,
  weekdays: ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Нд'],
  channel: 'Канал',
  format: 'Формат',
  rubric: 'Рубрика',
  when: 'Дата і час',
  notScheduled: 'Ще не в графіку',
  noRubric: 'Без рубрики',
  freeSlot: '—',
  moreSlots: (n) => `+ ще ${n}`,
  timeZoneNote: (tz) => `Час: ${tz}`,
  part: (n, total) => `частина ${n} з ${total}`,
  stats: (slots, topics, rubrics) =>
    [
      plural('uk', slots, { one: 'публікація', few: 'публікації', many: 'публікацій' }),
      plural('uk', topics, { one: 'тема', few: 'теми', many: 'тем' }),
      plural('uk', rubrics, { one: 'рубрика', few: 'рубрики', many: 'рубрик' }),
    ].join(' · '),
  reserve: 'Про запас',
  reserveHint: 'Теми з резерву: будь-яку можна взяти в цей місяць замість запланованої.',
  moreInReserve: (n) => `І ще ${plural('uk', n, { one: 'тема', few: 'теми', many: 'тем' })} у резерві`,
  questions: 'Відкриті питання',
  questionsHint: 'Що обговоримо на зустрічі',
  dayLabel: (date) => dayLabel('uk-UA', date),
  networks: { ...networks, other: 'Інша мережа' },
  formats: {
    post: 'Пост',
    carousel: 'Карусель',
    reel: 'Рілс',
    story: 'Сторіс',
    video: 'Відео',
    short: 'Шортс',
    article: 'Стаття',
    text: 'Текст',
    live: 'Прямий ефір',
  },
  statuses: {
    proposed: 'Запропоновано',
    accepted: 'Прийнято',
    changed: 'Змінено',
    parked: 'У резерві',
    dropped: 'Відхилено',
  },
  csvHeaders: ['Дата', 'Час', 'Мережа', 'Акаунт', 'Формат', 'Рубрика', 'Тема', 'Статус теми'],
  csvEmpty: 'У цьому місяці ще немає слотів',
  freeSlotSummary: 'Вільний слот',
  emptyPlan: 'Плану на цей місяць ще немає',
  emptyPlanHint: 'Графік і теми з’являться тут, щойно агенція їх додасть: завантажте файл знову пізніше.',
  noChannels: 'Канали клієнта ще не додано: графік публікацій з’явиться, щойно вони будуть.',
};

const en: ExportText = {
  contentPlan: 'Content plan',
  schedule: 'Posting schedule',
  topics: 'Topics of the month',
  topicOf: (n, total) => `Topic ${n} of ${total}`,
  weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  channel: 'Channel',
  format: 'Format',
  rubric: 'Rubric',
  when: 'Date and time',
  notScheduled: 'Not scheduled yet',
  noRubric: 'No rubric',
  freeSlot: '—',
  moreSlots: (n) => `+ ${n} more`,
  timeZoneNote: (tz) => `Times: ${tz}`,
  part: (n, total) => `part ${n} of ${total}`,
  stats: (slots, topics, rubrics) =>
    [
      plural('en', slots, { one: 'post', few: 'posts', many: 'posts' }),
      plural('en', topics, { one: 'topic', few: 'topics', many: 'topics' }),
      plural('en', rubrics, { one: 'rubric', few: 'rubrics', many: 'rubrics' }),
    ].join(' · '),
  reserve: 'In reserve',
  reserveHint: 'Topics from the reserve: any of them can replace a planned one this month.',
  moreInReserve: (n) =>
    `And ${plural('en', n, { one: 'more topic', few: 'more topics', many: 'more topics' })} in the reserve`,
  questions: 'Open questions',
  questionsHint: 'To discuss at the meeting',
  dayLabel: (date) => dayLabel('en-GB', date),
  networks,
  formats: {
    post: 'Post',
    carousel: 'Carousel',
    reel: 'Reel',
    story: 'Story',
    video: 'Video',
    short: 'Short',
    article: 'Article',
    text: 'Text',
    live: 'Live',
  },
  statuses: {
    proposed: 'Proposed',
    accepted: 'Accepted',
    changed: 'Changed',
    parked: 'In reserve',
    dropped: 'Dropped',
  },
  csvHeaders: ['Date', 'Time', 'Network', 'Account', 'Format', 'Rubric', 'Topic', 'Topic status'],
  csvEmpty: 'No slots this month yet',
  freeSlotSummary: 'Free slot',
  emptyPlan: 'No plan for this month yet',
  emptyPlanHint:
    'The schedule and topics will appear here once the agency adds them: download the file again later.',
  noChannels:
    'The client’s channels have not been added yet: the posting schedule will appear once they are.',
};

export function exportText(language: Language): ExportText {
  return language === 'uk' ? uk : en;
}
