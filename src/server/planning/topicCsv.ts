/**
 * Topics from a spreadsheet: the agency keeps its idea list in Excel or Google Sheets and
 * imports it as CSV. Ukrainian Excel saves ";"-separated windows-1251 files, Google Sheets
 * ","-separated UTF-8; both must just work.
 */
import iconv from 'iconv-lite';
import { unstorableTextMessage } from '../../shared/api/common.ts';

type Delimiter = ',' | ';' | '\t';

export interface TopicCsvRow {
  line: number;
  title: string;
  angle: string;
  rubricId: string | null;
  date: string | null;
}

export interface TopicCsvError {
  line: number;
  column?: string;
  message: string;
}

export interface TopicCsvResult {
  encoding: 'utf-8' | 'windows-1251';
  delimiter: Delimiter;
  /** The rows that can be imported; a row with an error is left out and reported instead. */
  rows: TopicCsvRow[];
  errors: TopicCsvError[];
}

const maxRows = 1000;
const maxTitle = 300;
const columns = {
  title: ['title', 'topic', 'назва', 'тема', 'заголовок'],
  angle: ['angle', 'description', 'кут', 'ракурс', 'опис'],
  rubric: ['rubric', 'рубрика'],
  date: ['date', 'дата'],
} as const;
type Column = keyof typeof columns;

export function parseTopicCsv(
  bytes: Buffer,
  opts: { rubrics: Array<{ id: string; name: string }>; month: string },
): TopicCsvResult {
  // Excel's "Unicode text" is UTF-16; say so instead of importing mojibake.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const message = 'The file is UTF-16 text; save it as “CSV UTF-8” and try again.';
    return { encoding: 'utf-8', delimiter: ',', rows: [], errors: [{ line: 1, message }] };
  }
  const { text, encoding } = decode(bytes);
  // PostgreSQL text cannot hold a NUL byte: name the line rather than fail on insert.
  const nulAt = text.indexOf('\u0000');
  if (nulAt >= 0) {
    const line = text.slice(0, nulAt).split(/\r\n|\n|\r/).length;
    const message = `Line ${line}: ${unstorableTextMessage} Save the file as “CSV UTF-8” and try again.`;
    return { encoding, delimiter: ',', rows: [], errors: [{ line, message }] };
  }
  const delimiter = detectDelimiter(text);
  const result: TopicCsvResult = { encoding, delimiter, rows: [], errors: [] };
  const { records, unclosedAt } = parseCsv(text, delimiter);
  const headerAt = records.findIndex((r) => !isBlank(r));
  if (headerAt < 0) {
    result.errors.push({ line: 1, message: 'The file is empty.' });
    return result;
  }
  const where = headerIndexes(records[headerAt]!);
  if (where.title === undefined) {
    result.errors.push({
      line: headerAt + 1,
      message: 'No title column: the first row must name the columns, e.g. “title” or “назва”.',
    });
    return result;
  }
  const rubrics = new Map(opts.rubrics.map((r) => [normalise(r.name), r.id]));
  let count = 0;
  for (let i = headerAt + 1; i < records.length; i++) {
    const record = records[i]!;
    // A never-closed quote swallows the rest of the file: report it (below) rather than import it.
    if (isBlank(record) || i + 1 === unclosedAt) continue;
    // Line numbers are spreadsheet rows (records), so a quoted line break doesn't shift them.
    const line = i + 1;
    if (++count > maxRows) {
      result.errors.push({ line, message: `Line ${line}: more than ${maxRows} topics; split the file.` });
      break;
    }
    const cell = (c: Column) => (where[c] === undefined ? '' : (record[where[c]!] ?? '').trim());
    const errors: TopicCsvError[] = [];
    const title = cell('title');
    if (!title) errors.push({ line, column: 'title', message: `Line ${line}: the title is empty` });
    else if (title.length > maxTitle)
      errors.push({
        line,
        column: 'title',
        message: `Line ${line}: the title is longer than ${maxTitle} characters`,
      });
    let rubricId: string | null = null;
    if (cell('rubric')) {
      rubricId = rubrics.get(normalise(cell('rubric'))) ?? null;
      if (!rubricId)
        errors.push({ line, column: 'rubric', message: `Line ${line}: unknown rubric “${cell('rubric')}”` });
    }
    const date = cell('date') ? parseDate(cell('date')) : null;
    if (cell('date') && !date)
      errors.push({
        line,
        column: 'date',
        message: `Line ${line}: “${cell('date')}” is not a date like 2026-12-05 or 05.12.2026`,
      });
    else if (date && !date.startsWith(opts.month))
      errors.push({ line, column: 'date', message: `Line ${line}: ${date} is not in ${opts.month}` });
    if (errors.length) result.errors.push(...errors);
    else result.rows.push({ line, title, angle: cell('angle'), rubricId, date });
  }
  if (unclosedAt !== null)
    result.errors.push({ line: unclosedAt, message: `Line ${unclosedAt}: a quoted field is never closed` });
  return result;
}

/** UTF-8 when the bytes are valid UTF-8 (with or without a BOM), else windows-1251. */
export function decode(bytes: Buffer): { text: string; encoding: TopicCsvResult['encoding'] } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); // drops a BOM itself
    return { text, encoding: 'utf-8' };
  } catch {
    // Invalid UTF-8 from a Ukrainian spreadsheet is almost always the Windows Cyrillic code page.
    return { text: iconv.decode(bytes, 'windows-1251'), encoding: 'windows-1251' };
  }
}

/** The delimiter under which the header row names the most known columns (then: splits most). */
export function detectDelimiter(text: string): Delimiter {
  const header = text.split(/\r\n|\n|\r/).find((l) => l.trim()) ?? '';
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const d of [',', ';', '\t'] as const) {
    const cells = parseCsv(header, d).records[0] ?? [];
    const score = Object.keys(headerIndexes(cells)).length * 1000 + cells.length;
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

function headerIndexes(cells: string[]): Partial<Record<Column, number>> {
  const found: Partial<Record<Column, number>> = {};
  cells.forEach((raw, i) => {
    const name = normalise(raw).replace(/[*:]+$/, '');
    for (const column of Object.keys(columns) as Column[]) {
      if (found[column] === undefined && (columns[column] as readonly string[]).includes(name))
        found[column] = i;
    }
  });
  return found;
}

/**
 * RFC 4180 records: quoted fields may hold the delimiter, "" for a quote, and line breaks.
 * A stray quote inside an unquoted field is kept as text, as spreadsheets do.
 */
export function parseCsv(
  text: string,
  delimiter: string,
): { records: string[][]; unclosedAt: number | null } {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  let openedAt = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
      openedAt = records.length + 1;
    } else if (ch === delimiter) {
      record.push(field);
      field = '';
      fieldStarted = false;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      fieldStarted = false;
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (fieldStarted || record.length) {
    record.push(field);
    records.push(record);
  }
  return { records, unclosedAt: quoted ? openedAt : null };
}

/** YYYY-MM-DD or DD.MM.YYYY (Ukrainian spreadsheets) → YYYY-MM-DD, or null when not a real date. */
function parseDate(value: string): string | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dotted ? [dotted[3], dotted[2], dotted[1]] : [];
  if (!y || !m || !d) return null;
  const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date) ? date : null;
}

export function normalise(value: string): string {
  return value
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLocaleLowerCase('uk');
}

export function isBlank(record: string[]): boolean {
  return record.every((c) => !c.trim());
}
