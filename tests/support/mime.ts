/**
 * A MIME message as its tree of parts (RFC 2045/2046), enough to check how an email is built:
 * which multipart holds which media types, and each leaf's decoded body.
 */
export interface MimePart {
  /** The Content-Type header as sent, e.g. `text/calendar; charset=utf-8; method=REQUEST`. */
  contentType: string;
  /** Lower-case media type without parameters, e.g. `multipart/alternative`. */
  mediaType: string;
  /** A parameter of the Content-Type, by lower-case name. */
  param(name: string): string | undefined;
  disposition: string;
  parts: MimePart[];
  /** The decoded body of a leaf ('' for a multipart). */
  body: string;
}

const header = (head: string, name: string) => {
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? line.slice(name.length + 1).trim() : '';
};

export function parseMime(raw: string): MimePart {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split < 0 ? raw : raw.slice(0, split);
  const rest = split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const contentType = header(head, 'Content-Type') || 'text/plain';
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  const param = (name: string) => new RegExp(`;\\s*${name}="?([^";]+)"?`, 'i').exec(contentType)?.[1]?.trim();
  const disposition = header(head, 'Content-Disposition');
  if (mediaType.startsWith('multipart/')) {
    const boundary = param('boundary')!;
    const chunks = rest.split(new RegExp(`\\r?\\n?--${boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    // Before the first boundary is the preamble, after the closing `--` the epilogue.
    const parts = chunks
      .slice(1)
      .filter((c) => !c.startsWith('--'))
      .map((c) => parseMime(c.replace(/^[ \t]*\r?\n/, '')));
    return { contentType, mediaType, param, disposition, parts, body: '' };
  }
  const encoding = header(head, 'Content-Transfer-Encoding').toLowerCase();
  const body =
    encoding === 'base64'
      ? Buffer.from(rest.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? Buffer.from(
            rest
              .replace(/=\r?\n/g, '')
              .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8')
        : rest;
  return { contentType, mediaType, param, disposition, parts: [], body };
}

/** Every part of the tree, depth first. */
export const allParts = (part: MimePart): MimePart[] => [part, ...part.parts.flatMap(allParts)];
