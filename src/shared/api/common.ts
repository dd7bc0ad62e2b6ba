import { z } from 'zod';

/** Every text a person types: trimmed, not empty, bounded. Emoji and Cyrillic are fine. */
export const name = (max = 200) => z.string().trim().min(1).max(max);

export const email = z
  .string()
  .trim()
  .max(320)
  .pipe(z.email({ pattern: z.regexes.unicodeEmail }))
  .transform((v) => v.toLowerCase())
  .describe('Email address; compared case-insensitively.');

export const password = z.string().min(10).max(200).describe('At least 10 characters.');

export const uuid = z.uuid();

export const timezone = z
  .string()
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
