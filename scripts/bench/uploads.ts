/**
 * `npm run bench:uploads`: what a fact request upload costs the server, and what an oversized
 * one costs it. A real Plit server in its own process (fresh data folder, demo seeded, the
 * default 25 MB limit); the bench signs in as the demo's client contact and uploads to the
 * demo request's photo item over loopback:
 *
 * - baseline: a valid 20 MB file (a PNG head and 20 MB after it), three times;
 * - chunked: 2 GB sent with no declared length, as a browser streaming a huge file would;
 * - declared: 2 GB announced in Content-Length.
 *
 * For each: the answer's status, seconds until it, bytes the bench got to send, and the
 * server's peak resident memory above its level before the upload (read from /proc every 20 ms).
 * Target: an oversized upload is refused with 413 and costs no more memory than the valid
 * 20 MB one; the declared one before the body is read.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import zlib from 'node:zlib';

const GB = 1024 ** 3;
const MB = 1024 ** 2;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

const rssOf = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
};

function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const out = Buffer.alloc(data.length + 12);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(zlib.crc32(body), data.length + 8);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(8, 0);
  header.writeUInt32BE(8, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const pixels = zlib.deflateSync(Buffer.alloc(8 * 25, 120));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function main() {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plit-bench-uploads-'));
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ['bin/plit.ts', 'start'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PLIT_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      REMINDER_EVERY_SECONDS: '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (let i = 0; i < 240; i++) {
      const ok = await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await sleep(500);
    }
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ email: 'smm@kyivcoffee.demo', password: 'plit-demo' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const headers = { cookie, origin: base };
    const { clients } = await (await fetch(`${base}/api/clients`, { headers })).json();
    const coffee = clients.find((c: { name: string }) => c.name === 'Kyiv Coffee Roasters');
    const { cycles } = await (await fetch(`${base}/api/clients/${coffee.id}/cycles`, { headers })).json();
    const current = cycles.find((c: { stage: string }) => c.stage === 'content');
    const { request } = await (
      await fetch(`${base}/api/cycles/${current.id}/fact-request`, { headers })
    ).json();
    const item = request.items.find((i: { kind: string }) => i.kind === 'files');
    const url = `${base}/api/fact-items/${item.id}/files`;

    const upload = (bytes: number, declared: number | null) =>
      new Promise<{ status: number; seconds: number; sentMB: number; peakRssMB: number }>((resolve) => {
        const boundary = '----plitbench';
        const head = Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.png"\r\nContent-Type: image/png\r\n\r\n`,
          ),
          png(),
        ]);
        global.gc?.();
        const before = rssOf(server.pid!);
        let peak = before;
        const poll = setInterval(() => {
          peak = Math.max(peak, rssOf(server.pid!));
        }, 20);
        const started = performance.now();
        let sent = 0;
        let done = false;
        const finish = (status: number) => {
          if (done) return;
          done = true;
          clearInterval(poll);
          peak = Math.max(peak, rssOf(server.pid!));
          resolve({
            status,
            seconds: Number(((performance.now() - started) / 1000).toFixed(3)),
            sentMB: Math.round(sent / MB),
            peakRssMB: Number(((peak - before) / MB).toFixed(1)),
          });
        };
        const req = http.request(url, {
          method: 'POST',
          headers: {
            ...headers,
            'content-type': `multipart/form-data; boundary=${boundary}`,
            ...(declared !== null ? { 'content-length': String(declared) } : {}),
          },
        });
        req.on('response', (res) => {
          res.resume();
          res.on('end', () => {
            finish(res.statusCode ?? 0);
            req.destroy();
          });
        });
        req.on('error', () => finish(-1));
        const chunk = Buffer.alloc(MB, 7);
        const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
        const pump = () => {
          if (done) return;
          if (sent === 0) {
            req.write(head);
            sent += head.length;
          }
          while (sent < bytes && !done) {
            sent += chunk.length;
            if (!req.write(chunk)) return void req.once('drain', pump);
          }
          if (!done) req.end(tail);
        };
        pump();
      });

    const rows: Record<string, unknown>[] = [];
    for (let i = 0; i < 3; i++) rows.push({ case: 'valid 20 MB', ...(await upload(20 * MB, null)) });
    rows.push({ case: 'chunked 2 GB', ...(await upload(2 * GB, null)) });
    rows.push({ case: 'declared 2 GB', ...(await upload(2 * GB, 2 * GB)) });
    for (const row of rows) console.log(JSON.stringify(row));
    const valid = rows.filter((r) => r.case === 'valid 20 MB');
    const worstValid = Math.max(...valid.map((r) => r.peakRssMB as number));
    const over = rows.filter((r) => r.case !== 'valid 20 MB');
    const targetMet =
      valid.every((r) => r.status === 201) &&
      over.every((r) => r.status === 413 && (r.peakRssMB as number) <= Math.max(worstValid, 5));
    console.log(JSON.stringify({ summary: true, worstValidPeakRssMB: worstValid, targetMet }));
    if (!targetMet) process.exitCode = 1;
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
