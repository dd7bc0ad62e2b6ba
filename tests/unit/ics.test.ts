import { describe, expect, it } from 'vitest';
import { escapeText, fold, paramValue, scheduleIcs } from '../../src/server/exports/ics.ts';
import { channels, slots, topics } from './fixtures/coffeeRoaster.ts';

const input = {
  clientName: 'Подільська обсмажка',
  timezone: 'Europe/Kyiv',
  slots,
  topics,
  channels,
  calendarName: 'Подільська обсмажка · Грудень 2026',
  now: new Date('2026-11-20T10:00:00Z'),
};

/** Undo folding: a CRLF followed by one space joins the lines. */
const unfold = (ics: string) => ics.replace(/\r\n /g, '');

describe('scheduleIcs', () => {
  it('is a VCALENDAR with one VEVENT per slot, in UTC, 30 minutes each', () => {
    const ics = scheduleIcs(input);
    const lines = unfold(ics).split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('X-WR-CALNAME:Подільська обсмажка · Грудень 2026');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(slots.length);
    expect(ics.match(/DURATION:PT30M/g)).toHaveLength(slots.length);
    // 1 December 10:00 in Kyiv (UTC+2) is 08:00 UTC.
    const first = unfold(ics).split('BEGIN:VEVENT')[1]!;
    expect(first).toContain(`UID:slot-${slots[0]!.id}@plit\r\n`);
    expect(first).toContain('DTSTAMP:20261120T100000Z\r\n');
    expect(first).toContain('DTSTART:20261201T080000Z\r\n');
    expect(first).toContain('SUMMARY:Instagram · carousel · Різдвяний бленд 2026: як ми його зібрали\r\n');
    expect(first).toContain(
      'DESCRIPTION:Подільська обсмажка\\n\\n@podil.roasters\\n\\nТри походження в одній пачці:',
    );
    expect(unfold(ics)).toContain('SUMMARY:Instagram · post · Free slot\r\n');
    expect(scheduleIcs({ ...input, now: new Date() })).toContain(`UID:slot-${slots[0]!.id}@plit`);
  });

  it('ends every line with CRLF and never a bare LF', () => {
    const ics = scheduleIcs(input);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('escapes backslashes, semicolons, commas and newlines in text', () => {
    expect(escapeText('a\\b; c, d\ne\r\nf')).toBe('a\\\\b\\; c\\, d\\ne\\nf');
    const ics = scheduleIcs({
      ...input,
      topics: topics.map((x, i) =>
        i === 0 ? { ...x, title: 'Кава; чай, какао', angle: 'Рядок 1\nРядок 2' } : x,
      ),
    });
    expect(unfold(ics)).toContain('SUMMARY:Instagram · carousel · Кава\\; чай\\, какао\r\n');
    expect(unfold(ics)).toContain('\\n\\nРядок 1\\nРядок 2\r\n');
  });

  it('folds long lines at 75 octets without splitting a Cyrillic letter', () => {
    const line = `SUMMARY:${'Наш генератор і блекаути: як ми смажимо без світла 🔥 '.repeat(4)}`;
    const folded = fold(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    parts.forEach((p, i) => {
      expect(Buffer.byteLength(p)).toBeLessThanOrEqual(75);
      if (i > 0) expect(p.startsWith(' ')).toBe(true);
      // A cut through a multi-byte character would decode with U+FFFD.
      expect(Buffer.from(p).toString('utf8')).not.toContain('\uFFFD');
    });
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    for (const l of scheduleIcs(input).split('\r\n')) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
  });

  it('[18.7] writes a parameter value as a quoted-string, without DQUOTE or control characters', () => {
    // RFC 5545 §3.2: a quoted-string has no escapes; `:` `;` `,` stay, the rest cannot be said.
    expect(paramValue('Olena: "Marketing"; Lead, Kyiv')).toBe('"Olena: Marketing; Lead, Kyiv"');
    expect(paramValue('Ігор\r\nBCC:x\u0007\u007f\\')).toBe('"ІгорBCC:x\\"');
  });
});
