import { Readable } from 'node:stream';
import JSZip from 'jszip';
import type { FactAnswer, FactItemFull } from '../../shared/api/facts.ts';
import { formatDate } from '../exports/locale.ts';
import { sanitizeFileName } from '../files/fileName.ts';
import type { FileStorage } from '../files/storage.ts';
import { type PackLanguage, packWords } from './packWords.ts';

type Words = (typeof packWords)[PackLanguage];

function answerText(answer: FactAnswer | null, w: Words): string {
  if (!answer) return '—';
  switch (answer.kind) {
    case 'text':
      return answer.text;
    case 'link':
      return answer.url;
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(answer.date) ? formatDate(w.language, answer.date) : answer.date;
    case 'choice':
      return answer.choice;
    case 'files':
      return answer.note ? `${w.files}; ${w.note}: ${answer.note}` : w.files;
    case 'not_available':
      return `${w.notAvailable}: ${answer.reason}`;
  }
}

/**
 * A file's bytes, fetched only when the ZIP comes to it: a pack of many files then holds one
 * open download from storage at a time, not one per file (an S3 client has a pool of 50).
 */
function openWhenRead(storage: FileStorage, key: string): Readable {
  return Readable.from(
    (async function* () {
      yield* await storage.get(key);
    })(),
  );
}

/** The folder for item n: its number and the start of its question, safe on every disk. */
const folderOf = (n: number, question: string) =>
  sanitizeFileName(`${String(n).padStart(2, '0')} ${question.slice(0, 60)}`).replace(/\.+$/, '');

/**
 * The writer's fact pack for one topic: a text file with every question, answer, who gave it
 * and the thread, and each item's files in a folder of its own. Files stream from storage into
 * the ZIP (stored, not recompressed: photos and videos are compressed already). A file whose
 * bytes are missing from storage is named in answers.txt, and its key returned in `missing`.
 */
export async function buildFactPack(
  storage: FileStorage,
  heading: { client: string; month: string; topic: string; timezone: string },
  items: FactItemFull[],
  storageKeyOf: (fileId: string) => string,
  language: PackLanguage,
) {
  const w = packWords[language];
  const zip = new JSZip();
  const missing: string[] = [];
  const lines = [`${heading.client} · ${heading.month}`, heading.topic, ''];
  let n = 0;
  for (const item of items) {
    n += 1;
    lines.push(
      `${n}. ${item.question}${item.required ? '' : w.optional}`,
      `   ${w.answer}: ${answerText(item.answer, w)}`,
      `   ${w.state}: ${w.status[item.status]}${item.answeredBy ? w.by(item.answeredBy.name, item.answeredAt ? formatDate(language, new Date(item.answeredAt), heading.timezone) : '') : ''}`,
    );
    for (const m of item.messages) {
      lines.push(`   ${m.side === 'agency' ? w.agency : w.client} (${m.author?.name ?? '—'}): ${m.body}`);
    }
    if (item.files.length > 0) {
      const folder = folderOf(n, item.question);
      lines.push(`   ${w.filesIn}: ${folder}/`);
      const used = new Set<string>();
      for (const file of item.files) {
        let name = file.name;
        for (let i = 2; used.has(name.toLowerCase()); i++)
          name = file.name.replace(/(\.[^.]*)?$/, ` (${i})$1`);
        used.add(name.toLowerCase());
        const key = storageKeyOf(file.id);
        // A file whose bytes are gone is named, not a reason to fail the whole pack, nor left
        // out without a word: the writer would not know a photo is missing.
        if (await storage.exists(key)) {
          zip.file(`${folder}/${name}`, openWhenRead(storage, key), { binary: true });
          lines.push(`   - ${name}`);
        } else {
          missing.push(key);
          lines.push(`   - ${file.name} — ${w.missing}`);
        }
      }
    }
    lines.push('');
  }
  zip.file('answers.txt', `\uFEFF${lines.join('\r\n')}`, { compression: 'DEFLATE' });
  const stream = zip.generateNodeStream({ type: 'nodebuffer', streamFiles: true, compression: 'STORE' });
  return { stream, missing };
}
