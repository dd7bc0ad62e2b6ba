import type { Language } from '../i18n/index.ts';

/** The month it is now in a time zone (the client's for a client's figures), as YYYY-MM. */
export function monthNow(timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(new Date());
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}`;
}

/** A month n months later (or earlier with a negative n). */
export function addMonths(month: string, n: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The last `size` months up to the current one: what the range picker asks the server for. */
export function lastMonths(size: number, timeZone?: string): { from: string; to: string } {
  const to = monthNow(timeZone);
  return { from: addMonths(to, -(size - 1)), to };
}

const intlLocale: Record<Language, string> = { uk: 'uk-UA', en: 'en-GB' };
const shortFormats = new Map<Language, Intl.DateTimeFormat>();

/** "Oct 2026", "жовт. 2026": short enough for a chart's axis (the "р." of Ukrainian dates dropped). */
export function monthShort(month: string, language: Language): string {
  let format = shortFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale[language], {
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    shortFormats.set(language, format);
  }
  return format.format(new Date(`${month}-01T00:00:00Z`)).replace(/\s*р\.$/, '');
}
