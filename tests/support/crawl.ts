import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions } from 'fastify';
import JSZip from 'jszip';
import type { App } from '../../src/server/context.ts';
import { allEndpoints } from '../../src/shared/api/catalogue.ts';
import { type EndpointSpec, pathOf, pathParamNames, queryString } from '../../src/shared/api/endpoint.ts';

/**
 * The reading half of the marker crawl (LIVE-SPEC [A6]): call every GET endpoint of the
 * catalogue as one person, with every id found in their own answers plus every id the test
 * knows of, and keep every answer as text a person or their program could read (JSON, the
 * text of a PDF, every part of a PPTX or ZIP, a CSV in whatever encoding it was sent).
 */

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const FEED = /\/api\/feeds\/([A-Za-z0-9_-]{16,})/g;

export interface Answer {
  endpoint: string;
  url: string;
  status: number;
  /** What the answer says, as text (a file's readable text). */
  text: string;
}

let lastAddress = 0;
/**
 * Another loopback-like test address every few hundred requests: the crawl is thousands of
 * reads, and the API's rate limit (600 a minute per address) is not what it tests.
 */
interface Injected {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
  rawPayload: Buffer;
}
function rotatingApp(app: App): (options: InjectOptions) => Promise<Injected> {
  let used = 0;
  let remoteAddress = '';
  return (options) => {
    if (used++ % 400 === 0) {
      lastAddress += 1;
      remoteAddress = `198.19.${(lastAddress >> 8) & 255}.${lastAddress & 255}`;
    }
    return app.inject({ ...options, remoteAddress }) as unknown as Promise<Injected>;
  };
}

/** The readable text of a downloaded file, by its type. */
export async function readableText(contentType: string, bytes: Buffer): Promise<string> {
  if (contentType.includes('application/pdf')) return pdfText(bytes);
  if (
    contentType.includes('zip') ||
    contentType.includes('presentationml') ||
    contentType.includes('officedocument')
  ) {
    const zip = await JSZip.loadAsync(bytes);
    const parts = await Promise.all(
      Object.values(zip.files).map(async (f) => `${f.name}\n${f.dir ? '' : await f.async('string')}`),
    );
    return parts.join('\n');
  }
  if (contentType.startsWith('image/')) return '';
  // A CSV for Excel may be UTF-16 with a byte-order mark.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  return bytes.toString('utf8');
}

function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'plit-crawl-'));
  try {
    const file = join(dir, 'answer.pdf');
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function idsIn(text: string): string[] {
  return [...new Set(text.match(UUID) ?? [])].map((id) => id.toLowerCase());
}

export function feedsIn(text: string): string[] {
  return [...new Set([...text.matchAll(FEED)].map((m) => m[1]!))];
}

/** The GET endpoints a crawl reads (the sockets are read by joining them, not by GET). */
export const readEndpoints = allEndpoints.filter((e) => e.method === 'GET' && !e.websocket);

/**
 * Read every GET endpoint as this person: first those without parameters, then each endpoint
 * with every candidate id in each parameter, again as new ids turn up in the answers, until
 * nothing new is found. A second parameter (a topic's fact pack in a request, a rubric's
 * templates in a client) is tried with every id once the first one has answered 200 somewhere.
 */
export async function crawl(
  app: App,
  cookie: string | null,
  known: {
    ids: Iterable<string>;
    feeds: Iterable<string>;
    /**
     * Ids to try first in a two-parameter path even where no one-parameter read of that name
     * answered 200 (a scoped session reads no client, yet a rubric's templates must be tried).
     */
    firsts?: Record<string, string[]>;
    /** The queries to read an endpoint with (its required ones, ranges reaching hidden months); default none. */
    queries?: Record<string, Array<Record<string, string>>>;
  },
): Promise<{ answers: Answer[]; ids: Set<string>; feeds: Set<string> }> {
  const inject = rotatingApp(app);
  const ids = new Set([...known.ids].map((i) => i.toLowerCase()));
  const feeds = new Set(known.feeds);
  const answers: Answer[] = [];
  const tried = new Set<string>();
  // Ids that answered 200 in a parameter of this name: the first half of a two-parameter path.
  const valid = new Map<string, Set<string>>(
    Object.entries(known.firsts ?? {}).map(([name, values]) => [name, new Set(values)]),
  );

  async function read(spec: EndpointSpec, params: Record<string, string>) {
    let grew = false;
    for (const query of known.queries?.[spec.operationId] ?? [{}]) {
      grew = (await readOnce(spec, params, query)) || grew;
    }
    return grew;
  }

  async function readOnce(spec: EndpointSpec, params: Record<string, string>, query: Record<string, string>) {
    const url = pathOf(spec, params) + queryString(query);
    if (tried.has(url)) return false;
    tried.add(url);
    const res = await inject({
      method: 'GET',
      url,
      headers: { origin: 'http://plit.test', ...(cookie ? { cookie } : {}) },
    });
    const contentType = String(res.headers['content-type'] ?? '');
    const text = contentType.includes('json') ? res.body : await readableText(contentType, res.rawPayload);
    answers.push({ endpoint: spec.operationId, url, status: res.statusCode, text });
    if (res.statusCode === 200) {
      for (const [name, value] of Object.entries(params)) {
        if (!valid.has(name)) valid.set(name, new Set());
        valid.get(name)!.add(value);
      }
    }
    let grew = false;
    for (const id of idsIn(text)) {
      if (!ids.has(id)) {
        ids.add(id);
        grew = true;
      }
    }
    for (const feed of feedsIn(text)) {
      if (!feeds.has(feed)) {
        feeds.add(feed);
        grew = true;
      }
    }
    return grew;
  }

  for (let round = 0; round < 10; round++) {
    const jobs: Array<[EndpointSpec, Record<string, string>]> = [];
    for (const spec of readEndpoints) {
      const names = pathParamNames(spec.path);
      // A feed secret where a feed is asked, a position where an index is (an email's files).
      const candidates = (name: string) =>
        name === 'feed' ? [...feeds] : name === 'index' ? ['0', '1'] : [...ids];
      if (names.length === 0) jobs.push([spec, {}]);
      else if (names.length === 1) {
        for (const value of candidates(names[0]!)) jobs.push([spec, { [names[0]!]: value }]);
      } else {
        const [first, second] = names as [string, string];
        for (const a of valid.get(first) ?? []) {
          for (const b of candidates(second)) jobs.push([spec, { [first]: a, [second]: b }]);
        }
      }
    }
    // A few reads at a time: the server overlaps one's database wait with another's work.
    let grew = false;
    let next = 0;
    const worker = async () => {
      while (next < jobs.length) {
        const [spec, params] = jobs[next++]!;
        grew = (await read(spec, params)) || grew;
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    // The second round always runs: a two-parameter path needs the first round's 200s.
    if (!grew && round > 0) break;
  }
  return { answers, ids, feeds };
}
