import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportText } from '../../src/server/exports/deckText.ts';
import { csvDialect, formatDate, formatNumber } from '../../src/server/exports/locale.ts';
import { scheduleCsv } from '../../src/server/exports/scheduleCsv.ts';
import { summaryText } from '../../src/server/exports/summaryText.ts';
import { buildFactPack } from '../../src/server/facts/pack.ts';
import type { FileStorage } from '../../src/server/files/storage.ts';
import { insightsCsv } from '../../src/server/insights/exports.ts';
import { renderInsightsReport } from '../../src/server/insights/reportPdf.ts';
import {
  approvalReminderEmail,
  factFollowUpEmail,
  factReminderEmail,
  factRequestEmail,
} from '../../src/server/mail/templates.ts';
import { parseCsv } from '../../src/server/planning/topicCsv.ts';
import type { FactItemFull } from '../../src/shared/api/facts.ts';
import type { InsightMonth, MonthFigures } from '../../src/shared/api/insights.ts';
import { fodsCells, requireSoffice, sofficeConvert } from '../support/soffice.ts';
import { channels, rubrics, slots, topics } from './fixtures/coffeeRoaster.ts';

const figures = (over: Partial<MonthFigures>): MonthFigures => ({
  postsPlanned: 12,
  postsPublished: 11,
  postsApproved: 10,
  approvedFirstRound: 8,
  firstRoundShare: 0.8,
  averageRounds: 1.6,
  revisionRounds: 6,
  situational: 1,
  replacements: 0,
  rewrites: 0,
  covered: 0,
  topics: {
    proposed: 9,
    accepted: 7,
    parked: 1,
    dropped: 1,
    fromClient: 2,
    fromMeeting: 1,
    fromReserve: 1,
    reserveSize: 4,
  },
  factTurnaroundDays: 2.5,
  factItemsOverdue: 0,
  approvalTurnaroundHours: 12.3,
  approvalsOverdue: 0,
  deadlines: { met: 5, missed: 1 },
  meeting: 'held',
  ...over,
});
// Cast, not annotated: a field added to InsightMonth elsewhere does not concern the CSV's numbers.
const month = (m: string, over: Partial<MonthFigures> = {}) =>
  ({
    month: m,
    before: false,
    source: 'plit',
    stage: 'closed',
    cycleId: null,
    figures: figures(over),
  }) as InsightMonth;
const months = [month('2026-10'), month('2026-11', { averageRounds: 1.25, approvalTurnaroundHours: 30.5 })];

/** The CSV columns of these figures: Місяць;До;Джерело; then figureNames (words.ts) in order. */
const averageRoundsAt = 8; // 3 leading columns + index 5 in figureNames
const turnaroundAt = 3 + 17;
const hoursAt = 3 + 19;

const soffice = requireSoffice();

/**
 * The insights CSV opened by LibreOffice Calc as a Ukrainian (uk-UA, language 1058) or English
 * (en-GB, 2057) user's Calc opens it, with "detect special numbers" on as Excel always does;
 * saved as flat ODS, each cell's type and value is what Calc made of the text.
 */
describe.skipIf(!soffice)('[18.5] the insights CSV in LibreOffice Calc', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plit-calc-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  /** Each file as Calc in `language` opens it; all of one language in one LibreOffice run. */
  const open = (language: number, separator: ';' | ',', files: Record<string, string>) => {
    const paths = Object.entries(files).map(([name, csv]) => {
      writeFileSync(path.join(dir, `${name}.csv`), csv);
      return path.join(dir, `${name}.csv`);
    });
    // CSV filter options: separator, quote ("), UTF-8 (76), from row 1, standard columns,
    // language, quoted fields not as text, detect special numbers (dates and the like).
    const infilter = `CSV:${separator.charCodeAt(0)},34,76,1,,${language},false,true`;
    const sheets = sofficeConvert(soffice!, paths, 'fods', { infilter }).map(fodsCells);
    return Object.fromEntries(Object.keys(files).map((name, i) => [name, sheets[i]!]));
  };
  // Ukrainian Calc gets today's file and, to prove the reader is in a Ukrainian locale at all,
  // the old dialect (";" between cells but "." decimals) that it is known to misread.
  let uk: Record<string, ReturnType<typeof fodsCells>> = {};
  beforeAll(() => {
    uk = open(1058, ';', {
      uk: insightsCsv(months, 'uk'),
      old: '\uFEFFМісяць;Кіл правок;Годин\r\n2026-10;1.6;12.35\r\n',
      schedule: scheduleCsv({ language: 'uk', slots, topics, channels, rubrics }),
      empty: scheduleCsv({ language: 'uk', slots: [], topics, channels, rubrics }),
    });
  }, 120_000);

  it('[18.5] Ukrainian Calc reads the Ukrainian CSV’s averages as numbers, 1,6 as 1.6', () => {
    const rows = uk.uk!;
    expect(rows[0]![0]).toEqual({ type: 'string', value: 'Місяць' });
    expect(rows[1]![averageRoundsAt]).toEqual({ type: 'float', value: '1.6' });
    expect(rows[2]![averageRoundsAt]).toEqual({ type: 'float', value: '1.25' });
    expect(rows[1]![turnaroundAt]).toEqual({ type: 'float', value: '2.5' });
    expect(rows[2]![hoursAt]).toEqual({ type: 'float', value: '30.5' });
    // Every figure of both months is a number: none became a date or text.
    for (const row of rows.slice(1)) {
      const types = new Set(row.slice(3).map((c) => c.type));
      expect([...types]).toEqual(['float']);
    }
  }, 60_000);

  it('[18.5] the reader is honest: the same Calc turns a "." decimal into a date or text', () => {
    const rows = uk.old!;
    expect(rows[1]![1]).toEqual({ type: 'date', value: '2026-06-01' });
    expect(rows[1]![2]!.type).toBe('string');
  }, 60_000);

  it('[18.5] Ukrainian Calc reads the schedule CSV’s dates and times as such, and an empty month’s note', () => {
    const [header, first] = uk.schedule!;
    expect(header!.map((c) => c.value)).toEqual([...exportText('uk').csvHeaders]);
    expect(first!.slice(0, 3)).toEqual([
      { type: 'date', value: '2026-12-01' },
      { type: 'time', value: 'PT10H00M00S' },
      { type: 'string', value: 'Instagram' },
    ]);
    expect(uk.schedule).toHaveLength(slots.length + 1);
    expect(uk.empty).toEqual([header, [{ type: 'string', value: 'У цьому місяці ще немає слотів' }]]);
  });

  it('[18.5] English Calc reads the English CSV’s averages as numbers', () => {
    const rows = open(2057, ',', { en: insightsCsv(months, 'en') }).en!;
    expect(rows[0]![0]).toEqual({ type: 'string', value: 'Month' });
    expect(rows[1]![averageRoundsAt]).toEqual({ type: 'float', value: '1.6' });
    expect(rows[2]![hoursAt]).toEqual({ type: 'float', value: '30.5' });
    for (const row of rows.slice(1))
      expect(new Set(row.slice(3).map((c) => c.type))).toEqual(new Set(['float']));
  }, 60_000);
});

describe('[18.5] CSVs in each language’s dialect', () => {
  it('[18.5] the Ukrainian insights CSV has ";" between cells and "," decimals; the English "," and "."', () => {
    const rows = (language: 'uk' | 'en') =>
      parseCsv(insightsCsv(months, language).slice(1), csvDialect(language).separator).records;
    expect(insightsCsv(months, 'uk').split('\r\n')[1]!.split(';')[averageRoundsAt]).toBe('1,6');
    const [ukHeader, ukRow] = rows('uk');
    expect(ukHeader![averageRoundsAt]).toBe('Кіл правок на пост, у середньому');
    expect(ukRow![averageRoundsAt]).toBe('1,6');
    expect(ukRow![hoursAt]).toBe('12,3');
    expect(insightsCsv(months, 'en').split('\r\n')[1]!.split(',')[averageRoundsAt]).toBe('1.6');
    const [enHeader, enRow] = rows('en');
    expect(enHeader![averageRoundsAt]).toBe('Average rounds per post');
    expect(enRow![averageRoundsAt]).toBe('1.6');
    expect(enRow![hoursAt]).toBe('12.3');
  });
});

describe('[18.5] documents write numbers and dates the language’s way', () => {
  it('[18.5] one module: dialects, numbers and dates per language', () => {
    expect(csvDialect('uk')).toEqual({ separator: ';', decimal: ',' });
    expect(csvDialect('en')).toEqual({ separator: ',', decimal: '.' });
    expect(formatNumber('uk', 12.3)).toBe('12,3');
    expect(formatNumber('en', 12.3)).toBe('12.3');
    expect(formatNumber('en', 1234.56, 2)).toBe('1,234.56');
    expect(formatDate('uk', '2027-01-05')).toBe('5 січня 2027 р.');
    expect(formatDate('en', '2027-01-05')).toBe('5 January 2027');
    // An instant is the day it is in the zone: 23:30 UTC on 4 January is already the 5th in Kyiv.
    expect(formatDate('en', new Date('2027-01-04T23:30:00Z'), 'Europe/Kyiv')).toBe('5 January 2027');
  });

  it('[18.5] the insights PDF prints 12.3 in English and 12,3 in Ukrainian', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plit-report-'));
    try {
      const text = async (language: 'uk' | 'en') => {
        const pdf = await renderInsightsReport({
          clientName: 'Kyiv Coffee',
          month: '2026-11',
          months,
          language,
          current: '2026-12',
        });
        const file = path.join(dir, `${language}.pdf`);
        writeFileSync(file, pdf);
        return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      };
      const en = await text('en');
      expect(en).toMatch(/Average rounds per post\s+1\.25\s/);
      expect(en).toMatch(/Approval turnaround, median hours\s+30\.5\s/);
      expect(en).not.toMatch(/\d,\d/);
      const uk = await text('uk');
      expect(uk).toMatch(/Кіл правок на пост, у середньому\s+1,25\s/);
      expect(uk).toMatch(/Погодження: медіана годин\s+30,5\s/);
      expect(uk).not.toMatch(/\d\.\d/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('[18.6] the report calls the running month “in progress” and a later one “ahead”', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plit-report-'));
    try {
      const running = [
        ...months,
        { ...month('2026-12'), partial: true },
        { ...month('2027-01'), partial: true },
      ];
      const text = async (language: 'uk' | 'en', which: string) => {
        const pdf = await renderInsightsReport({
          clientName: 'Kyiv Coffee',
          month: which,
          months: running,
          language,
          current: '2026-12',
        });
        const file = path.join(dir, `${language}-${which}.pdf`);
        writeFileSync(file, pdf);
        return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      };
      expect(await text('en', '2026-12')).toContain('in progress');
      expect(await text('en', '2027-01')).toContain('The month has not begun yet');
      expect(await text('uk', '2026-12')).toContain('поточний місяць, неповний');
      const ahead = await text('uk', '2027-01');
      expect(ahead).toContain('місяць ще попереду');
      expect(ahead).not.toContain('поточний місяць');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('[18.5] each half of an email writes dates and months in its own language', () => {
    const base = { link: 'http://plit.test/x', clientName: 'Kyiv Coffee', agencyName: 'Podil SMM' };
    const months = { monthUk: 'Січень 2027', monthEn: 'January 2027' };
    const emails = [
      factRequestEmail({ ...base, ...months, items: 3, due: '2027-01-05' }),
      factReminderEmail({ ...base, ...months, items: 3, dueOn: '2027-01-05', offsetDays: -2 }),
      factFollowUpEmail({
        ...base,
        monthEn: 'January 2027',
        question: 'Ціна?',
        followUp: 'У гривнях?',
        due: '2027-01-05',
      }),
      approvalReminderEmail({
        ...base,
        ...months,
        month: '2027-01',
        dueOn: '2027-01-05',
        count: 2,
        stage: 'before',
        reader: 'approver',
      }),
    ];
    for (const email of emails) {
      const [uk, en] = email.text.split('\n---\n');
      expect(uk).toContain('5 січня 2027 р.');
      expect(en).toContain('5 January 2027');
      // No numeric or foreign date in either half: each reader reads the day in their own words.
      for (const half of [uk!, en!]) expect(half).not.toMatch(/05\.01\.2027|2027-01-05|5 Jan 2027\b/);
      expect(en).not.toContain('січня');
      expect(uk).not.toContain('January');
      const [ukHtml, enHtml] = email.html.split('<hr>');
      expect(ukHtml).toContain('5 січня 2027 р.');
      expect(enHtml).toContain('5 January 2027');
    }
    // The meeting summary's "when it ran" line, in both halves of its email and in its PDF.
    const from = { date: '2027-01-05', time: '11:04' };
    const to = { date: '2027-01-05', time: '12:31' };
    expect(summaryText('en').happened(from, to, 'Europe/Kyiv', 'online')).toBe(
      'Meeting held 5 January 2027, 11:04–12:31 (Europe/Kyiv) · online',
    );
    expect(summaryText('uk').happened(from, to, 'Europe/Kyiv', 'online')).toBe(
      'Зустріч відбулася 5 січня 2027 р., 11:04–12:31 (Europe/Kyiv) · онлайн',
    );
  });

  it('[18.5] the fact pack dates an answer by the client’s day, not UTC’s', async () => {
    // 00:30 on 5 December in Kyiv is 22:30 UTC on the 4th.
    const item = {
      question: 'Дата відкриття',
      required: true,
      answer: { kind: 'text', text: 'У суботу' },
      status: 'answered',
      answeredBy: { name: 'Олена' },
      answeredAt: '2026-12-04T22:30:00.000Z',
      messages: [],
      files: [],
    } as unknown as FactItemFull;
    const answers = async (language: 'uk' | 'en') => {
      const pack = await buildFactPack(
        {} as FileStorage,
        { client: 'Kyiv Coffee', month: '2026-12', topic: 'Відкриття', timezone: 'Europe/Kyiv' },
        [item],
        () => '',
        language,
      );
      const zip = await JSZip.loadAsync(await buffer(pack.stream.pipe(new PassThrough())));
      return zip.file('answers.txt')!.async('string');
    };
    expect(await answers('uk')).toContain('5 грудня 2026');
    expect(await answers('en')).toContain('5 December 2026');
  });

  it('[18.5] an insights CSV with no months says so instead of being blank', () => {
    for (const [language, note] of [
      ['uk', 'За ці місяці даних немає'],
      ['en', 'No data for these months'],
    ] as const) {
      const { records } = parseCsv(insightsCsv([], language).slice(1), csvDialect(language).separator);
      const [header, only, ...rest] = records.filter((r) => r.some((c) => c !== ''));
      expect(rest).toEqual([]);
      expect(only![0]).toBe(note);
      expect(only).toHaveLength(header!.length);
    }
  });
});
