import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One email as the SMTP sink received it, decoded enough to read its links. */
export interface ReceivedMail {
  to: string[];
  subject: string;
  /** The text/plain part, decoded (quoted-printable or base64). */
  text: string;
  /** The text/html part, decoded the same way ('' when there is none). */
  html: string;
  raw: string;
}

export interface MailSink {
  port: number;
  /** For `SMTP_URL`. */
  url: string;
  received: ReceivedMail[];
  /** The first email to this address (after `after` of them were already read), waiting up to 10 s. */
  waitFor(to: string, options?: { subject?: RegExp; after?: number }): Promise<ReceivedMail>;
  /**
   * The absolute link of this kind (`/magic/…`, `/facts/open/…`) in the newest email to the
   * address that carries one, waiting up to 10 s until more than `after` such emails arrived
   * (pass how many were read before, to wait for a new one rather than take the last).
   */
  linkFor(to: string, kind: string, options?: { after?: number }): Promise<string>;
  /** How many emails to the address carry a link of this kind so far (the `after` for the next). */
  linkCount(to: string, kind: string): number;
  close(): Promise<void>;
}

const quotedPrintableBytes = (s: string) =>
  Buffer.from(
    s
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  );

const decodeQuotedPrintable = (s: string) => quotedPrintableBytes(s).toString('utf8');

const encodedWord = /=\?utf-8\?([BQ])\?([^?]*)\?=/gi;

/**
 * RFC 2047 words. A run of adjacent words is one text: the blanks between them are not part of
 * it, and a character's bytes may be split across two words, so the run is decoded as a whole.
 */
const decodeHeader = (s: string) =>
  s.replace(/=\?utf-8\?[BQ]\?[^?]*\?=(?:\s+=\?utf-8\?[BQ]\?[^?]*\?=)*/gi, (run) =>
    Buffer.concat(
      [...run.matchAll(encodedWord)].map(([, kind, data]) =>
        kind!.toUpperCase() === 'B'
          ? Buffer.from(data!, 'base64')
          : quotedPrintableBytes(data!.replace(/_/g, ' ')),
      ),
    ).toString('utf8'),
  );

function headerOf(head: string, name: string): string {
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? line.slice(name.length + 1).trim() : '';
}

function decodePart(part: string): { type: string; body: string } {
  const split = part.search(/\r?\n\r?\n/);
  const head = part.slice(0, split);
  const body = part.slice(split).replace(/^\r?\n\r?\n/, '');
  const encoding = headerOf(head, 'Content-Transfer-Encoding').toLowerCase();
  const decoded =
    encoding === 'quoted-printable'
      ? decodeQuotedPrintable(body)
      : encoding === 'base64'
        ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
        : body;
  return { type: headerOf(head, 'Content-Type').toLowerCase(), body: decoded };
}

/** The text/plain and text/html bodies of a (possibly multipart) message. */
function decodeMail(raw: string): { subject: string; text: string; html: string } {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split);
  const subject = decodeHeader(headerOf(head, 'Subject'));
  const type = headerOf(head, 'Content-Type');
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!boundary) {
    const only = decodePart(raw).body;
    return type.toLowerCase().startsWith('text/html')
      ? { subject, text: '', html: only }
      : { subject, text: only, html: '' };
  }
  // Nested multiparts (alternative inside mixed) are flattened by splitting on every boundary seen.
  const boundaries = [boundary, ...[...raw.matchAll(/boundary="?([^";\r\n]+)"?/gi)].map((m) => m[1]!)];
  const parts = raw.split(
    new RegExp(`--(?:${boundaries.map((b) => b.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`),
  );
  const decoded = parts.map(decodePart);
  const body = (mediaType: string) => decoded.find((p) => p.type.startsWith(mediaType))?.body ?? '';
  return { subject, text: body('text/plain'), html: body('text/html') };
}

/** The first absolute link of this kind (`magic`, `facts/open`, `invite`, …) in a text, if any. */
export const linkIn = (text: string, kind: string): string | undefined =>
  new RegExp(`https?://[^\\s"<>]+/${kind}/[A-Za-z0-9_-]{20,}`).exec(text)?.[0];

/**
 * A real SMTP server on loopback that keeps what it receives: tests read emailed links here,
 * where the person would, never from the outbox (which shows links redacted).
 */
export async function startMailSink({ port: fixedPort = 0 } = {}): Promise<MailSink> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          raw,
          ...decodeMail(raw),
        });
        done();
      });
    },
  });
  const port = await new Promise<number>((resolve) =>
    server.listen(fixedPort, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port)),
  );
  const matching = (to: string, subject?: RegExp) =>
    received.filter((m) => m.to.includes(to.toLowerCase()) && (!subject || subject.test(m.subject)));
  const waitFor: MailSink['waitFor'] = async (to, options = {}) => {
    const until = Date.now() + 10_000;
    for (;;) {
      const found = matching(to, options.subject)[options.after ?? 0];
      if (found) return found;
      if (Date.now() > until) throw new Error(`no email to ${to} reached the SMTP sink`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  const linksTo = (to: string, kind: string) => matching(to).flatMap((m) => linkIn(m.text, kind) ?? []);
  const linkCount = (to: string, kind: string) => linksTo(to, kind).length;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    waitFor,
    linkCount,
    async linkFor(to, kind, { after = 0 } = {}) {
      const until = Date.now() + 10_000;
      for (;;) {
        const links = linksTo(to, kind);
        if (links.length > after) return links.at(-1)!;
        if (Date.now() > until) {
          const texts = matching(to).map((m) => m.text);
          throw new Error(
            `no new email to ${to} with a /${kind}/ link reached the SMTP sink:\n${texts.join('\n---\n')}`,
          );
        }
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
}
