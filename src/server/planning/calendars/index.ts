/**
 * The calendar of a client's country, month by month: public holidays and, apart from them,
 * notable days ('observance'). The one place the web's month grid, the holidays endpoint, the
 * deck and working-day deadlines (workingDays.ts) read it from.
 *
 * A country with a module of its own (CountryCalendar, e.g. ua.ts) answers from it; any other
 * from the `date-holidays` package (library.ts).
 */
import type { Holiday as ApiHoliday } from '../../../shared/api/planning.ts';
import { libraryDaysOf } from './library.ts';
import type { CalendarEntry, CountryCalendar } from './types.ts';
import { ukraine } from './ua.ts';

export type Holiday = ApiHoliday;
export type { CalendarEntry, CountryCalendar } from './types.ts';

const countries = new Map<string, CountryCalendar>([['UA', ukraine()]]);

/** The country's own calendar module, if Plit has one. */
export const countryCalendar = (country: string): CountryCalendar | undefined =>
  countries.get(country.toUpperCase());

/** One entry as the API shows it, in one language. */
const presentEntry = (e: CalendarEntry, language: 'uk' | 'en'): Holiday => ({
  date: e.date,
  name: e.names[language],
  type: e.kind === 'public' ? 'public' : 'observance',
  source: e.source,
  ...(e.url ? { url: e.url } : {}),
  ...(e.note ? { note: e.note } : {}),
});

/** The month's (YYYY-MM) days of a calendar module: public holidays first on a day. */
function entriesOf(calendar: CountryCalendar, month: string): CalendarEntry[] {
  const year = Number(month.slice(0, 4));
  return [...calendar.publicHolidays(year), ...calendar.notableDays(year)].filter((e) =>
    e.date.startsWith(month),
  );
}

export async function holidaysOf(country: string, month: string, language: 'uk' | 'en'): Promise<Holiday[]> {
  const own = countryCalendar(country);
  if (!own) return libraryDaysOf(country, month, language);
  return entriesOf(own, month)
    .map((e) => presentEntry(e, language))
    .sort((x, y) => x.date.localeCompare(y.date));
}
