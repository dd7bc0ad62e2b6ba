import type { CalendarEntry, CountryCalendar, Names } from './types.ts';

/**
 * Ukraine's calendar as the law stands (checked December 2026).
 *
 * Public holidays: the Labour Code of Ukraine (Кодекс законів про працю України), Article 73
 * «Святкові і неробочі дні», as amended by
 *  - Law No. 3107-IX of 29 May 2023 «Про День пам’яті та перемоги над нацизмом у Другій світовій
 *    війні 1939–1945 років»: 8 May instead of 9 May (in force 15 June 2023);
 *  - Law No. 3225-IX of 14 July 2023 «Про внесення змін до статті 73 Кодексу законів про працю
 *    України» (signed 28 July 2023): Christmas only on 25 December (7 January removed), the Day of
 *    Ukrainian Statehood on 15 July (was 28 July), the Day of Defenders on 1 October (was 14 October).
 * Part one lists nine holidays; part two adds the religious days on which no work is done: Easter
 * and Trinity, one day (a Sunday) each. 2 January, 7 January and 14 October are not among them.
 * Orthodox Easter keeps the Julian paschalion (the Orthodox Church of Ukraine's 2023 move to the
 * new Julian calendar left Easter where it was), so Trinity is Easter + 49 days.
 *
 * Substitute days: when a holiday falls on a day off, the day off moves to the next working day
 * (KZpP Art. 67 part 3). Under martial law that part, and Art. 73 itself, do not apply: Law
 * No. 2136-IX of 15 March 2022 «Про організацію трудових відносин в умовах воєнного стану»,
 * Art. 6 part 6. So no substitute day while martial law lasts: MARTIAL_LAW below is that fact as
 * a dated setting; give it an end date and substitute days return for holidays after it.
 *
 * What "public holiday" means in Plit: strictly, with Art. 73 suspended, these are working days
 * for most employers while martial law lasts. Plit still shows them as public holidays, by their
 * names: the country marks them, audiences behave differently on them, and agencies plan posts
 * around them. Approval deadlines counted in working days (workingDays.ts) also skip them: many
 * clients' offices close on 1 January or 25 December anyway, and the mistake this risks is a due
 * date one working day early, never a post approved after it was meant to go out. Substitute days
 * are skipped only when the law gives them (outside martial law).
 *
 * Plit plans forward: the list is today's law for every year, not a history of past years.
 */

export interface MartialLaw {
  since: string; // YYYY-MM-DD
  /** null while it lasts. */
  until: string | null;
}

/**
 * Martial law in Ukraine since 24 February 2022 (Presidential Decree No. 64/2022, approved by Law
 * No. 2102-IX), extended every 90 days since. Set `until` to the last day when it ends.
 */
export const MARTIAL_LAW: MartialLaw = { since: '2022-02-24', until: null };

const KZPP_73 =
  'Кодекс законів про працю України, ст. 73 (в редакції Законів № 3107-IX і № 3225-IX від 2023 р.)';
const KZPP_73_URL = 'https://zakon.rada.gov.ua/laws/show/322-08#n454';

const iso = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));
const text = (d: Date) => d.toISOString().slice(0, 10);
const plusDays = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);
const weekend = (d: Date) => d.getUTCDay() === 0 || d.getUTCDay() === 6;

/** Orthodox Easter (Julian paschalion, Meeus), as a Gregorian date; right for 1900–2099. */
export function orthodoxEaster(year: number): Date {
  const a = year % 4;
  const b = year % 7;
  const c = year % 19;
  const d = (19 * c + 15) % 30;
  const e = (2 * a + 4 * b - d + 34) % 7;
  const month = Math.floor((d + e + 114) / 31);
  const day = ((d + e + 114) % 31) + 1;
  // The Julian calendar runs 13 days behind the Gregorian from 1900 to 2099.
  return plusDays(iso(year, month, day), 13);
}

/** The `n`th `weekday` (0 = Sunday) of a month. */
function nthWeekday(year: number, month: number, weekday: number, n: number): Date {
  const first = iso(year, month, 1);
  return plusDays(first, ((weekday - first.getUTCDay() + 7) % 7) + 7 * (n - 1));
}

const holiday = (date: Date, uk: string, en: string): CalendarEntry => ({
  date: text(date),
  names: { uk, en },
  kind: 'public',
  source: KZPP_73,
  url: KZPP_73_URL,
});

function holidaysOfArticle73(year: number): CalendarEntry[] {
  const easter = orthodoxEaster(year);
  return [
    holiday(iso(year, 1, 1), 'Новий рік', 'New Year’s Day'),
    holiday(iso(year, 3, 8), 'Міжнародний жіночий день', 'International Women’s Day'),
    holiday(easter, 'Великдень', 'Easter'),
    holiday(iso(year, 5, 1), 'День праці', 'Labour Day'),
    holiday(
      iso(year, 5, 8),
      'День пам’яті та перемоги над нацизмом',
      'Day of Remembrance and Victory over Nazism',
    ),
    holiday(plusDays(easter, 49), 'Трійця', 'Trinity Sunday'),
    holiday(iso(year, 6, 28), 'День Конституції України', 'Constitution Day'),
    holiday(iso(year, 7, 15), 'День Української Державності', 'Day of Ukrainian Statehood'),
    holiday(iso(year, 8, 24), 'День Незалежності України', 'Independence Day'),
    holiday(iso(year, 10, 1), 'День захисників і захисниць України', 'Day of Defenders of Ukraine'),
    holiday(iso(year, 12, 25), 'Різдво Христове', 'Christmas Day'),
  ].sort((x, y) => x.date.localeCompare(y.date));
}

const during = (date: string, period: MartialLaw) =>
  date >= period.since && (period.until === null || date <= period.until);

/**
 * The year's holidays with the substitute days Art. 67 part 3 gives: a holiday on a Saturday or
 * Sunday moves the day off to the next day that is neither a weekend, a holiday nor already a
 * substitute (1 May on a Saturday and Easter on the Sunday after it: Monday and Tuesday off).
 * None for a holiday that falls while martial law lasts.
 */
function publicHolidays(year: number, martialLaw: MartialLaw): CalendarEntry[] {
  // A holiday at the end of December can move its day off into January, so the year before counts.
  const days = [...holidaysOfArticle73(year - 1), ...holidaysOfArticle73(year)];
  const taken = new Set(days.map((d) => d.date));
  const substitutes: CalendarEntry[] = [];
  for (const h of days) {
    const date = new Date(`${h.date}T00:00:00Z`);
    if (!weekend(date) || during(h.date, martialLaw)) continue;
    let off = plusDays(date, 1);
    while (weekend(off) || taken.has(text(off))) off = plusDays(off, 1);
    taken.add(text(off));
    substitutes.push({
      ...h,
      date: text(off),
      names: { uk: `${h.names.uk} (вихідний)`, en: `${h.names.en} (day off)` },
      substitute: true,
      source: `${KZPP_73}; ст. 67 ч. 3`,
    });
  }
  return [...days, ...substitutes]
    .filter((d) => d.date.startsWith(`${year}-`))
    .sort((x, y) => x.date.localeCompare(y.date));
}

type Rule = (year: number) => Date;
interface Notable {
  on: Rule;
  names: Names;
  source: string;
  url?: string;
  note?: CalendarEntry['note'];
}

const fixed =
  (month: number, day: number): Rule =>
  (year) =>
    iso(year, month, day);

/**
 * Days agencies plan posts around that are not days off: state days of remembrance and
 * celebration (by Presidential decree), international days and the commercial ones marketing
 * lives by. Curated: each with the act or the page that establishes it.
 */
const NOTABLE: Notable[] = [
  {
    on: fixed(1, 22),
    names: { uk: 'День Соборності України', en: 'Day of Unity of Ukraine' },
    source: 'Указ Президента України № 42/99 від 21.01.1999 «Про День соборності України»',
    url: 'https://zakon.rada.gov.ua/laws/show/42/99',
  },
  {
    on: fixed(2, 14),
    names: { uk: 'День святого Валентина', en: 'Valentine’s Day' },
    source: 'Вікіпедія: День святого Валентина',
    url: 'https://uk.wikipedia.org/wiki/День_святого_Валентина',
  },
  {
    on: fixed(2, 20),
    names: { uk: 'День Героїв Небесної Сотні', en: 'Day of the Heroes of the Heavenly Hundred' },
    source:
      'Указ Президента України № 69/2015 від 11.02.2015 «Про вшанування подвигу учасників Революції Гідності»',
    url: 'https://zakon.rada.gov.ua/laws/show/69/2015',
    note: 'remembrance',
  },
  {
    on: fixed(2, 21),
    names: { uk: 'Міжнародний день рідної мови', en: 'International Mother Language Day' },
    source: 'UNESCO, 1999',
    url: 'https://www.un.org/en/observances/mother-language-day',
  },
  {
    on: fixed(4, 1),
    names: { uk: 'День сміху', en: 'April Fools’ Day' },
    source: 'Вікіпедія: День сміху',
    url: 'https://uk.wikipedia.org/wiki/День_сміху',
  },
  {
    on: fixed(4, 22),
    names: { uk: 'День Землі', en: 'Earth Day' },
    source: 'UN General Assembly resolution A/RES/63/278 (International Mother Earth Day)',
    url: 'https://www.un.org/en/observances/earth-day',
  },
  {
    on: fixed(5, 9),
    names: { uk: 'День Європи', en: 'Europe Day' },
    source: 'Указ Президента України № 266/2023 від 08.05.2023 «Про День Європи»',
    url: 'https://www.president.gov.ua/documents/2662023-46697',
  },
  {
    // The second Sunday of May.
    on: (year) => nthWeekday(year, 5, 0, 2),
    names: { uk: 'День матері', en: 'Mother’s Day' },
    source: 'Указ Президента України № 489/99 від 10.05.1999 «Про День матері»',
    url: 'https://zakon.rada.gov.ua/laws/show/489/99',
  },
  {
    // The third Thursday of May.
    on: (year) => nthWeekday(year, 5, 4, 3),
    names: { uk: 'День вишиванки', en: 'Vyshyvanka Day' },
    source: 'Вікіпедія: День вишиванки (громадська ініціатива з 2006 року)',
    url: 'https://uk.wikipedia.org/wiki/День_вишиванки',
  },
  {
    // The third Sunday of June.
    on: (year) => nthWeekday(year, 6, 0, 3),
    names: { uk: 'День батька', en: 'Father’s Day' },
    source: 'Указ Президента України № 274/2019 від 18.05.2019 «Про День батька»',
    url: 'https://zakon.rada.gov.ua/laws/show/274/2019',
  },
  {
    on: fixed(8, 12),
    names: { uk: 'Міжнародний день молоді', en: 'International Youth Day' },
    source: 'UN General Assembly resolution A/RES/54/120',
    url: 'https://www.un.org/en/observances/youth-day',
  },
  {
    on: fixed(8, 23),
    names: { uk: 'День Державного Прапора України', en: 'National Flag Day' },
    source: 'Указ Президента України № 987/2004 від 23.08.2004 «Про День Державного Прапора України»',
    url: 'https://zakon.rada.gov.ua/laws/show/987/2004',
  },
  {
    on: fixed(9, 1),
    names: { uk: 'День знань', en: 'Knowledge Day (first day of school)' },
    source: 'Вікіпедія: День знань',
    url: 'https://uk.wikipedia.org/wiki/День_знань',
  },
  {
    on: fixed(10, 31),
    names: { uk: 'Гелловін', en: 'Halloween' },
    source: 'Вікіпедія: Гелловін',
    url: 'https://uk.wikipedia.org/wiki/Гелловін',
  },
  {
    on: fixed(11, 9),
    names: { uk: 'День української писемності та мови', en: 'Day of Ukrainian Writing and Language' },
    source: 'Указ Президента України № 1241/97 від 06.11.1997 «Про День української писемності та мови»',
    url: 'https://zakon.rada.gov.ua/laws/show/1241/97',
  },
  {
    on: fixed(11, 20),
    names: { uk: 'День захисту дітей', en: 'Children’s Day' },
    source: 'Указ Президента України № 355/2025 (20 листопада замість 1 червня)',
    url: 'https://zakon.rada.gov.ua/laws/show/355/2025',
  },
  {
    on: fixed(11, 21),
    names: { uk: 'День Гідності та Свободи', en: 'Day of Dignity and Freedom' },
    source: 'Указ Президента України № 872/2014 від 13.11.2014 «Про День Гідності та Свободи»',
    url: 'https://zakon.rada.gov.ua/laws/show/872/2014',
  },
  {
    // The fourth Saturday of November; flags at half-mast, a minute of silence at 16:00.
    on: (year) => nthWeekday(year, 11, 6, 4),
    names: { uk: 'День пам’яті жертв голодоморів', en: 'Holodomor Remembrance Day' },
    source: 'Указ Президента України № 1310/98 від 26.11.1998 (у редакції указу № 431/2007)',
    url: 'https://zakon.rada.gov.ua/laws/show/1310/98',
    note: 'mourning',
  },
  {
    // The day after the fourth Thursday of November (Thanksgiving in the US).
    on: (year) => plusDays(nthWeekday(year, 11, 4, 4), 1),
    names: { uk: 'Чорна п’ятниця', en: 'Black Friday' },
    source: 'Вікіпедія: Чорна п’ятниця',
    url: 'https://uk.wikipedia.org/wiki/Чорна_п%27ятниця',
  },
  {
    on: fixed(12, 6),
    names: { uk: 'День Збройних Сил України', en: 'Armed Forces of Ukraine Day' },
    source: 'Вікіпедія: День Збройних Сил України',
    url: 'https://uk.wikipedia.org/wiki/День_Збройних_Сил_України',
  },
  {
    // Since the Orthodox Church of Ukraine moved to the new Julian calendar (1 September 2023).
    on: fixed(12, 6),
    names: { uk: 'День святого Миколая', en: 'St Nicholas Day' },
    source: 'Вікіпедія: День святого Миколая',
    url: 'https://uk.wikipedia.org/wiki/День_святого_Миколая',
  },
  {
    on: fixed(12, 31),
    names: { uk: 'Переддень Нового року', en: 'New Year’s Eve' },
    source: 'Вікіпедія: Переддень Нового року',
    url: 'https://uk.wikipedia.org/wiki/Переддень_Нового_року',
  },
];

function notableDays(year: number): CalendarEntry[] {
  return NOTABLE.map(
    (n): CalendarEntry => ({
      date: text(n.on(year)),
      names: n.names,
      kind: 'notable',
      source: n.source,
      ...(n.url ? { url: n.url } : {}),
      ...(n.note ? { note: n.note } : {}),
    }),
  ).sort((x, y) => x.date.localeCompare(y.date));
}

/** Ukraine's calendar; `martialLaw` only for a test that ends it. */
export function ukraine(martialLaw: MartialLaw = MARTIAL_LAW): CountryCalendar {
  return {
    code: 'UA',
    publicHolidays: (year) => publicHolidays(year, martialLaw),
    notableDays,
    sources: [
      { title: KZPP_73, url: KZPP_73_URL },
      {
        title:
          'Закон України № 2136-IX від 15.03.2022 «Про організацію трудових відносин в умовах воєнного стану», ст. 6',
        url: 'https://zakon.rada.gov.ua/laws/show/2136-20',
      },
    ],
  };
}
