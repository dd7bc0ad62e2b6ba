import type { PostFull } from '../../../../shared/api/index.ts';
import { localParts, zonedInstant } from '../../../../shared/time.ts';

/** The post's fields besides the copy, as the server keeps them. */
export type PostFields = Pick<
  PostFull['post'],
  'visualBrief' | 'hashtags' | 'link' | 'firstComment' | 'publishAt'
>;
export type FieldName = keyof PostFields;
export const fieldNames: readonly FieldName[] = [
  'visualBrief',
  'hashtags',
  'link',
  'firstComment',
  'publishAt',
];

/** The same fields as the inputs hold them: the publish time as the client's local date and time. */
export interface FieldsForm extends Omit<PostFields, 'publishAt'> {
  date: string;
  time: string;
}

const instant = (iso: string) => new Date(iso).toISOString();

export function fieldsOf(post: PostFull['post']): PostFields {
  return {
    visualBrief: post.visualBrief,
    hashtags: post.hashtags,
    link: post.link,
    firstComment: post.firstComment,
    publishAt: instant(post.publishAt),
  };
}

export function formOf(fields: PostFields, timeZone: string): FieldsForm {
  const { publishAt, ...rest } = fields;
  const local = localParts(new Date(publishAt), timeZone);
  return { ...rest, date: local.date, time: local.time };
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export type FieldProblem = 'linkInvalid' | 'timeInvalid';

/** What the inputs would save; a field that cannot be saved as typed says why instead. */
export function fieldsFromForm(
  form: FieldsForm,
  timeZone: string,
  fallback: PostFields,
): { fields: PostFields; problems: Partial<Record<FieldName, FieldProblem>> } {
  const problems: Partial<Record<FieldName, FieldProblem>> = {};
  const link = form.link.trim();
  if (link && !isWebLink(link)) problems.link = 'linkInvalid';
  let publishAt = fallback.publishAt;
  if (DATE.test(form.date) && TIME.test(form.time)) {
    publishAt = zonedInstant(form.date, form.time, timeZone).toISOString();
  } else {
    problems.publishAt = 'timeInvalid';
  }
  return {
    fields: {
      visualBrief: form.visualBrief,
      hashtags: form.hashtags,
      link: problems.link ? fallback.link : link,
      firstComment: form.firstComment,
      publishAt,
    },
    problems,
  };
}

function isWebLink(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && Boolean(url.hostname);
  } catch {
    return false;
  }
}

/** A hashtag as the writer means it: without the "#", no spaces; empty when nothing is left. */
export const cleanHashtag = (tag: string) => tag.trim().replace(/^#+/, '').replace(/\s+/g, '_');

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields of `edited` that differ from `base`. */
export function changedFields(base: PostFields, edited: PostFields): Partial<PostFields> {
  const out: Partial<PostFields> = {};
  for (const name of fieldNames) {
    if (!same(base[name], edited[name])) Object.assign(out, { [name]: edited[name] });
  }
  return out;
}

export const sameField = (name: FieldName, a: PostFields, b: PostFields) => same(a[name], b[name]);
