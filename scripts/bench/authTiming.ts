/**
 * `npm run bench:auth-timing`: does the answer to a magic-link or password-reset request tell
 * whether the address has an account (issue 14, finding 9)? A real Plit server in its own
 * process (fresh data folder, demo seeded, no SMTP, its mail worker running as in production);
 * the bench asks N times per case, interleaved (contact, staff member, unknown address, in a
 * random order each round, so a hiccup of the machine lands on all three alike), each request over a
 * new connection from its own loopback address (127.0.x.y), so the per-address limit of 5
 * requests per 15 minutes never answers instead of the handler.
 *
 * Prints one JSON line per kind and case (median and p95 in ms, statuses), then one line per
 * kind with the largest difference of medians between the cases.
 *
 *   node scripts/bench/authTiming.ts [--n=300]
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({ options: { n: { type: 'string' } } });
const N = Number(args.n ?? 300);

const cases = {
  contact: 'marketing@kyivcoffee.demo',
  staff: 'cm@plit.demo',
  unknown: 'nobody-at-all@plit.demo',
} as const;
type CaseName = keyof typeof cases;
const kinds = { magic: '/api/auth/magic-link', reset: '/api/auth/password-reset' } as const;
type KindName = keyof typeof kinds;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

let addresses = 0;
/** A loopback address of its own for each request (127.0.0.0/8 is all loopback on Linux). */
const nextAddress = () => {
  addresses += 1;
  return `127.${1 + (addresses >> 16)}.${(addresses >> 8) & 255}.${addresses & 255}`;
};

function post(port: number, urlPath: string, email: string) {
  const body = JSON.stringify({ email });
  return new Promise<{ status: number; ms: number }>((resolve, reject) => {
    const started = performance.now();
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: urlPath,
        method: 'POST',
        localAddress: nextAddress(),
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          origin: `http://127.0.0.1:${port}`,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const shuffled = <T>(items: readonly T[]) => {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const round2 = (x: number) => Math.round(x * 100) / 100;

async function main() {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plit-bench-auth-'));
  const server = spawn(process.execPath, ['bin/plit.ts', 'start'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PLIT_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      REMINDER_EVERY_SECONDS: '0',
      SMTP_URL: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (let i = 0; i < 240; i++) {
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await sleep(500);
    }
    const samples = new Map<string, number[]>();
    const statuses = new Map<string, Set<number>>();
    const names = Object.keys(cases) as CaseName[];
    // Warm-up: the first requests pay for compiling code paths, on every case alike.
    for (const kind of Object.keys(kinds) as KindName[])
      for (const name of names) await post(port, kinds[kind], cases[name]);
    for (let round = 0; round < N; round++) {
      for (const kind of Object.keys(kinds) as KindName[]) {
        // A fresh random order each time: no case always follows another (the mail worker's
        // round after an account's request must not land on the same case every time).
        for (const name of shuffled(names)) {
          const { status, ms } = await post(port, kinds[kind], cases[name]);
          const key = `${kind}:${name}`;
          samples.set(key, [...(samples.get(key) ?? []), ms]);
          statuses.set(key, (statuses.get(key) ?? new Set()).add(status));
        }
      }
      if (round % 50 === 49) process.stderr.write(`${round + 1}/${N} rounds\n`);
    }
    for (const kind of Object.keys(kinds) as KindName[]) {
      const medians: number[] = [];
      for (const name of names) {
        const sorted = [...samples.get(`${kind}:${name}`)!].sort((a, b) => a - b);
        const median = percentile(sorted, 50);
        medians.push(median);
        console.log(
          JSON.stringify({
            kind,
            case: name,
            n: sorted.length,
            medianMs: round2(median),
            p95Ms: round2(percentile(sorted, 95)),
            statuses: [...statuses.get(`${kind}:${name}`)!],
          }),
        );
      }
      console.log(
        JSON.stringify({ kind, medianSpreadMs: round2(Math.max(...medians) - Math.min(...medians)) }),
      );
    }
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
