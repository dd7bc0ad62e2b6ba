import zlib from 'node:zlib';

/**
 * What a file really is, judged from its first bytes, never from its name or the browser's
 * Content-Type. Only the kinds a fact request needs are allowed: photos, video, PDF, office
 * documents and plain text. Everything else (executables, scripts, HTML, SVG, archives)
 * answers null.
 */
export type FileType = { mime: string; extension: string };

/** How many leading bytes to pass to `detectFileType`; fewer work for everything but some office files. */
export const SNIFF_BYTES = 64 * 1024;

const OOXML = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
} as const;

/** Legacy Office files are all OLE2 containers; which one it is comes from the name. */
const OLE2 = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
} as const;

const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);
const HEIF_BRANDS = new Set(['mif1', 'msf1']);
/** Audio-only and AVIF files also list MP4 or HEIF brands as compatible; their major brand says what they are. */
const REFUSED_MAJOR_BRANDS = new Set(['M4A ', 'M4B ', 'M4P ', 'F4A ', 'F4B ', 'avif', 'avis']);
const MP4_BRANDS = new Set([
  'isom',
  'iso2',
  'iso3',
  'iso4',
  'iso5',
  'iso6',
  'mp41',
  'mp42',
  'avc1',
  'dash',
  'M4V ',
  'M4VH',
  'M4VP',
  'mmp4',
  'MSNV',
]);

const ascii = (bytes: Uint8Array, start: number, end: number): string =>
  String.fromCharCode(...bytes.subarray(start, end));

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

/** The lower-case extension of a claimed name, without the dot ('' when there is none). */
function extensionOf(name: string | undefined): string {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(name ?? '');
  return match ? match[1]!.toLowerCase() : '';
}

/** Windows and Unix executables, macOS binaries and scripts: refused whatever they are called. */
export function isExecutable(head: Uint8Array): boolean {
  return (
    startsWith(head, [0x4d, 0x5a]) || // MZ: Windows .exe/.dll
    startsWith(head, [0x7f, 0x45, 0x4c, 0x46]) || // ELF
    startsWith(head, [0xfe, 0xed, 0xfa, 0xce]) ||
    startsWith(head, [0xfe, 0xed, 0xfa, 0xcf]) ||
    startsWith(head, [0xce, 0xfa, 0xed, 0xfe]) ||
    startsWith(head, [0xcf, 0xfa, 0xed, 0xfe]) || // Mach-O, both word sizes and byte orders
    startsWith(head, [0xca, 0xfe, 0xba, 0xbe]) || // Mach-O universal (and Java classes)
    startsWith(head, [0x23, 0x21]) || // #! script
    startsWith(head, [0xef, 0xbb, 0xbf, 0x23, 0x21]) // #! after a UTF-8 byte-order mark
  );
}

/**
 * @param head the first bytes of the file (`SNIFF_BYTES` is plenty; the whole file is fine too)
 * @param claimedName the name the person gave, used only to tell apart formats whose bytes
 *   look the same (legacy Office files, text vs CSV) — never to allow something the bytes deny
 */
export function detectFileType(head: Uint8Array, claimedName?: string): FileType | null {
  if (head.length === 0 || isExecutable(head)) return null;
  const claimed = extensionOf(claimedName);

  if (startsWith(head, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', extension: 'jpg' };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { mime: 'image/png', extension: 'png' };
  }
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a')
    return { mime: 'image/gif', extension: 'gif' };
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP')
    return { mime: 'image/webp', extension: 'webp' };
  if (ascii(head, 0, 5) === '%PDF-') return { mime: 'application/pdf', extension: 'pdf' };

  const isoMedia = detectIsoMedia(head);
  if (isoMedia !== undefined) return isoMedia;

  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) {
    // EBML: WebM and Matroska share it; the doctype near the start says which.
    return ascii(head, 0, 64).includes('webm') ? { mime: 'video/webm', extension: 'webm' } : null;
  }

  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return detectOfficeOpenXml(head, claimed);

  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return claimed in OLE2 ? { mime: OLE2[claimed as keyof typeof OLE2], extension: claimed } : null;
  }

  return detectText(head, claimed);
}

/**
 * ISO base media (`ftyp` box): HEIC/HEIF photos, MP4 and QuickTime video. Answers undefined
 * when the file is not ISO media at all, null when it is but of a kind we do not take (audio, AVIF).
 */
function detectIsoMedia(head: Uint8Array): FileType | null | undefined {
  const box = ascii(head, 4, 8);
  if (box === 'moov' || box === 'wide') return { mime: 'video/quicktime', extension: 'mov' };
  if (box !== 'ftyp' || head.length < 12) return undefined;

  const boxSize = new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(0);
  const major = ascii(head, 8, 12);
  const compatible: string[] = [];
  for (let at = 16; at + 4 <= Math.min(boxSize, head.length, 256); at += 4)
    compatible.push(ascii(head, at, at + 4));

  const kind = (brand: string): FileType | null => {
    if (HEIC_BRANDS.has(brand)) return { mime: 'image/heic', extension: 'heic' };
    if (HEIF_BRANDS.has(brand)) return { mime: 'image/heif', extension: 'heif' };
    if (brand === 'qt  ') return { mime: 'video/quicktime', extension: 'mov' };
    if (MP4_BRANDS.has(brand)) return { mime: 'video/mp4', extension: 'mp4' };
    return null;
  };
  if (REFUSED_MAJOR_BRANDS.has(major)) return null;
  const byMajor = kind(major);
  // A HEIF file may name `mif1` as its major brand and `heic` among the compatible ones.
  if (byMajor?.mime === 'image/heif')
    return compatible.some((b) => HEIC_BRANDS.has(b)) ? kind('heic') : byMajor;
  if (byMajor) return byMajor;
  const heif = compatible.find((b) => HEIC_BRANDS.has(b) || HEIF_BRANDS.has(b));
  if (heif) return kind(heif);
  for (const brand of compatible) {
    const found = kind(brand);
    if (found) return found;
  }
  return null;
}

/**
 * DOCX, XLSX and PPTX are ZIP files whose `[Content_Types].xml` names the main part. When
 * that entry is within the head we read it (and refuse macro-enabled files); otherwise the
 * folder names of the first entries, then the claimed extension, decide. A plain ZIP is refused.
 */
function detectOfficeOpenXml(head: Uint8Array, claimed: string): FileType | null {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const names: string[] = [];
  let at = 0;
  for (
    let entry = 0;
    entry < 32 && at + 30 <= head.length && view.getUint32(at, true) === 0x04034b50;
    entry++
  ) {
    const flags = view.getUint16(at + 6, true);
    const method = view.getUint16(at + 8, true);
    const compressedSize = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const extraLength = view.getUint16(at + 28, true);
    const dataStart = at + 30 + nameLength + extraLength;
    if (dataStart > head.length) break;
    const name = new TextDecoder().decode(head.subarray(at + 30, at + 30 + nameLength));
    names.push(name);

    if (name === '[Content_Types].xml') {
      const sizeKnown = (flags & 0x08) === 0 || compressedSize > 0;
      const data = head.subarray(dataStart, sizeKnown ? dataStart + compressedSize : head.length);
      const xml = readZipEntry(data, method);
      if (xml !== null) {
        if (/macroEnabled/i.test(xml)) return null;
        if (xml.includes('wordprocessingml.document.main+xml'))
          return { mime: OOXML.docx, extension: 'docx' };
        if (xml.includes('spreadsheetml.sheet.main+xml')) return { mime: OOXML.xlsx, extension: 'xlsx' };
        if (xml.includes('presentationml.presentation.main+xml'))
          return { mime: OOXML.pptx, extension: 'pptx' };
        if (xml.includes('</Types>')) return null; // a whole content-types list naming none of them
      }
    }
    // Sizes after the data (bit 3) mean we cannot find the next entry without reading the rest.
    if ((flags & 0x08) !== 0 && compressedSize === 0) break;
    at = dataStart + compressedSize;
  }

  if (names.some((n) => n.startsWith('word/'))) return { mime: OOXML.docx, extension: 'docx' };
  if (names.some((n) => n.startsWith('xl/'))) return { mime: OOXML.xlsx, extension: 'xlsx' };
  if (names.some((n) => n.startsWith('ppt/'))) return { mime: OOXML.pptx, extension: 'pptx' };
  return claimed in OOXML ? { mime: OOXML[claimed as keyof typeof OOXML], extension: claimed } : null;
}

/** Stored or deflated entry data, possibly cut short by the end of the head; null when unreadable. */
function readZipEntry(data: Uint8Array, method: number): string | null {
  try {
    if (method === 0) return new TextDecoder().decode(data);
    if (method !== 8) return null;
    // SYNC_FLUSH gives what inflates from a truncated stream instead of throwing;
    // the output cap keeps a crafted entry from inflating into memory.
    const out = zlib.inflateRawSync(data, {
      finishFlush: zlib.constants.Z_SYNC_FLUSH,
      maxOutputLength: 1024 * 1024,
    });
    return out.toString('utf8');
  } catch {
    return null;
  }
}

/**
 * Plain text and CSV: valid UTF-8 with no NULs or control characters other than tab, line
 * breaks and form feed. Markup (HTML, SVG, XML) is refused: a file starting with `<` is not
 * a note, and a browser could be coaxed into rendering it.
 */
function detectText(head: Uint8Array, claimed: string): FileType | null {
  if (claimed !== '' && claimed !== 'txt' && claimed !== 'csv') return null;
  let text: string;
  try {
    // stream: true tolerates a character cut in half at the end of the head.
    text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    return null;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) return null;
  if (/^\uFEFF?\s*</.test(text)) return null;
  return claimed === 'csv'
    ? { mime: 'text/csv', extension: 'csv' }
    : { mime: 'text/plain', extension: 'txt' };
}
