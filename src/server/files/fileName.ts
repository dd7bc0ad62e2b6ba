/**
 * A person's file name, made safe to show and to send back in Content-Disposition. It is
 * never used as a path (files are stored under generated keys), but people save downloads
 * under it, so it loses folders, control characters and characters Windows refuses.
 */

const DEFAULT_MAX_BYTES = 200;
const FALLBACK = 'file';

// Bidirectional overrides and isolates let `photo<U+202E>gpj.exe` display as `photoexe.jpg`.
// ZWJ (U+200D) stays: emoji sequences are built with it.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const WINDOWS_RESERVED = /[<>:"|?*]/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

const utf8Length = (s: string): number => Buffer.byteLength(s, 'utf8');

/** Cut to at most `maxBytes` of UTF-8 without splitting a letter or an emoji. */
function cutToBytes(s: string, maxBytes: number): string {
  let out = '';
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s)) {
    if (utf8Length(out + segment) > maxBytes) break;
    out += segment;
  }
  return out;
}

export function sanitizeFileName(input: string, maxBytes = DEFAULT_MAX_BYTES): string {
  let name = input.normalize('NFC').replace(INVISIBLE, '');
  // Only the last path part: `../../etc/passwd`, `C:\Users\me\photo.jpg`, `C:photo.jpg`.
  name = name.split(/[/\\]/).pop() ?? '';
  name = name.replace(/^[A-Za-z]:/, '');
  name = name.replace(WINDOWS_RESERVED, '_');
  // Leading dots would hide the file (or read as `..`); Windows drops trailing dots and spaces.
  name = name
    .trim()
    .replace(/^\.+/, '')
    .replace(/[.\s]+$/, '')
    .trim();
  if (name === '') return FALLBACK;

  const dot = name.lastIndexOf('.');
  const hasExtension = dot > 0 && /^[\p{L}\p{N}]{1,10}$/u.test(name.slice(dot + 1));
  let base = hasExtension ? name.slice(0, dot) : name;
  const extension = hasExtension ? name.slice(dot) : '';
  if (WINDOWS_DEVICE.test(base)) base = `_${base}`;

  if (utf8Length(base + extension) > maxBytes) {
    base = cutToBytes(base, Math.max(1, maxBytes - utf8Length(extension))).trimEnd();
  }
  return `${base || FALLBACK}${extension}`;
}

/**
 * Content-Disposition for a download. Always `attachment`: an uploaded file is never shown
 * inline, so even HTML that slipped through cannot run on our origin. The plain `filename`
 * is an ASCII stand-in for old clients; `filename*` carries the real name (RFC 6266/8187).
 */
export function attachmentDisposition(fileName: string): string {
  const name = sanitizeFileName(fileName);
  const ascii = name.replace(/[^\x20-\x7e]/gu, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
