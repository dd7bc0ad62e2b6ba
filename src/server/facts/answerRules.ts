import type { FactAnswer } from '../../shared/api/facts.ts';
import { localDate } from '../../shared/api/planning.ts';
import type { factItems } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';

type Item = Pick<typeof factItems.$inferSelect, 'kind' | 'choices'>;

const invalid = (field: string, message: string) =>
  new AppError('validation_failed', { fields: { [field]: message } });

/** A draft may be half-typed, but it answers this item's kind (or says "not available"). */
export function checkDraftKind(item: Item, answer: FactAnswer) {
  if (answer.kind !== item.kind && answer.kind !== 'not_available') {
    throw invalid('answer', `This item asks for ${item.kind}, not ${answer.kind}.`);
  }
}

/** Is this a web address a writer can open? Only http(s), with a host that has a dot. */
export function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/**
 * What a submitted answer must be, per kind; returns it tidied. Files are counted by the caller
 * (they are uploaded before the answer is submitted).
 */
export function checkAnswer(item: Item, answer: FactAnswer, files: number): FactAnswer {
  checkDraftKind(item, answer);
  switch (answer.kind) {
    case 'text': {
      const text = answer.text.trim();
      if (!text) throw invalid('answer.text', 'Write the answer, or mark it "not available" with a reason.');
      return { kind: 'text', text };
    }
    case 'link': {
      const url = answer.url.trim();
      if (!isWebAddress(url)) {
        throw invalid('answer.url', 'This is not a web address. Paste a link that starts with https://');
      }
      return { kind: 'link', url };
    }
    case 'date': {
      if (!localDate.safeParse(answer.date).success) {
        throw invalid('answer.date', 'Not a real date. Use a date like 2026-12-05.');
      }
      return answer;
    }
    case 'choice': {
      if (!item.choices.includes(answer.choice)) {
        throw invalid('answer.choice', 'Pick one of the offered choices.');
      }
      return answer;
    }
    case 'files': {
      if (files === 0) throw invalid('answer.files', 'Upload at least one file, or mark it "not available".');
      return { kind: 'files', note: answer.note.trim() };
    }
    case 'not_available': {
      const reason = answer.reason.trim();
      if (!reason)
        throw invalid('answer.reason', 'Say why it is not available, so the writer can plan around it.');
      return { kind: 'not_available', reason };
    }
  }
}
