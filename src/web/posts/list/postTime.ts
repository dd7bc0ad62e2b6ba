import { localParts } from '../../../shared/time.ts';
import type { Language } from '../../i18n/index.ts';
import { formatDayLong, formatDayShort } from '../../lib/dates.ts';

/** A post's publish time as the client's local date and time: the calendar's day, the list's words. */
export function publishParts(publishAt: string, timeZone: string) {
  return localParts(new Date(publishAt), timeZone);
}

/** "Fri 5 Dec, 10:00" in the client's zone. */
export function publishLabel(publishAt: string, timeZone: string, language: Language): string {
  const { date, time } = publishParts(publishAt, timeZone);
  return `${formatDayShort(date, language)}, ${time}`;
}

/** "Friday, 5 December, 10:00": for headings and screen readers. */
export function publishLabelLong(publishAt: string, timeZone: string, language: Language): string {
  const { date, time } = publishParts(publishAt, timeZone);
  return `${formatDayLong(date, language)}, ${time}`;
}

/** Posts in the order they go out. */
export const byPublishAt = <T extends { publishAt: string }>(a: T, b: T) =>
  Date.parse(a.publishAt) - Date.parse(b.publishAt);
