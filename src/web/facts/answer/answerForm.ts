import type { FactAnswer, FactItemFull } from '../../../shared/api/index.ts';
import type { FactKind } from '../../../shared/roles.ts';

/** Everything the answer inputs of one item hold; only the part of the item's kind is sent. */
export interface AnswerForm {
  text: string;
  url: string;
  date: string;
  choice: string;
  note: string;
  reason: string;
  notAvailable: boolean;
}

export const emptyForm: AnswerForm = {
  text: '',
  url: '',
  date: '',
  choice: '',
  note: '',
  reason: '',
  notAvailable: false,
};

/** What the client side works on: its unsent draft, else the submitted answer. */
export const workingAnswer = (item: Pick<FactItemFull, 'draft' | 'answer'>): FactAnswer | null =>
  item.draft ?? item.answer;

export function formFrom(answer: FactAnswer | null): AnswerForm {
  if (!answer) return emptyForm;
  switch (answer.kind) {
    case 'text':
      return { ...emptyForm, text: answer.text };
    case 'link':
      return { ...emptyForm, url: answer.url };
    case 'date':
      return { ...emptyForm, date: answer.date };
    case 'choice':
      return { ...emptyForm, choice: answer.choice };
    case 'files':
      return { ...emptyForm, note: answer.note };
    case 'not_available':
      return { ...emptyForm, notAvailable: true, reason: answer.reason };
  }
}

export function answerFrom(kind: FactKind, form: AnswerForm): FactAnswer {
  if (form.notAvailable) return { kind: 'not_available', reason: form.reason };
  switch (kind) {
    case 'text':
      return { kind, text: form.text };
    case 'link':
      return { kind, url: form.url };
    case 'date':
      return { kind, date: form.date };
    case 'choice':
      return { kind, choice: form.choice };
    case 'files':
      return { kind, note: form.note };
  }
}

/** A stable text of an answer, to tell whether two answers say the same. */
export function answerKey(answer: FactAnswer | null): string {
  if (!answer) return '';
  switch (answer.kind) {
    case 'text':
      return `text:${answer.text.trim()}`;
    case 'link':
      return `link:${answer.url.trim()}`;
    case 'date':
      return `date:${answer.date}`;
    case 'choice':
      return `choice:${answer.choice}`;
    case 'files':
      return `files:${answer.note.trim()}`;
    case 'not_available':
      return `not_available:${answer.reason.trim()}`;
  }
}

/**
 * The draft to keep for what is in the inputs: nothing when they say what was sent already
 * (no unsent changes) or when nothing was typed yet.
 */
export function draftFor(kind: FactKind, form: AnswerForm, submitted: FactAnswer | null): FactAnswer | null {
  const answer = answerFrom(kind, form);
  const key = answerKey(answer);
  if (submitted && key === answerKey(submitted)) return null;
  const blank = key === `${answer.kind}:` && answer.kind !== 'not_available';
  return blank && !submitted ? null : answer;
}

export type AnswerProblem =
  | 'textEmpty'
  | 'urlInvalid'
  | 'dateInvalid'
  | 'choiceMissing'
  | 'filesMissing'
  | 'reasonMissing';

/** Is this a web address a writer can open? The server's rule: http(s) with a dotted host. */
export function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** The same checks as the server makes on submit, for an answer at once. */
export function problemOf(answer: FactAnswer, files: number, choices: string[]): AnswerProblem | null {
  switch (answer.kind) {
    case 'text':
      return answer.text.trim() ? null : 'textEmpty';
    case 'link':
      return isWebAddress(answer.url) ? null : 'urlInvalid';
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(answer.date) ? null : 'dateInvalid';
    case 'choice':
      return choices.includes(answer.choice) ? null : 'choiceMissing';
    case 'files':
      return files > 0 ? null : 'filesMissing';
    case 'not_available':
      return answer.reason.trim() ? null : 'reasonMissing';
  }
}

/** The server names the field it refuses (`answer.url`); each has a translated message. */
export const problemOfField: Record<string, AnswerProblem> = {
  'answer.text': 'textEmpty',
  'answer.url': 'urlInvalid',
  'answer.date': 'dateInvalid',
  'answer.choice': 'choiceMissing',
  'answer.files': 'filesMissing',
  'answer.reason': 'reasonMissing',
};

/** Items the client still has to do something about. */
export const needsAttention = (item: Pick<FactItemFull, 'status'>) =>
  item.status === 'open' || item.status === 'follow_up';
