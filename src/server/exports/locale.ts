/**
 * How every document Plit writes (CSV, PDF, email) spells numbers, dates and months in each of
 * its languages. One module, so a CSV, a report and an email never disagree: an English reader
 * gets "12.3" and "5 January 2027", a Ukrainian one "12,3" and "5 січня 2027 р.".
 */
export type DocLanguage = 'uk' | 'en';

const locales: Record<DocLanguage, string> = { uk: 'uk-UA', en: 'en-GB' };

/**
 * What a spreadsheet in that language expects of a CSV. Excel and LibreOffice Calc in a
 * Ukrainian locale read "," as the decimal mark (so columns are split on ";") and "1.6" as
 * 1 June; in English "," splits columns and "." is the decimal mark.
 */
export interface CsvDialect {
  separator: ';' | ',';
  decimal: ',' | '.';
}
export function csvDialect(language: DocLanguage): CsvDialect {
  return language === 'uk' ? { separator: ';', decimal: ',' } : { separator: ',', decimal: '.' };
}

/**
 * A number for a CSV cell: the dialect's decimal mark and no grouping (a spreadsheet would read
 * "1 234,5" as text); null is an empty cell.
 */
export function csvNumber(language: DocLanguage, n: number | null): string {
  if (n === null || !Number.isFinite(n)) return '';
  return String(n).replace('.', csvDialect(language).decimal);
}

/**
 * One field: a leading = + - @ (or tab/CR) would make a spreadsheet run the cell as a formula
 * (OWASP "CSV injection"), so such cells get an apostrophe; then RFC 4180 quoting. Numbers go
 * through csvNumber and are never negative here, so the apostrophe never turns one into text.
 */
export function csvCell(value: string, separator: string = ','): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

// Excel reads a file without a byte-order mark as the system code page and garbles Cyrillic.
const bom = '\uFEFF';

/**
 * A whole CSV in the language's dialect: BOM, CRLF line ends, every row as wide as the header.
 * With no rows the file says so in a row of its own (`empty`, in the first column): a
 * header-only file opens as an empty sheet that looks like a failed export, and a comment line
 * ("# …") is no part of CSV, so Calc and Excel would show it as a cell anyway.
 */
export function csvFile(
  language: DocLanguage,
  header: readonly string[],
  rows: string[][],
  empty: string,
): string {
  const { separator } = csvDialect(language);
  const body = rows.length > 0 ? rows : [[empty, ...header.slice(1).map(() => '')]];
  return `${bom}${[header, ...body].map((r) => r.map((c) => csvCell(c, separator)).join(separator)).join('\r\n')}\r\n`;
}

/** A number for a PDF or an email: "12,3" / "12.3", grouped as the language groups thousands. */
export function formatNumber(language: DocLanguage, n: number | null, digits = 1): string {
  if (n === null || !Number.isFinite(n)) return '—';
  return new Intl.NumberFormat(locales[language], { maximumFractionDigits: digits }).format(n);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const formatterOf = (language: DocLanguage, timeZone: string, options: Intl.DateTimeFormatOptions) => {
  const key = `${language} ${timeZone} ${JSON.stringify(options)}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locales[language], { ...options, timeZone });
    dateFormats.set(key, f);
  }
  return f;
};

/**
 * A day as the language writes it in a sentence: "5 січня 2027 р.", "5 January 2027". A local
 * date (YYYY-MM-DD) is taken as it is; an instant is the day it is in `timeZone`.
 */
export function formatDate(language: DocLanguage, date: string | Date, timeZone = 'UTC'): string {
  const instant = typeof date === 'string' ? new Date(`${date}T00:00:00Z`) : date;
  const zone = typeof date === 'string' ? 'UTC' : timeZone;
  return formatterOf(language, zone, { day: 'numeric', month: 'long', year: 'numeric' }).format(instant);
}

/** An instant with its weekday and time in a zone: "вівторок, 5 січня 2027 р. о 11:00". */
export function formatDateTime(language: DocLanguage, instant: Date, timeZone: string): string {
  return formatterOf(language, timeZone, { dateStyle: 'full', timeStyle: 'short' }).format(instant);
}

/** "Грудень 2026" / "December 2026" for a month "2026-12". */
export function monthName(month: string, language: DocLanguage): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const name = formatterOf(language, 'UTC', { month: 'long' }).format(new Date(Date.UTC(y, m - 1, 1)));
  return `${name.charAt(0).toLocaleUpperCase(language)}${name.slice(1)} ${y}`;
}
