import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseTopicCsv } from '../../src/server/planning/topicCsv.ts';

const rubrics = [
  { id: 'r-product', name: 'Продукт' },
  { id: 'r-backstage', name: 'За лаштунками' },
];
const opts = { rubrics, month: '2026-12' };
const utf8 = (text: string, bom = false) =>
  Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(text)]);

describe('parseTopicCsv', () => {
  it('reads UTF-8 with a BOM and semicolons, the way Excel saves “CSV UTF-8”', () => {
    const csv =
      'Назва;Опис;Рубрика;Дата\r\nРіздвяний бленд;Три походження;продукт;05.12.2026\r\nКаппінг у суботу;;За лаштунками;2026-12-12\r\n';
    const result = parseTopicCsv(utf8(csv, true), opts);
    expect(result).toMatchObject({ encoding: 'utf-8', delimiter: ';', errors: [] });
    expect(result.rows).toEqual([
      {
        line: 2,
        title: 'Різдвяний бленд',
        angle: 'Три походження',
        rubricId: 'r-product',
        date: '2026-12-05',
      },
      { line: 3, title: 'Каппінг у суботу', angle: '', rubricId: 'r-backstage', date: '2026-12-12' },
    ]);
  });

  it('decodes windows-1251 bytes from a Ukrainian Excel', () => {
    const csv = 'Тема;Кут;Рубрика\r\nЇжачок і ґудзик: є що розповісти;Чесно про обсмаження;Продукт\r\n';
    const bytes = iconv.encode(csv, 'windows-1251');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const result = parseTopicCsv(bytes, opts);
    expect(result.encoding).toBe('windows-1251');
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      {
        line: 2,
        title: 'Їжачок і ґудзик: є що розповісти',
        angle: 'Чесно про обсмаження',
        rubricId: 'r-product',
        date: null,
      },
    ]);
  });

  it('reads commas and tabs, English headers in any case, and ignores unknown columns', () => {
    const comma = parseTopicCsv(utf8('Owner,TITLE,Angle\nОлена,Decaf myths,Swiss water\n'), opts);
    expect(comma).toMatchObject({ delimiter: ',', errors: [] });
    expect(comma.rows[0]).toMatchObject({ title: 'Decaf myths', angle: 'Swiss water', rubricId: null });
    const tab = parseTopicCsv(utf8('title\trubric\nAeropress, three ways\tПРОДУКТ\n'), opts);
    expect(tab).toMatchObject({ delimiter: '\t', errors: [] });
    expect(tab.rows[0]).toMatchObject({ title: 'Aeropress, three ways', rubricId: 'r-product' });
  });

  it('says once, clearly, when there is no title column', () => {
    const result = parseTopicCsv(utf8('Name;Notes\nA;B\nC;D\n'), opts);
    expect(result.rows).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.message).toMatch(/No title column/);
  });

  it('reports a date outside the month, a bad date, an unknown rubric and an empty title, per line', () => {
    const csv = [
      'title;rubric;date',
      'Good one;;2026-12-31',
      'Too late;;05.01.2027',
      'Not a date;;31.11.2026',
      'Wrong rubric;Новини;',
      ';Продукт;',
      `${'x'.repeat(301)};;`,
    ].join('\n');
    const result = parseTopicCsv(utf8(csv), opts);
    expect(result.rows.map((r) => r.title)).toEqual(['Good one']);
    expect(result.errors).toEqual([
      { line: 3, column: 'date', message: 'Line 3: 2027-01-05 is not in 2026-12' },
      {
        line: 4,
        column: 'date',
        message: 'Line 4: “31.11.2026” is not a date like 2026-12-05 or 05.12.2026',
      },
      { line: 5, column: 'rubric', message: 'Line 5: unknown rubric “Новини”' },
      { line: 6, column: 'title', message: 'Line 6: the title is empty' },
      { line: 7, column: 'title', message: 'Line 7: the title is longer than 300 characters' },
    ]);
  });

  it('keeps quoted delimiters, quotes and line breaks inside a field, and skips empty rows', () => {
    const csv =
      'назва;опис\r\n"Кава; чай";"Перший рядок\r\nдругий, з ""лапками"""\r\n;\r\n\r\nОстання;тема\r\n';
    const result = parseTopicCsv(utf8(csv), opts);
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      {
        line: 2,
        title: 'Кава; чай',
        angle: 'Перший рядок\r\nдругий, з "лапками"',
        rubricId: null,
        date: null,
      },
      { line: 5, title: 'Остання', angle: 'тема', rubricId: null, date: null },
    ]);
  });

  it('reports a quoted field that never closes', () => {
    const result = parseTopicCsv(utf8('title\nOK\n"Broken\nstill open\n'), opts);
    expect(result.rows.map((r) => r.title)).toEqual(['OK']);
    expect(result.errors).toEqual([{ line: 3, message: 'Line 3: a quoted field is never closed' }]);
  });

  it('stops after 1000 topics with an error', () => {
    const csv = ['title', ...Array.from({ length: 1005 }, (_, i) => `Topic ${i + 1}`)].join('\n');
    const result = parseTopicCsv(utf8(csv), opts);
    expect(result.rows).toHaveLength(1000);
    expect(result.errors).toEqual([
      { line: 1002, message: 'Line 1002: more than 1000 topics; split the file.' },
    ]);
  });

  it('turns away UTF-16 text with a hint', () => {
    const result = parseTopicCsv(
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('title\n', 'utf16le')]),
      opts,
    );
    expect(result.rows).toEqual([]);
    expect(result.errors[0]!.message).toMatch(/UTF-16/);
  });
});
