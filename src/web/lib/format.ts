import type { Language } from '../i18n/index.ts';

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

/** Date and time in the reader's language; `timeZone` is the client's for client things. */
export function formatDateTime(iso: string, language: Language, timeZone?: string): string {
  return formatter(language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** The time of day only ("11:04"), in the reader's language. */
export function formatTime(iso: string, language: Language, timeZone?: string): string {
  return formatter(language, { timeStyle: 'short', timeZone }).format(new Date(iso));
}

export function formatDate(iso: string, language: Language, timeZone?: string): string {
  return formatter(language, { dateStyle: 'medium', timeZone }).format(new Date(iso));
}

/** "GMT+2" style offset of a time zone right now. */
export function timeZoneOffset(timeZone: string, language: Language): string {
  try {
    const parts = formatter(language, { timeZone, timeZoneName: 'shortOffset' }).formatToParts(new Date());
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
  } catch {
    return '';
  }
}

let zones: string[] | null = null;

/** Every IANA zone the browser knows, with Kyiv spelled the current way. */
export function timeZones(): string[] {
  if (!zones) {
    const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    const set = new Set(known.map((z) => (z === 'Europe/Kiev' ? 'Europe/Kyiv' : z)));
    set.add('Europe/Kyiv');
    set.add('UTC');
    zones = [...set].sort();
  }
  return zones;
}

/** Initials for an avatar, from the first letters of the first two words. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return words
    .slice(0, 2)
    .map((w) => Array.from(w)[0] ?? '')
    .join('')
    .toUpperCase();
}

/** "2.4 MB" */
export function formatSize(bytes: number, language: Language): string {
  const units = language === 'uk' ? ['Б', 'КБ', 'МБ', 'ГБ'] : ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${new Intl.NumberFormat(intlLocale[language], { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}
