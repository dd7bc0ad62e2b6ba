import { describe, expect, it } from 'vitest';
import {
  buildDeck,
  calendarLineBudget,
  type SlideOf,
  weekLines,
} from '../../src/server/exports/deckModel.ts';
import { channels, deckInput, slots, topics } from './fixtures/coffeeRoaster.ts';

const of = <K extends ReturnType<typeof buildDeck>[number]['kind']>(
  slides: ReturnType<typeof buildDeck>,
  kind: K,
) => slides.filter((s): s is SlideOf<K> => s.kind === kind);

describe('buildDeck', () => {
  it('orders title, schedule, one slide per topic, reserve, questions', () => {
    const slides = buildDeck(deckInput);
    expect(slides.map((s) => s.kind)).toEqual([
      'title',
      'calendar',
      ...topics.map(() => 'topic'),
      'reserve',
      'questions',
    ]);
    const [title] = of(slides, 'title');
    expect(title).toMatchObject({
      clientName: 'Подільська обсмажка',
      month: 'Грудень 2026',
      heading: 'Контент-план',
    });
    expect(title!.stats).toBe('16 публікацій · 15 тем · 3 рубрики');
  });

  it('lays the month out Monday to Sunday with each slot in its day', () => {
    const [calendar] = of(buildDeck(deckInput), 'calendar');
    expect(calendar!.weekdays[0]).toBe('Пн');
    // 1 December 2026 is a Tuesday: Monday of the first week belongs to November.
    expect(calendar!.weeks[0]![0]).toBeNull();
    expect(calendar!.weeks[0]![1]!.date).toBe('2026-12-01');
    expect(calendar!.weeks.flat().filter(Boolean)).toHaveLength(31);
    const tenth = calendar!.weeks.flat().find((d) => d?.date === '2026-12-10')!;
    expect(tenth.entries.map((e) => [e.time, e.network, e.format])).toEqual([
      ['12:00', 'Telegram', 'Текст'],
      ['19:00', 'Instagram', 'Пост'],
    ]);
    expect(tenth.entries[1]).toMatchObject({
      title: 'Каппінг у суботу: запрошуємо на дегустацію',
      free: false,
      color: '#b45309',
    });
    const free = calendar!.weeks.flat().find((d) => d?.date === '2026-12-22')!;
    expect(free.entries[0]).toMatchObject({ title: '—', free: true });
    expect(calendar!.weeks.flat().find((d) => d?.date === '2026-12-25')!.holiday).toBe('Різдво Христове');
  });

  it('gives each topic its rubric, channel, format and slot time; unplaced topics come last', () => {
    const slides = of(buildDeck(deckInput), 'topic');
    expect(slides[0]).toMatchObject({
      counter: 'Тема 1 з 15',
      title: 'Різдвяний бленд 2026: як ми його зібрали',
      rubric: { name: 'Продукт', color: '#b45309' },
    });
    expect(slides[0]!.facts).toEqual([
      { label: 'Дата і час', value: 'Вт, 1 грудня · 10:00' },
      { label: 'Канал', value: 'Instagram · @podil.roasters' },
      { label: 'Формат', value: 'Карусель' },
      { label: 'Рубрика', value: 'Продукт' },
    ]);
    expect(slides.at(-1)!.title).toBe('Як зберігати каву взимку: морозилка — так чи ні?');
    expect(slides.at(-1)!.facts[0]!.value).toBe('Ще не в графіку');
  });

  it('leaves parked and dropped topics out, and speaks English when asked', () => {
    const input = {
      ...deckInput,
      language: 'en' as const,
      topics: topics.map((x, i) => (i === 0 ? { ...x, status: 'dropped' as const } : x)),
      questions: [],
      reserve: [],
    };
    const slides = buildDeck(input);
    expect(of(slides, 'topic')).toHaveLength(14);
    expect(slides.some((s) => s.kind === 'questions' || s.kind === 'reserve')).toBe(false);
    expect(of(slides, 'title')[0]!.month).toBe('December 2026');
    expect(of(slides, 'calendar')[0]!.weekdays).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
  });

  it('splits a crowded month over calendar slides and caps a day cell', () => {
    const crowded = Array.from({ length: 60 }, (_, i) => ({
      ...slots[0]!,
      id: `00000000-0000-4000-8000-9${String(i).padStart(11, '0')}`,
      date: `2026-12-${String((i % 20) + 1).padStart(2, '0')}`,
      time: `${String(8 + (i % 10)).padStart(2, '0')}:00`,
      topicId: null,
    }));
    crowded.push(
      ...Array.from({ length: 9 }, (_, i) => ({
        ...crowded[0]!,
        id: `${crowded[0]!.id.slice(0, -2)}x${i}`,
        date: '2026-12-30',
      })),
    );
    const calendars = of(buildDeck({ ...deckInput, slots: crowded }), 'calendar');
    expect(calendars.length).toBeGreaterThan(1);
    expect(calendars[0]!.part).toBe(`частина 1 з ${calendars.length}`);
    for (const c of calendars)
      expect(c.weeks.reduce((n, w) => n + weekLines(w), 0)).toBeLessThanOrEqual(calendarLineBudget);
    const busy = calendars.flatMap((c) => c.weeks.flat()).find((d) => d?.date === '2026-12-30')!;
    expect(busy.entries).toHaveLength(6);
    expect(busy.more).toBe('+ ще 3'); // 9 slots, 6 shown
  });
  it("[18.1] a topic meant for Instagram but sitting in a Telegram slot: its slide says the slot's Telegram post", () => {
    // Topic 7 sits in the Mon 7 Dec 09:00 Telegram post slot; its author had an Instagram reel in mind.
    const seventh = topics.find((x) => x.title && x.position === 7)!;
    const input = {
      ...deckInput,
      topics: topics.map((x) =>
        x === seventh ? { ...x, channelId: channels[0]!.id, format: 'reel' as const } : x,
      ),
    };
    const slide = of(buildDeck(input), 'topic').find((s) => s.title === seventh.title)!;
    expect(slide.facts).toEqual([
      { label: 'Дата і час', value: 'Пн, 7 грудня · 09:00' },
      { label: 'Канал', value: 'Telegram · @podilroasters' },
      { label: 'Формат', value: 'Пост' },
      { label: 'Рубрика', value: 'Кавова освіта' },
    ]);
    // The calendar slide agrees with it.
    const day = of(buildDeck(input), 'calendar')[0]!
      .weeks.flat()
      .find((d) => d?.date === '2026-12-07')!;
    expect(day.entries[0]).toMatchObject({ network: 'Telegram', format: 'Пост', title: seventh.title });
  });

  it('[18.1] an unplaced topic keeps its intended channel and format on its slide', () => {
    const last = topics.at(-1)!;
    const input = {
      ...deckInput,
      topics: topics.map((x) =>
        x === last ? { ...x, channelId: channels[1]!.id, format: 'text' as const } : x,
      ),
    };
    const slide = of(buildDeck(input), 'topic').at(-1)!;
    expect(slide.facts.map((f) => f.value)).toEqual([
      'Ще не в графіку',
      'Telegram · @podilroasters',
      'Текст',
      'Кавова освіта',
    ]);
  });

  it('[18.1] an empty plan, or a client without channels, gives a deck that says there is no plan yet', () => {
    for (const language of ['uk', 'en'] as const) {
      const empty = buildDeck({ ...deckInput, language, slots: [], topics: [], reserve: [], questions: [] });
      expect(empty.map((s) => s.kind)).toEqual(['title', 'empty']);
      const [note] = empty.filter((s): s is SlideOf<'empty'> => s.kind === 'empty');
      expect(note!.title).toBe(
        language === 'uk' ? 'Плану на цей місяць ще немає' : 'No plan for this month yet',
      );
      const noChannels = buildDeck({ ...deckInput, language, channels: [], slots: [], reserve: [] });
      const [why] = noChannels.filter((s): s is SlideOf<'empty'> => s.kind === 'empty');
      expect(why!.body).toBe(
        language === 'uk'
          ? 'Канали клієнта ще не додано: графік публікацій з’явиться, щойно вони будуть.'
          : 'The client’s channels have not been added yet: the posting schedule will appear once they are.',
      );
    }
  });
});
