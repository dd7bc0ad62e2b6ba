import { localParts } from '../../../shared/time.ts';
import type { Language } from '../../i18n/index.ts';

const intlLocale: Record<Language, string> = { uk: 'uk-UA', en: 'en-GB' };
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let found = cache.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(intlLocale[language], options);
    cache.set(key, found);
  }
  return found;
}

/** The client's today, as a local YYYY-MM-DD. */
export const todayIn = (timeZone: string) => localParts(new Date(), timeZone).date;

/**
 * "10:42" when it happened today in the client's zone, else "5 Dec, 10:42": when a draft was
 * saved or an answer sent.
 */
export function formatWhen(iso: string, language: Language, timeZone: string): string {
  const date = new Date(iso);
  const sameDay = localParts(date, timeZone).date === todayIn(timeZone);
  return formatter(
    language,
    sameDay
      ? { timeStyle: 'short', timeZone }
      : { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone },
  ).format(date);
}

/** Whole days from one local date to another (negative: before). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
