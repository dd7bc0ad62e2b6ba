import type { PostStatus } from '../../../shared/posts/statuses.ts';
import type { Language } from '../../i18n/index.ts';

const locales: Record<Language, string> = { uk: 'uk-UA', en: 'en-GB' };

/** "2 200" / "2,200": counts as the reader writes them. */
export function formatCount(value: number, language: Language): string {
  return new Intl.NumberFormat(locales[language]).format(value);
}

/**
 * One colour per status, dark enough for white text on a filled badge (4.5:1 and more):
 * Mantine's default shades of orange and green are not.
 */
export const statusColor: Record<PostStatus, string> = {
  draft: 'gray.7',
  internal_review: 'violet.8',
  client_review: 'blue.8',
  changes_requested: 'red.8',
  approved: 'teal.9',
  published: '#237032',
};

/** "Tue 9 Dec, 10:00" in the client's zone: when the post goes out. */
export function formatPublishAt(iso: string, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(locales[language], {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(iso));
}

/** "9 Dec 2026, 10:42" in the client's zone: when something happened. */
export function formatMoment(iso: string, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(locales[language], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(iso));
}
