/**
 * The plan deck as plain data: what each slide says, already in the client's language.
 * Both renderers (PPTX and PDF) draw from this, so they can't disagree on content or order.
 */
import type { Channel, Rubric } from '../../shared/api/clients.ts';
import type { Slot, Topic } from '../../shared/api/planning.ts';
import { placementOf } from '../../shared/placement.ts';
import { daysOfMonth } from '../../shared/time.ts';
import { monthName } from '../planning/monthNames.ts';
import { exportText, type Language } from './deckText.ts';

export interface DeckInput {
  clientName: string;
  month: string; // YYYY-MM
  timezone: string;
  language: Language;
  slots: Slot[];
  topics: Topic[];
  channels: Channel[];
  rubrics: Rubric[];
  /** Suggestions from the reserve, best first. */
  reserve: Topic[];
  questions: string[];
  /** Public holidays to mark on the calendar (from holidaysOf), if the caller has them. */
  holidays?: Array<{ date: string; name: string }>;
}

export interface RubricLabel {
  name: string;
  color: string; // #rrggbb
}

export interface CalendarEntry {
  time: string;
  network: string;
  format: string;
  title: string; // the topic's title, or "—" for a free slot
  free: boolean;
  color: string | null; // the rubric's colour
}

export interface CalendarDay {
  date: string;
  day: number;
  weekend: boolean;
  holiday: string | null;
  entries: CalendarEntry[];
  /** "+ ще 2" when more slots fall on the day than a cell shows. */
  more: string | null;
}

interface SlideBase {
  footer: string; // "Client · Month"
}

export type DeckSlide = SlideBase &
  (
    | {
        kind: 'title';
        clientName: string;
        heading: string;
        month: string;
        stats: string;
        rubrics: RubricLabel[];
      }
    | {
        kind: 'calendar';
        title: string;
        part: string | null;
        weekdays: readonly string[];
        /** Mon..Sun; null for days of the neighbouring months. */
        weeks: Array<Array<CalendarDay | null>>;
        legend: RubricLabel[];
        note: string;
      }
    | {
        kind: 'topic';
        heading: string;
        counter: string;
        title: string;
        angle: string;
        rubric: RubricLabel | null;
        facts: Array<{ label: string; value: string }>;
      }
    | {
        kind: 'reserve';
        title: string;
        hint: string;
        items: Array<{ title: string; angle: string; rubric: RubricLabel | null }>;
        more: string | null;
      }
    | { kind: 'questions'; title: string; hint: string; items: string[]; start: number }
    /** In place of the calendar when there is nothing to show: the file says so rather than look broken. */
    | { kind: 'empty'; title: string; body: string }
  );

export type SlideOf<K extends DeckSlide['kind']> = Extract<DeckSlide, { kind: K }>;

/** A day cell shows this many slots; the rest become "+ N more" so a busy day can't burst the grid. */
export const maxEntriesPerDay = 6;
/**
 * How many text lines one calendar slide holds: a week costs a line for the day number and three
 * per slot of its busiest day (meta, two of title), at least one slot's worth so empty weeks stay
 * writable. Both renderers size rows from the same count.
 */
export const calendarLineBudget = 36;
const reserveLimit = 8;
const questionsPerSlide = 8;

export function weekLines(week: Array<CalendarDay | null>): number {
  return 1 + Math.max(3, ...week.map((d) => (d ? 3 * d.entries.length + (d.more ? 1 : 0) : 0)));
}

export function buildDeck(input: DeckInput): DeckSlide[] {
  const t = exportText(input.language);
  const month = monthName(input.month, input.language);
  const footer = `${input.clientName} · ${month}`;
  const rubricById = new Map(input.rubrics.map((r) => [r.id, r]));
  const channelById = new Map(input.channels.map((c) => [c.id, c]));
  const label = (id: string | null | undefined): RubricLabel | null => {
    const r = id ? rubricById.get(id) : undefined;
    return r ? { name: r.name, color: r.color } : null;
  };
  const slots = [...input.slots]
    .filter((s) => s.date.startsWith(input.month))
    .sort((a, b) => (a.date + a.time).localeCompare(b.date + b.time));
  const slotOfTopic = new Map(slots.filter((s) => s.topicId).map((s) => [s.topicId!, s]));

  // Parked topics live in the reserve and dropped ones are out: neither is part of this month's pitch.
  const topics = input.topics
    .filter((x) => x.status !== 'parked' && x.status !== 'dropped')
    .sort((a, b) => {
      const sa = slotOfTopic.get(a.id);
      const sb = slotOfTopic.get(b.id);
      if (sa && sb) return (sa.date + sa.time).localeCompare(sb.date + sb.time);
      if (sa || sb) return sa ? -1 : 1;
      return a.position - b.position;
    });
  const usedRubrics = input.rubrics.filter(
    (r) => slots.some((s) => s.rubricId === r.id) || topics.some((x) => x.rubricId === r.id),
  );

  const slides: DeckSlide[] = [
    {
      kind: 'title',
      footer,
      clientName: input.clientName,
      heading: t.contentPlan,
      month,
      stats: t.stats(slots.length, topics.length, usedRubrics.length),
      rubrics: usedRubrics.map((r) => ({ name: r.name, color: r.color })),
    },
  ];

  // Nothing planned, or nowhere to post: one slide says why instead of an empty grid.
  if (input.channels.length === 0 || (slots.length === 0 && topics.length === 0))
    slides.push({
      kind: 'empty',
      footer,
      title: t.emptyPlan,
      body: input.channels.length === 0 ? t.noChannels : t.emptyPlanHint,
    });
  else slides.push(...calendarSlides(input, slots, usedRubrics, footer, label));

  topics.forEach((topic, i) => {
    const slot = slotOfTopic.get(topic.id);
    // A placed topic goes out as its slot says (shared/placement.ts); an unplaced one shows its intent.
    const where = slot ? placementOf(topic, slot) : { channelId: topic.channelId, format: topic.format };
    const channel = where.channelId ? channelById.get(where.channelId) : undefined;
    const format = where.format;
    const rubric = label(topic.rubricId ?? slot?.rubricId);
    slides.push({
      kind: 'topic',
      footer,
      heading: t.topics,
      counter: t.topicOf(i + 1, topics.length),
      title: topic.title,
      angle: topic.angle,
      rubric,
      facts: [
        { label: t.when, value: slot ? `${t.dayLabel(slot.date)} · ${slot.time}` : t.notScheduled },
        { label: t.channel, value: channel ? `${t.networks[channel.network]} · ${channel.handle}` : '—' },
        { label: t.format, value: format ? t.formats[format] : '—' },
        { label: t.rubric, value: rubric?.name ?? t.noRubric },
      ],
    });
  });

  if (input.reserve.length) {
    const shown = input.reserve.slice(0, reserveLimit);
    slides.push({
      kind: 'reserve',
      footer,
      title: t.reserve,
      hint: t.reserveHint,
      items: shown.map((x) => ({ title: x.title, angle: x.angle, rubric: label(x.rubricId) })),
      more: input.reserve.length > shown.length ? t.moreInReserve(input.reserve.length - shown.length) : null,
    });
  }

  const questions = input.questions.map((q) => q.trim()).filter(Boolean);
  for (let i = 0; i < questions.length; i += questionsPerSlide) {
    slides.push({
      kind: 'questions',
      footer,
      title: t.questions,
      hint: t.questionsHint,
      items: questions.slice(i, i + questionsPerSlide),
      start: i + 1,
    });
  }
  return slides;
}

/** The schedule: a week is Mon..Sun, days of the neighbouring months stay empty. */
function calendarSlides(
  input: DeckInput,
  slots: Slot[],
  usedRubrics: Rubric[],
  footer: string,
  label: (id: string | null | undefined) => RubricLabel | null,
): DeckSlide[] {
  const t = exportText(input.language);
  const month = monthName(input.month, input.language);
  const channelById = new Map(input.channels.map((c) => [c.id, c]));
  const topicById = new Map(input.topics.map((x) => [x.id, x]));
  const slides: DeckSlide[] = [];
  const holidays = new Map((input.holidays ?? []).map((h) => [h.date, h.name]));
  const days = daysOfMonth(input.month).map((date): CalendarDay => {
    const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7; // 0 = Monday
    const daySlots = slots.filter((s) => s.date === date);
    const entries = daySlots.slice(0, maxEntriesPerDay).map((s): CalendarEntry => {
      const topic = s.topicId ? topicById.get(s.topicId) : undefined;
      const network = channelById.get(s.channelId)?.network;
      return {
        time: s.time,
        network: network ? t.networks[network] : '',
        format: t.formats[s.format],
        title: topic?.title ?? t.freeSlot,
        free: !topic,
        color: label(s.rubricId ?? topic?.rubricId)?.color ?? null,
      };
    });
    return {
      date,
      day: Number(date.slice(8)),
      weekend: weekday >= 5,
      holiday: holidays.get(date) ?? null,
      entries,
      more: daySlots.length > entries.length ? t.moreSlots(daySlots.length - entries.length) : null,
    };
  });
  const cells: Array<CalendarDay | null> = [
    ...Array.from({ length: (new Date(`${days[0]!.date}T00:00:00Z`).getUTCDay() + 6) % 7 }, () => null),
    ...days,
  ];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  const parts = splitWeeks(weeks);
  parts.forEach((part, i) => {
    slides.push({
      kind: 'calendar',
      footer,
      title: `${t.schedule} · ${month}`,
      part: parts.length > 1 ? t.part(i + 1, parts.length) : null,
      weekdays: t.weekdays,
      weeks: part,
      legend: usedRubrics.map((r) => ({ name: r.name, color: r.color })),
      note: t.timeZoneNote(input.timezone),
    });
  });

  return slides;
}

/** Fewest calendar slides that stay within the line budget, with the weeks shared out evenly. */
function splitWeeks(weeks: Array<Array<CalendarDay | null>>): Array<Array<Array<CalendarDay | null>>> {
  for (let count = 1; ; count++) {
    const size = Math.ceil(weeks.length / count);
    const parts = Array.from({ length: Math.ceil(weeks.length / size) }, (_, i) =>
      weeks.slice(i * size, i * size + size),
    );
    const fits = parts.every((p) => p.reduce((sum, w) => sum + weekLines(w), 0) <= calendarLineBudget);
    if (fits || size === 1) return parts;
  }
}
