import { unnestQuotes } from '../../shared/quotes.ts';
import type { Likelihood, MeetingFormat, QuestionStatus, Side } from '../../shared/roles.ts';
import type { Language } from './deckText.ts';
import { formatDate } from './locale.ts';

/** Every label the meeting summary PDF prints, in both interface languages (same shape). */
export interface SummaryText {
  title: string;
  reviewTitle: string;
  /** "Зустріч 27 листопада 2026, 11:00 (Europe/Kyiv) · онлайн" */
  held: (date: string, time: string, timezone: string, format: MeetingFormat) => string;
  /** "Зустріч відбулася 27 листопада 2026, 11:04–12:31 (Europe/Kyiv) · онлайн": when it actually ran. */
  happened: (from: LocalMoment, to: LocalMoment, timezone: string, format: MeetingFormat) => string;
  fireModeNote: string;
  agreed: string;
  agreedEmpty: string;
  notScheduled: string;
  change: (text: string) => string;
  changed: string;
  parked: string;
  parkedHint: string;
  dropped: string;
  ideas: string;
  ideaBy: (name: string) => string;
  plans: string;
  likelihoods: Record<Likelihood, string>;
  whatIf: string;
  questions: string;
  questionStatuses: Record<QuestionStatus, string>;
  aboutTopic: (title: string) => string;
  comments: string;
  verdicts: { accept: string; changes: string };
  notes: string;
  participants: string;
  absent: string;
  sides: Record<Side, string>;
  nothing: string;
  page: (n: number, total: number) => string;
  fileName: (clientName: string, month: string) => string;
  /** "7 грудня 2026" for a local date. */
  date: (date: string) => string;
  /** "Пн, 7 грудня" for a local date inside the month. */
  day: (date: string) => string;
  /** "12 грудня" for a local date near the month. */
  dayMonth: (date: string) => string;
}

/** A date and a time in the client's time zone. */
export interface LocalMoment {
  date: string;
  time: string;
}

const utc = (date: string) => new Date(`${date}T00:00:00Z`);

/** "27 листопада 2026, 11:04–12:31", or both dates when it ran past midnight. */
const span = (date: (d: string) => string, from: LocalMoment, to: LocalMoment) =>
  from.date === to.date
    ? `${date(from.date)}, ${from.time}–${to.time}`
    : `${date(from.date)}, ${from.time} – ${date(to.date)}, ${to.time}`;

function formatter(locale: string, options: Intl.DateTimeFormatOptions) {
  const f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
  return (date: string) => {
    const text = f.format(utc(date));
    return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
  };
}

// The day in words as every document and email writes it (exports/locale.ts).
const ukDate = (date: string) => formatDate('uk', date);
const enDate = (date: string) => formatDate('en', date);
const ukDay = (date: string) => ukDate(date).toLocaleLowerCase('uk');

const uk: SummaryText = {
  title: 'Підсумки зустрічі',
  reviewTitle: 'Підсумки письмового погодження',
  held: (date, time, timezone, format) =>
    format === 'async'
      ? `Погодження до ${ukDate(date).toLocaleLowerCase('uk')}, ${time} (${timezone}) · режим «пожежа»`
      : `Зустріч ${ukDate(date).toLocaleLowerCase('uk')}, ${time} (${timezone}) · ${format === 'online' ? 'онлайн' : 'наживо'}`,
  happened: (from, to, timezone, format) =>
    format === 'async'
      ? `Письмове погодження: ${span(ukDay, from, to)} (${timezone}) · режим «пожежа»`
      : `Зустріч відбулася ${span(ukDay, from, to)} (${timezone}) · ${format === 'online' ? 'онлайн' : 'наживо'}`,
  fireModeNote:
    'Зустрітися не вдалося, тож план погодили письмово, коментарями до тем і слотів. Це виняток, а не звичка.',
  agreed: 'Погоджений графік і теми',
  agreedEmpty: 'Жодної теми не погоджено.',
  notScheduled: 'Ще без слота',
  change: (text) => `Що змінити: ${text}`,
  changed: 'змінено',
  parked: 'Відкладено в резерв',
  parkedHint: 'Ці теми чекають у резерві на один із наступних місяців.',
  dropped: 'Відхилено',
  ideas: 'Нові ідеї',
  ideaBy: (name) => `автор: ${name}`,
  plans: 'Плани клієнта і «а що, коли»',
  likelihoods: { certain: 'точно буде', likely: 'найімовірніше', maybe: 'можливо' },
  whatIf: 'А що, коли',
  questions: 'Питання',
  questionStatuses: { open: 'Відкрите', answered: 'Відповіли', for_facts: 'У запит на фактаж' },
  aboutTopic: (title) => unnestQuotes(`до теми «${title}»`),
  comments: 'Коментарі до плану',
  verdicts: { accept: 'Погоджено', changes: 'Просять змінити' },
  notes: 'Нотатки',
  participants: 'Учасники',
  absent: 'Запрошені, але не прийшли',
  sides: { agency: 'Агенція', client: 'Клієнт' },
  nothing: 'Немає.',
  page: (n, total) => `${n} / ${total}`,
  fileName: (clientName, month) => `${clientName} ${month} підсумки зустрічі.pdf`,
  date: (date) => ukDate(date).toLocaleLowerCase('uk'),
  day: formatter('uk-UA', { weekday: 'short', day: 'numeric', month: 'long' }),
  dayMonth: formatter('uk-UA', { day: 'numeric', month: 'long' }),
};

const en: SummaryText = {
  title: 'Meeting summary',
  reviewTitle: 'Written review summary',
  held: (date, time, timezone, format) =>
    format === 'async'
      ? `Review due ${enDate(date)}, ${time} (${timezone}) · fire mode`
      : `Meeting on ${enDate(date)}, ${time} (${timezone}) · ${format === 'online' ? 'online' : 'in person'}`,
  happened: (from, to, timezone, format) =>
    format === 'async'
      ? `Written review: ${span(enDate, from, to)} (${timezone}) · fire mode`
      : `Meeting held ${span(enDate, from, to)} (${timezone}) · ${format === 'online' ? 'online' : 'in person'}`,
  fireModeNote:
    'No meeting was possible, so the plan was agreed in writing, by comments on its topics and slots. This is the exception, not the habit.',
  agreed: 'Agreed schedule and topics',
  agreedEmpty: 'No topic was agreed.',
  notScheduled: 'No slot yet',
  change: (text) => `What changes: ${text}`,
  changed: 'changed',
  parked: 'Parked in the reserve',
  parkedHint: 'These topics wait in the reserve for a later month.',
  dropped: 'Dropped',
  ideas: 'New ideas',
  ideaBy: (name) => `proposed by ${name}`,
  plans: "The client's plans and what-ifs",
  likelihoods: { certain: 'certain', likely: 'likely', maybe: 'maybe' },
  whatIf: 'What if',
  questions: 'Questions',
  questionStatuses: { open: 'Open', answered: 'Answered', for_facts: 'For the fact request' },
  aboutTopic: (title) => `on “${title}”`,
  comments: 'Comments on the plan',
  verdicts: { accept: 'Accepted', changes: 'Changes asked' },
  notes: 'Notes',
  participants: 'Participants',
  absent: 'Invited, did not come',
  sides: { agency: 'Agency', client: 'Client' },
  nothing: 'None.',
  page: (n, total) => `${n} / ${total}`,
  fileName: (clientName, month) => `${clientName} ${month} meeting summary.pdf`,
  date: enDate,
  day: formatter('en-GB', { weekday: 'short', day: 'numeric', month: 'long' }),
  dayMonth: formatter('en-GB', { day: 'numeric', month: 'long' }),
};

export function summaryText(language: Language): SummaryText {
  return language === 'uk' ? uk : en;
}
