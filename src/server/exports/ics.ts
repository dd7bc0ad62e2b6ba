/** The posting schedule as an iCalendar feed (RFC 5545), so the team sees slots in its calendar app. */
import type { Channel } from '../../shared/api/clients.ts';
import type { Slot, Topic } from '../../shared/api/planning.ts';
import { exportText, type Language } from './deckText.ts';

export interface ScheduleIcsInput {
  clientName: string;
  timezone: string;
  slots: Slot[];
  topics: Topic[];
  channels: Channel[];
  calendarName: string;
  /** Summaries in this language; English by default. */
  language?: Language;
  /** When the file is made (DTSTAMP); now by default, fixed in tests. */
  now?: Date;
}

export function scheduleIcs(input: ScheduleIcsInput): string {
  const t = exportText(input.language ?? 'en');
  const topics = new Map(input.topics.map((x) => [x.id, x]));
  const channels = new Map(input.channels.map((c) => [c.id, c]));
  const stamp = utc(input.now ?? new Date());
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Plit//Content plan//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(input.calendarName)}`,
    `X-WR-TIMEZONE:${input.timezone}`,
  ];
  for (const slot of input.slots) {
    const topic = slot.topicId ? topics.get(slot.topicId) : undefined;
    const channel = channels.get(slot.channelId);
    const summary = [
      channel ? t.networks[channel.network] : '',
      t.formats[slot.format].toLocaleLowerCase(),
      topic?.title ?? t.freeSlotSummary,
    ].filter(Boolean);
    const description = [input.clientName, channel?.handle, topic?.angle].filter(Boolean).join('\n\n');
    lines.push(
      'BEGIN:VEVENT',
      // The slot id keeps the UID stable, so re-importing the feed updates events instead of doubling them.
      `UID:slot-${slot.id}@plit`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${utc(new Date(slot.startsAt))}`,
      'DURATION:PT30M',
      `SUMMARY:${escapeText(summary.join(' · '))}`,
      `DESCRIPTION:${escapeText(description)}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** 20261205T080000Z */
function utc(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** RFC 5545 §3.3.11 TEXT: backslash first, then ; , and newlines. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * RFC 5545 §3.2 param-value, e.g. a person's name as `CN`: always a quoted-string, so `:` `;`
 * and `,` in a name stay inside it (backslash escapes are for TEXT values, not parameters, and a
 * reader ends the parameter at the first `:` or `;`). A quoted-string cannot hold DQUOTE or
 * control characters, and has no escape for them: they are removed.
 */
export function paramValue(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return `"${value.replace(/["\u0000-\u001f\u007f]/g, '')}"`;
}

/**
 * RFC 5545 §3.1: lines longer than 75 octets continue on the next line after CRLF and a space.
 * Counting UTF-8 octets per code point means a Cyrillic letter or emoji is never cut in half.
 */
export function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    // Continuation lines start with a space, which counts toward their 75.
    const limit = parts.length ? 74 : 75;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
