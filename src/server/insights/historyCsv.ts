import { decode, isBlank, normalise, parseCsv } from '../planning/topicCsv.ts';

/**
 * Past months from the agency's spreadsheet, one row a month: what it kept about posts and
 * revisions. Headers in English or Ukrainian; a comma, semicolon or tab between cells; UTF-8 or
 * Windows Cyrillic. All or nothing: any bad row is reported and nothing is imported.
 */
export interface HistoryRow {
  line: number;
  month: string;
  postsPlanned: number;
  postsPublished: number;
  postsApproved: number;
  approvedFirstRound: number;
  revisionRounds: number;
  situational: number;
  replacements: number;
  rewrites: number;
}
export interface HistoryError {
  line: number;
  column?: string;
  message: string;
}

const columns = {
  month: ['month', 'місяць'],
  postsPlanned: ['planned', 'posts planned', 'заплановано', 'запланованих постів'],
  postsPublished: ['published', 'posts published', 'опубліковано', 'опублікованих постів'],
  postsApproved: ['approved', 'posts approved', 'погоджено', 'погоджених постів'],
  approvedFirstRound: [
    'first round',
    'approved first round',
    'з першого разу',
    'погоджено з першого разу',
    'з першого кола',
    'погоджено з першого кола',
  ],
  revisionRounds: ['revision rounds', 'revisions', 'раунди правок', 'кола правок', 'правки'],
  situational: ['situational', 'ситуативи', 'ситуативні пости'],
  replacements: ['replacements', 'заміни', 'заміни постів'],
  rewrites: ['rewrites', 'same-day rewrites', 'переписування'],
} as const;
type Column = keyof typeof columns;
const required: Column[] = [
  'month',
  'postsPlanned',
  'postsPublished',
  'postsApproved',
  'approvedFirstRound',
  'revisionRounds',
];
const MAX_ROWS = 120;

/** YYYY-MM, MM.YYYY or MM/YYYY → YYYY-MM, or null. */
function parseMonth(value: string): string | null {
  const v = value.trim();
  const iso = /^(\d{4})-(\d{1,2})$/.exec(v);
  const local = /^(\d{1,2})[./](\d{4})$/.exec(v);
  const [year, month] = iso ? [iso[1]!, iso[2]!] : local ? [local[2]!, local[1]!] : [null, null];
  if (!year || !month || Number(month) < 1 || Number(month) > 12) return null;
  return `${year}-${month.padStart(2, '0')}`;
}

export function parseHistoryCsv(bytes: Buffer, opts: { plitMonths: Set<string> }) {
  const rows: HistoryRow[] = [];
  const errors: HistoryError[] = [];
  const { text } = decode(bytes);
  const header = text.split(/\r\n|\n|\r/).find((l) => l.trim()) ?? '';
  const delimiter = ([',', ';', '\t'] as const).reduce((best, d) =>
    header.split(d).length > header.split(best).length ? d : best,
  );
  const { records, unclosedAt } = parseCsv(text, delimiter);
  if (unclosedAt !== null) errors.push({ line: unclosedAt, message: 'A quoted cell is not closed.' });
  const headerAt = records.findIndex((r) => !isBlank(r));
  if (headerAt < 0) return { rows, errors: [{ line: 1, message: 'The file is empty.' }] };
  const where: Partial<Record<Column, number>> = {};
  records[headerAt]!.forEach((cell, i) => {
    const name = normalise(cell);
    for (const column of Object.keys(columns) as Column[]) {
      if (where[column] === undefined && (columns[column] as readonly string[]).includes(name))
        where[column] = i;
    }
  });
  const missing = required.filter((c) => where[c] === undefined);
  if (missing.length > 0) {
    const names = missing.map((c) => columns[c][0]).join(', ');
    return { rows, errors: [{ line: headerAt + 1, message: `Missing columns: ${names}.` }] };
  }
  const seen = new Set<string>();
  for (let i = headerAt + 1; i < records.length; i++) {
    const record = records[i]!;
    if (isBlank(record)) continue;
    const line = i + 1;
    if (rows.length >= MAX_ROWS) {
      errors.push({ line, message: `At most ${MAX_ROWS} months at once.` });
      break;
    }
    const cell = (c: Column) => (where[c] === undefined ? '' : (record[where[c]!] ?? '').trim());
    const month = parseMonth(cell('month'));
    const bad = (column: Column, message: string) =>
      errors.push({ line, column: columns[column][0], message });
    if (!month) {
      bad('month', 'Use a month like 2025-09 or 09.2025.');
      continue;
    }
    if (seen.has(month)) bad('month', `${month} is in the file twice.`);
    if (opts.plitMonths.has(month))
      bad('month', `${month} was planned in Plit already; its figures come from there.`);
    seen.add(month);
    const numbers = {} as Record<Exclude<Column, 'month'>, number>;
    for (const column of Object.keys(columns) as Column[]) {
      if (column === 'month') continue;
      const raw = cell(column);
      const n = raw === '' && !required.includes(column) ? 0 : Number(raw);
      const valid = Number.isInteger(n) && n >= 0 && n <= 10_000;
      if (!valid) bad(column, 'Use a whole number, 0 or more.');
      // The preview still shows the row; the error says what to fix (nothing is imported).
      numbers[column] = valid ? n : 0;
    }
    if (numbers.approvedFirstRound > numbers.postsApproved)
      bad('approvedFirstRound', 'More approved in round 1 than approved.');
    rows.push({ line, month, ...numbers });
  }
  if (rows.length === 0 && errors.length === 0)
    errors.push({ line: headerAt + 2, message: 'The file has no months.' });
  return { rows, errors };
}
