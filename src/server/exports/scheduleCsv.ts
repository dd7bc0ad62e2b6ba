/** The posting schedule as a spreadsheet-friendly CSV (RFC 4180), one row per slot. */
import type { Channel, Rubric } from '../../shared/api/clients.ts';
import type { Slot, Topic } from '../../shared/api/planning.ts';
import { exportText, type Language } from './deckText.ts';

export interface ScheduleCsvInput {
  language: Language;
  slots: Slot[];
  topics: Topic[];
  channels: Channel[];
  rubrics: Rubric[];
  /** Excel in a Ukrainian locale splits columns on ";", elsewhere on ","; the caller knows its audience. */
  delimiter?: ',' | ';';
}

// Excel reads a file without a byte-order mark as the system code page and garbles Cyrillic.
const bom = '\uFEFF';

export function scheduleCsv(input: ScheduleCsvInput): string {
  const t = exportText(input.language);
  const delimiter = input.delimiter ?? ',';
  const topics = new Map(input.topics.map((x) => [x.id, x]));
  const channels = new Map(input.channels.map((c) => [c.id, c]));
  const rubrics = new Map(input.rubrics.map((r) => [r.id, r]));
  const rows = [...input.slots]
    .sort((a, b) => (a.date + a.time).localeCompare(b.date + b.time))
    .map((slot) => {
      const topic = slot.topicId ? topics.get(slot.topicId) : undefined;
      const channel = channels.get(slot.channelId);
      const rubric = rubrics.get(slot.rubricId ?? topic?.rubricId ?? '');
      return [
        slot.date,
        slot.time,
        channel ? t.networks[channel.network] : '',
        channel?.handle ?? '',
        t.formats[slot.format],
        rubric?.name ?? '',
        topic?.title ?? '',
        topic ? t.statuses[topic.status] : '',
      ];
    });
  return (
    bom +
    [t.csvHeaders, ...rows].map((r) => r.map((c) => csvCell(c, delimiter)).join(delimiter)).join('\r\n') +
    '\r\n'
  );
}

/**
 * One field: a leading = + - @ (or tab/CR) would make a spreadsheet run the cell as a formula
 * (OWASP "CSV injection"), so such cells get an apostrophe; then RFC 4180 quoting.
 */
export function csvCell(value: string, delimiter: string = ','): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return safe.includes(delimiter) || /["\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
