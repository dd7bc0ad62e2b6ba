import { describe, expect, it } from 'vitest';
import { csvCell } from '../../src/server/exports/locale.ts';
import { scheduleCsv } from '../../src/server/exports/scheduleCsv.ts';
import { parseCsv } from '../../src/server/planning/topicCsv.ts';
import { channels, rubrics, slots, topics } from './fixtures/coffeeRoaster.ts';

const input = { language: 'uk' as const, slots, topics, channels, rubrics };

describe('scheduleCsv', () => {
  it('starts with a BOM and has a header and one CRLF row per slot, in date order', () => {
    const csv = scheduleCsv(input);
    expect(csv.startsWith('\uFEFFДата;Час;Мережа;Акаунт;Формат;Рубрика;Тема;Статус теми\r\n')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(slots.length + 1);
    // Excel reads a leading @ as a formula too (#NAME?), so even a plain handle gets the apostrophe.
    expect(lines[1]).toBe(
      "2026-12-01;10:00;Instagram;'@podil.roasters;Карусель;Продукт;Різдвяний бленд 2026: як ми його зібрали;Запропоновано",
    );
    // A free slot keeps its row with empty topic cells.
    expect(lines.find((l) => l.startsWith('2026-12-22'))).toBe(
      "2026-12-22;10:00;Instagram;'@podil.roasters;Пост;;;",
    );
  });

  it('quotes commas, quotes and line breaks so a CSV reader gets the text back', () => {
    const title = 'Кава, «друзі» і "лапки"\nдругий рядок';
    const csv = scheduleCsv({
      ...input,
      language: 'en',
      topics: topics.map((x, i) => (i === 0 ? { ...x, title } : x)),
    });
    expect(csv).toContain('"Кава, «друзі» і ""лапки""\nдругий рядок"');
    const { records } = parseCsv(csv.slice(1), ',');
    expect(records[1]![6]).toBe(title);
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil","click")')).toBe(`"'=HYPERLINK(""http://evil"",""click"")"`);
    expect(csvCell('+380 44 123')).toBe("'+380 44 123");
    expect(csvCell('-20% на зерно')).toBe("'-20% на зерно");
    expect(csvCell('@podil.roasters')).toBe("'@podil.roasters");
    expect(csvCell('Кава = життя')).toBe('Кава = життя');
    const csv = scheduleCsv({
      ...input,
      topics: topics.map((x, i) => (i === 0 ? { ...x, title: '=1+2' } : x)),
    });
    expect(csv).toContain(";'=1+2;");
  });

  it('[18.5] separates cells as the language’s spreadsheets do: ";" in Ukrainian, "," in English', () => {
    expect(scheduleCsv(input).split('\r\n')[0]).toBe(
      '\uFEFFДата;Час;Мережа;Акаунт;Формат;Рубрика;Тема;Статус теми',
    );
    const en = scheduleCsv({ ...input, language: 'en' });
    expect(en.split('\r\n')[0]).toBe('\uFEFFDate,Time,Network,Account,Format,Rubric,Topic,Topic status');
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('a,b', ';')).toBe('a,b');
  });

  it('[18.5] a month with no slots gives a file that says so, as wide as its header', () => {
    for (const [language, separator, note] of [
      ['uk', ';', 'У цьому місяці ще немає слотів'],
      ['en', ',', 'No slots this month yet'],
    ] as const) {
      const csv = scheduleCsv({ ...input, language, slots: [] });
      const { records } = parseCsv(csv.slice(1), separator);
      expect(records.filter((r) => r.some((c) => c !== ''))).toHaveLength(2);
      expect(records[1]).toEqual([note, '', '', '', '', '', '', '']);
    }
  });
});
