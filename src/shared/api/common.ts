import { z } from 'zod';

/**
 * PostgreSQL's text cannot hold a NUL byte, and a lone UTF-16 surrogate (half an emoji, cut by a
 * buggy client) is not text at all: either would fail in the database as a 500, so a request
 * with one is refused at the door as a 400 naming the field.
 */
export const isStorableText = (value: string) => !value.includes('\u0000') && value.isWellFormed();
/**
 * For text that arrives through a shared editor (Yjs updates, not a zod schema): U+FFFD where
 * a NUL or a lone surrogate was, one code unit for one, so offsets into the text stay right.
 */
export const toStorableText = (value: string) => value.replaceAll('\u0000', '\uFFFD').toWellFormed();

export const unstorableTextMessage =
  'Contains a character that cannot be saved (a NUL byte or half of an emoji).';

/**
 * Every string a request carries (body, query, path) starts here, never at a bare `z.string()`:
 * a test walks the catalogue and fails on any request field that accepts a NUL byte.
 */
export const storable = () => z.string().refine(isStorableText, unstorableTextMessage);

/** Every text a person types: trimmed, not empty, bounded. Emoji and Cyrillic are fine. */
export const name = (max = 200) => storable().trim().min(1).max(max);

/** Free text kept as typed (copy, notes, answers): bounded, may be empty, not trimmed. */
export const text = (max: number) => storable().max(max);

export const email = storable()
  .trim()
  .max(320)
  .pipe(z.email({ pattern: z.regexes.unicodeEmail }))
  .transform((v) => v.toLowerCase())
  .describe('Email address; compared case-insensitively.');

/**
 * A new password: 12 characters at least, as ASVS level 2 asks (V2.1.1), and at most 128 (V2.1.2):
 * long enough for a passphrase, short enough that hashing it costs what it should.
 */
export const PASSWORD_MIN = 12;
export const password = storable()
  .min(PASSWORD_MIN)
  .max(128)
  .describe(`At least ${PASSWORD_MIN} characters, at most 128.`);

export const uuid = z.uuid();

export const timezone = storable()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'Unknown time zone')
  .describe('IANA time zone, e.g. Europe/Kyiv.');

export const locale = z.enum(['uk', 'en']).describe('Interface language.');

/** Optimistic concurrency: the version the editor last saw. A stale one answers 409. */
export const version = z
  .int()
  .min(1)
  .describe('The version you last saw; a stale one answers 409 stale_version.');

export const isoDate = z.iso.datetime({ offset: true });

export const errorBody = z.object({
  error: z.object({
    code: z.string().describe('Stable machine-readable code from the error catalogue.'),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional().describe('Per-field messages for validation errors.'),
    reason: z.string().optional().describe('Which of several causes, for the codes that have them.'),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

export const ok = z.object({ ok: z.literal(true) });

/** Imports preview by default: nothing is written unless the caller says dryRun=false. */
export const dryRunQuery = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});

/**
 * A page of Plit to land on after signing in or opening a link: a path of this origin only.
 * `//host` and `/\host` are other origins to a browser, a control character can split a header,
 * and `/api/…` is no page; all are refused, so no link can send a person elsewhere.
 */
export const isSafeNextPath = (value: string) =>
  value.length <= 500 &&
  value.startsWith('/') &&
  !value.startsWith('//') &&
  !value.includes('\\') &&
  ![...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f) &&
  !/^\/api(\/|$|\?)/.test(value);
export const nextPath = z
  .string()
  .refine(isSafeNextPath, 'Must be a path of this site, starting with one "/".')
  .describe('The page of Plit to land on afterwards (a path of this site, like /posts/…)');
