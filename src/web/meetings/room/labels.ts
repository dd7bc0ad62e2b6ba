import type { TFunction } from 'i18next';
import type { AgendaItem, Decision, Topic } from '../../../shared/api/index.ts';
import type { Likelihood, Side } from '../../../shared/roles.ts';
import type { Language } from '../../i18n/index.ts';

/** An agenda item's name: its own title, or the translated name of its kind. */
export const agendaName = (item: Pick<AgendaItem, 'kind' | 'title'>, t: TFunction) =>
  item.title.trim() || t(`meeting.agenda.kinds.${item.kind}`);

/**
 * The ideas this meeting brought, for the wrap-up's count: topics from a meeting created since
 * this one started. A topic an earlier month's meeting put in the reserve and this plan pulled
 * back says "meeting" too, but is not new here. The summary counts the same topics, by the
 * meeting's own `meeting.idea_added` events (server/meetings/summarize.ts `ideasOf`).
 */
export const ideasOfThisMeeting = <T extends Pick<Topic, 'source' | 'createdAt'>>(
  topics: readonly T[],
  startedAt: string | null,
): T[] =>
  startedAt === null
    ? []
    : topics.filter((x) => x.source === 'meeting' && Date.parse(x.createdAt) >= Date.parse(startedAt));

export const sideLabel = (side: Side, t: TFunction) => t(`meeting.sides.${side}`);

/** Agency and client read apart at a glance: their own colour everywhere in the room. */
export const sideColor: Record<Side, string> = { agency: 'indigo', client: 'teal' };

export const likelihoodColor: Record<Likelihood, string> = { certain: 'teal', likely: 'blue', maybe: 'gray' };

const intlLocale: Record<Language, string> = { uk: 'uk-UA', en: 'en-GB' };
const clocks = new Map<string, Intl.DateTimeFormat>();

/** "10:42" in the client's time zone. */
export function clockTime(iso: string, language: Language, timeZone: string): string {
  const key = `${language}|${timeZone}`;
  let format = clocks.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale[language], { hour: '2-digit', minute: '2-digit', timeZone });
    clocks.set(key, format);
  }
  return format.format(new Date(iso));
}

/** "12:05" or "−01:30": minutes and seconds left, negative once over time. */
export function countdownText(ms: number): string {
  const over = ms < 0;
  const total = Math.floor(Math.abs(ms) / 1000) + (over ? 0 : ms % 1000 > 0 ? 1 : 0);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${over ? '−' : ''}${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

/** The decision in force per topic: the latest one. */
export function latestDecisions(decisions: readonly Decision[]): Map<string, Decision> {
  const latest = new Map<string, Decision>();
  for (const d of decisions) latest.set(d.topicId, d);
  return latest;
}

/** True while typing, so single-key shortcuts leave text alone. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    target.closest('[role="dialog"],[role="menu"],[role="listbox"],[role="tablist"]') !== null
  );
}
