import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One email as the SMTP sink received it, decoded enough to read its links. */
export interface ReceivedMail {
  to: string[];
  subject: string;
  /** The text/plain part, decoded (quoted-printable or base64). */
  text: string;
  raw: string;
}

export interface MailSink {
  port: number;
  /** For `SMTP_URL`. */
  url: string;
  received: ReceivedMail[];
  /** The first email to this address (after `after` of them were already read), waiting up to 10 s. */
  waitFor(to: string, options?: { subject?: RegExp; after?: number }): Promise<ReceivedMail>;
  /** The absolute link of this kind (`/magic/…`, `/facts/open/…`) in the newest email to the address. */
  linkFor(to: string, kind: string): Promise<string>;
  close(): Promise<void>;
}

const decodeQuotedPrintable = (s: string) =>
  Buffer.from(
    s
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');

const decodeHeader = (s: string) =>
  s.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_, kind: string, data: string) =>
    kind.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : decodeQuotedPrintable(data.replace(/_/g, ' ')),
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

/** The text/plain body of a (possibly multipart) message. */
function textOf(raw: string): { subject: string; text: string } {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split);
  const subject = decodeHeader(headerOf(head, 'Subject'));
  const type = headerOf(head, 'Content-Type');
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!boundary) return { subject, text: decodePart(raw).body };
  // Nested multiparts (alternative inside mixed) are flattened by splitting on every boundary seen.
  const boundaries = [boundary, ...[...raw.matchAll(/boundary="?([^";\r\n]+)"?/gi)].map((m) => m[1]!)];
  const parts = raw.split(
    new RegExp(`--(?:${boundaries.map((b) => b.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`),
  );
  const plain = parts.map(decodePart).find((p) => p.type.startsWith('text/plain'));
  return { subject, text: plain?.body ?? '' };
}

/**
 * A real SMTP server on loopback that keeps what it receives: tests read emailed links here,
 * where the person would, never from the outbox (which shows links redacted).
 */
export async function startMailSink(): Promise<MailSink> {
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
          ...textOf(raw),
        });
        done();
      });
    },
  });
  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port)),
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
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    waitFor,
    async linkFor(to, kind) {
      await waitFor(to);
      const newest = matching(to).at(-1)!;
      const link = new RegExp(`https?://[^\\s"<>]+/${kind}/[A-Za-z0-9_-]{20,}`).exec(newest.text)?.[0];
      if (!link) throw new Error(`the newest email to ${to} has no /${kind}/ link:\n${newest.text}`);
      return link;
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
}
