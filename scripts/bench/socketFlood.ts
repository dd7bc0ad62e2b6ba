/**
 * `npm run bench:socket-flood`: does a flood of socket frames, every socket just under its
 * budget (LIVE-SPEC [S3]), slow the server for everyone else? A real Plit server in its own
 * process (fresh data folder, demo seeded). The bench signs in the demo owner as several
 * sessions (the cap is 20 sockets of a kind per session), then:
 *
 * 1. baseline: `GET /api/health` 20 times a second for `--seconds`, nothing else going on;
 * 2. flood: `--live` live sockets each sending `--live-rate` frames a second (subscribe and
 *    unsubscribe to a client room by turns, the frame that slowed the server in issue 14, or
 *    `--live-frames=ping`), and `--collab` collaboration sockets each sending `--collab-rate`
 *    Yjs awareness updates a second (or `--collab-frames=update`: document edits, stored), spread
 *    over the documents the owner may open, while the same health probe runs.
 *
 * Every connection comes from its own loopback address (127.0.x.y), so no per-address limit of
 * ours shapes the load. One JSON line per phase (health p50/p95/p99/max in ms, server CPU), then
 * a summary: `targetMet` is a flood p99 of at most 50 ms with no flood socket closed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { DEMO_PASSWORD } from '../../src/server/seed/demo.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { pathOf } from '../../src/shared/api/endpoint.ts';
import { collabSocketUrl, everyoneRoom, liveSocketUrl } from '../../src/shared/live.ts';
import { authMessage, awarenessMessage, isAuthenticated, updateMessage } from './hocuspocusFrames.ts';

const { values: opts } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    live: { type: 'string', default: '200' },
    collab: { type: 'string', default: '50' },
    'live-rate': { type: 'string', default: '18' },
    'collab-rate': { type: 'string', default: '80' },
    'probe-rate': { type: 'string', default: '20' },
    'live-frames': { type: 'string', default: 'subscribe' },
    'collab-frames': { type: 'string', default: 'awareness' },
    // A folder for the server's CPU profile (node --cpu-prof), written when it stops.
    profile: { type: 'string' },
  },
});
const seconds = Number(opts.seconds);
const liveCount = Number(opts.live);
const collabCount = Number(opts.collab);
const liveRate = Number(opts['live-rate']);
const collabRate = Number(opts['collab-rate']);
const probeRate = Number(opts['probe-rate']);
const TARGET_P99_MS = 50;
const updates = opts['collab-frames'] === 'update';
/** The demo agency's people: each may write the documents the bench floods. */
const AGENCY_PEOPLE = ['owner@plit.demo', 'cm@plit.demo', 'creator@plit.demo'];
// Under the cap of 20 sockets of a kind per session, with room to spare.
const PER_SESSION = 15;

let addresses = 0;
/** A loopback address of its own for each connection: no per-address limit sees the load as one. */
const nextAddress = () => {
  addresses += 1;
  return `127.0.${1 + (addresses >> 8)}.${addresses & 255 || 1}`;
};

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

/** The server's CPU time so far (user + system), in ms, from /proc. */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

interface Answer {
  status: number;
  body: string;
  setCookie: string[];
}

function request(
  base: string,
  method: string,
  url: string,
  options: { cookie?: string; body?: unknown } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const req = http.request(`${base}${url}`, {
      method,
      agent: false,
      localAddress: nextAddress(),
      headers: {
        origin: base,
        ...(options.cookie ? { cookie: options.cookie } : {}),
        ...(payload ? { 'content-type': 'application/json' } : {}),
      },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString(),
          setCookie: res.headers['set-cookie'] ?? [],
        }),
      );
    });
    req.on('error', reject);
    req.end(payload);
  });
}

const getJson = async <T>(base: string, url: string, cookie: string): Promise<T> => {
  const res = await request(base, 'GET', url, { cookie });
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${res.body}`);
  return JSON.parse(res.body) as T;
};

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (n: number) => Number(n.toFixed(2));

/** `GET /api/health` at `probeRate` a second for `seconds`, each from its own address, on a fresh connection. */
async function probeHealth(
  base: string,
): Promise<{ latencies: number[]; failed: number; elapsedMs: number }> {
  const latencies: number[] = [];
  let failed = 0;
  const pending: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; i < seconds * probeRate; i++) {
    const due = started + (i * 1000) / probeRate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const at = performance.now();
    pending.push(
      request(base, 'GET', pathOf(endpoints.getHealth)).then(
        (res) => {
          if (res.status === 200) latencies.push(performance.now() - at);
          else failed += 1;
        },
        () => {
          failed += 1;
        },
      ),
    );
  }
  await Promise.all(pending);
  return { latencies: latencies.sort((a, b) => a - b), failed, elapsedMs: performance.now() - started };
}

function summarise(phase: string, probe: Awaited<ReturnType<typeof probeHealth>>, cpuMs: number) {
  const { latencies } = probe;
  return {
    phase,
    probes: latencies.length,
    failed: probe.failed,
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(latencies.at(-1) ?? 0),
    // Of one core, over the phase (longer than `seconds` when the last answers come late).
    serverCpuPct: Math.round((cpuMs / probe.elapsedMs) * 100),
  };
}

interface Flooder {
  socket: WebSocket;
  kind: 'live' | 'collab';
  sent: number;
  received: number;
  closedWith: number | null;
  timer: NodeJS.Timeout | null;
}

function openSocket(url: string, cookie: string, origin: string, kind: Flooder['kind']): Promise<Flooder> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers: { cookie, origin }, localAddress: nextAddress() });
    const flooder: Flooder = { socket, kind, sent: 0, received: 0, closedWith: null, timer: null };
    socket.on('message', () => {
      flooder.received += 1;
    });
    socket.on('close', (code) => {
      flooder.closedWith = code;
      if (flooder.timer) clearInterval(flooder.timer);
    });
    socket.once('open', () => resolve(flooder));
    socket.once('error', reject);
  });
}

/** Send `frame(n)` `rate` times a second, never faster (setInterval does not catch up after a delay). */
function every(flooder: Flooder, rate: number, frame: (n: number) => string | Uint8Array): void {
  // A random phase, so the sockets' frames do not all land in the same millisecond.
  setTimeout(
    () => {
      flooder.timer = setInterval(() => {
        if (flooder.socket.readyState !== WebSocket.OPEN) return;
        flooder.socket.send(frame(flooder.sent));
        flooder.sent += 1;
      }, 1000 / rate);
    },
    Math.random() * (1000 / rate),
  );
}

/** A collaboration socket signed in to one document, answered `authenticated`. */
async function openDocument(base: string, cookie: string, name: string): Promise<Flooder | null> {
  const flooder = await openSocket(collabSocketUrl(base), cookie, base, 'collab');
  const answer = new Promise<boolean>((resolve) => {
    flooder.socket.on('message', (data: Buffer) => {
      const verdict = isAuthenticated(new Uint8Array(data));
      if (verdict !== null) resolve(verdict);
    });
    flooder.socket.once('close', () => resolve(false));
    setTimeout(() => resolve(false), 10_000).unref();
  });
  flooder.socket.send(authMessage(name));
  if (await answer) return flooder;
  flooder.socket.terminate();
  return null;
}

/** Sessions of the demo owner, each signed in from its own address (a login makes a new session). */
async function signInSessions(base: string, n: number, email = 'owner@plit.demo'): Promise<string[]> {
  const cookies: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await request(base, 'POST', pathOf(endpoints.logIn), {
      body: { email, password: DEMO_PASSWORD },
    });
    const session = res.setCookie.map((c) => c.split(';')[0]!).find((c) => c.startsWith('plit_session='));
    if (res.status !== 200 || !session) throw new Error(`login ${i}: ${res.status} ${res.body}`);
    cookies.push(session);
  }
  return cookies;
}

/** The owner's client rooms and the shared documents (meeting notes, post copies) they may open. */
async function discover(base: string, cookie: string) {
  const { clients } = await getJson<{ clients: { id: string }[] }>(
    base,
    pathOf(endpoints.listClients),
    cookie,
  );
  const documents: string[] = [];
  for (const client of clients) {
    const { cycles } = await getJson<{ cycles: { id: string }[] }>(
      base,
      pathOf(endpoints.listCycles, { clientId: client.id }),
      cookie,
    );
    for (const cycle of cycles) {
      const { meeting } = await getJson<{ meeting: { id: string } | null }>(
        base,
        pathOf(endpoints.getCycleMeeting, { cycleId: cycle.id }),
        cookie,
      );
      if (meeting) documents.push(`meeting:${meeting.id}:notes`);
      const { posts } = await getJson<{ posts: { id: string }[] }>(
        base,
        pathOf(endpoints.listPosts, { cycleId: cycle.id }),
        cookie,
      );
      documents.push(...posts.map((post) => `post:${post.id}:copy`));
    }
  }
  return { rooms: clients.map((c) => everyoneRoom(c.id)), documents };
}

async function startServer(): Promise<{ server: ChildProcess; base: string; dataDir: string }> {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plit-bench-flood-'));
  const base = `http://127.0.0.1:${port}`;
  const profile = opts.profile ? ['--cpu-prof', `--cpu-prof-dir=${opts.profile}`] : [];
  const server = spawn(process.execPath, [...profile, 'bin/plit.ts', 'start'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PLIT_DATA_DIR: dataDir,
      PLIT_DEMO: '1',
      LOG_LEVEL: 'warn',
      REMINDER_EVERY_SECONDS: '0',
      EMAIL_EVERY_SECONDS: '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 240; i++) {
    const ok = await request(base, 'GET', pathOf(endpoints.getHealth)).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return { server, base, dataDir };
    await sleep(500);
  }
  throw new Error('the server did not answer /api/health within 2 minutes');
}

async function main() {
  const hostLoadBefore = os.loadavg()[0]!;
  const { server, base, dataDir } = await startServer();
  const pid = server.pid!;
  const flooders: Flooder[] = [];
  try {
    const sessions = await signInSessions(base, Math.ceil(Math.max(liveCount, collabCount) / PER_SESSION));
    const { rooms, documents } = await discover(base, sessions[0]!);
    console.error(`${sessions.length} sessions, ${rooms.length} rooms, ${documents.length} documents`);

    await sleep(1000);
    let cpu = cpuMsOf(pid);
    const baseline = summarise('baseline', await probeHealth(base), cpuMsOf(pid) - cpu);
    console.log(JSON.stringify(baseline));

    for (let i = 0; i < liveCount; i++) {
      const cookie = sessions[i % sessions.length]!;
      flooders.push(await openSocket(liveSocketUrl(base), cookie, base, 'live'));
    }
    // Document changes are paced per person (LIVE-SPEC [S3]): their flood comes from every
    // member of the demo agency, each with one session per 15 sockets.
    const changers = updates
      ? (
          await Promise.all(
            AGENCY_PEOPLE.map((email) =>
              signInSessions(base, Math.ceil(collabCount / AGENCY_PEOPLE.length / PER_SESSION), email),
            ),
          )
        ).flat()
      : sessions;
    const usable: string[] = [];
    for (let i = 0; i < collabCount; i++) {
      const cookie = changers[i % changers.length]!;
      // Spread over the documents: a document's awareness goes to everyone who has it open.
      const candidates = usable.length >= 10 || documents.length === 0 ? usable : documents;
      for (let tries = 0; tries < candidates.length; tries++) {
        const name = candidates[(i + tries) % candidates.length]!;
        const opened = await openDocument(base, cookie, name);
        if (!opened) continue;
        if (!usable.includes(name)) usable.push(name);
        (opened as Flooder & { document?: string }).document = name;
        flooders.push(opened);
        break;
      }
    }
    const live = flooders.filter((f) => f.kind === 'live');
    const collab = flooders.filter((f) => f.kind === 'collab');
    console.error(
      `${live.length} live and ${collab.length} collaboration sockets open, on ${usable.length} documents`,
    );

    const ping = JSON.stringify({ type: 'ping' });
    for (const [i, flooder] of live.entries()) {
      const room = rooms[i % rooms.length]!;
      const subscribe = JSON.stringify({ type: 'subscribe', room });
      const unsubscribe = JSON.stringify({ type: 'unsubscribe', room });
      every(flooder, liveRate, (n) =>
        opts['live-frames'] === 'ping' ? ping : n % 2 ? unsubscribe : subscribe,
      );
    }
    for (const flooder of collab) {
      const name = (flooder as Flooder & { document?: string }).document!;
      const doc = new Y.Doc();
      every(flooder, collabRate, (n) =>
        updates ? updateMessage(name, doc, n) : awarenessMessage(name, doc.clientID, n),
      );
    }
    // Let the flood reach its pace before measuring.
    await sleep(2000);
    const sentBefore = flooders.reduce((sum, f) => sum + f.sent, 0);
    cpu = cpuMsOf(pid);
    const flood = summarise('flood', await probeHealth(base), cpuMsOf(pid) - cpu);
    const sent = (kind: Flooder['kind']) =>
      flooders.filter((f) => f.kind === kind).reduce((s, f) => s + f.sent, 0);
    const closed = flooders.filter((f) => f.closedWith !== null);
    const codes: Record<string, number> = {};
    for (const f of closed)
      codes[`${f.kind} ${f.closedWith}`] = (codes[`${f.kind} ${f.closedWith}`] ?? 0) + 1;
    const framesPerSecond = Math.round((flooders.reduce((s, f) => s + f.sent, 0) - sentBefore) / seconds);
    console.log(
      JSON.stringify({
        ...flood,
        liveSockets: live.length,
        collabSockets: collab.length,
        documents: usable.length,
        liveFramesSent: sent('live'),
        collabFramesSent: sent('collab'),
        framesPerSecond,
        liveFramesAnswered: live.reduce((s, f) => s + f.received, 0),
        floodSocketsClosed: closed.length,
        closeCodes: codes,
      }),
    );
    const targetMet = flood.p99Ms <= TARGET_P99_MS && closed.length === 0 && flood.failed === 0;
    console.log(
      JSON.stringify({
        summary: true,
        baselineP99Ms: baseline.p99Ms,
        floodP99Ms: flood.p99Ms,
        targetP99Ms: TARGET_P99_MS,
        floodSocketsClosed: closed.length,
        targetMet,
        hostLoad: [round(hostLoadBefore), round(os.loadavg()[0]!)],
        cores: os.availableParallelism(),
      }),
    );
    if (!targetMet) process.exitCode = 1;
  } finally {
    for (const f of flooders) {
      if (f.timer) clearInterval(f.timer);
      f.socket.terminate();
    }
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
