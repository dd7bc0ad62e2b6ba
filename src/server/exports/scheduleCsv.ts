/**
 * The posting schedule as a spreadsheet-friendly CSV (RFC 4180), one row per slot, in the
 * language's dialect (";" for Ukrainian, "," for English: exports/locale.ts). Dates stay ISO
 * (2026-12-05): Calc and Excel read them as dates in every locale.
 */
import type { Channel, Rubric } from '../../shared/api/clients.ts';
import type { Slot, Topic } from '../../shared/api/planning.ts';
import { exportText, type Language } from './deckText.ts';
import { csvFile } from './locale.ts';

export interface ScheduleCsvInput {
  language: Language;
  slots: Slot[];
  topics: Topic[];
  channels: Channel[];
  rubrics: Rubric[];
}

export function scheduleCsv(input: ScheduleCsvInput): string {
  const t = exportText(input.language);
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
  return csvFile(input.language, t.csvHeaders, rows, t.csvEmpty);
}
