import { type ChildProcess, spawn } from 'node:child_process';
import { cp, lstat, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { urlOf } from '../../src/shared/api/endpoint.ts';
import { mailSinkSmtpUrl } from './mailbox.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Every server a spec started, so none outlives the test process however it ends. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * A Plit server of the spec's own, on its own port and fresh data folder (seeded with the
 * demo), which the spec may stop and start again: Playwright's webServer cannot be restarted
 * from a test. The same command and settings as playwright.config.ts.
 */
export interface OwnServer {
  readonly baseURL: string;
  readonly dataDir: string;
  /** Start (again, on the same folder and port) and wait until /api/health answers. */
  start(): Promise<void>;
  /** SIGTERM: a graceful stop. SIGKILL: a crash, nothing flushed or closed. Resolves when it exited. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** A copy of the data folder as it is on disk now (the server should be stopped). */
  snapshot(): Promise<string>;
  /** Stop it if it runs and delete its data (and snapshots). */
  dispose(): Promise<void>;
}

async function healthy(baseURL: string): Promise<boolean> {
  try {
    const res = await fetch(`${baseURL}${urlOf(endpoints.getHealth)}`, { signal: AbortSignal.timeout(1000) });
    return res.ok;
  } catch {
    return false;
  }
}

export async function ownServer(port: number): Promise<OwnServer> {
  const baseURL = `http://localhost:${port}`;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `plit-e2e-own-${port}-`));
  const copies: string[] = [];
  let child: ChildProcess | null = null;
  let output = '';

  const exited = (proc: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) resolve();
      else proc.once('exit', () => resolve());
    });

  const server: OwnServer = {
    baseURL,
    dataDir,

    async start() {
      if (child) throw new Error('The server is running already');
      if (await healthy(baseURL)) throw new Error(`Port ${port} is taken by another server`);
      output = '';
      // process.execPath: the Node 24 that runs Playwright (npx puts the project's `node` first).
      const proc = spawn(process.execPath, ['bin/plit.ts', 'start'], {
        cwd: repoRoot,
        env: {
          ...process.env,
          PORT: String(port),
          HOST: 'localhost',
          PLIT_DATA_DIR: dataDir,
          PLIT_DEMO: '1',
          LOG_LEVEL: 'warn',
          SMTP_URL: mailSinkSmtpUrl(),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = proc;
      running.add(proc);
      const keep = (chunk: Buffer) => {
        output = (output + chunk.toString()).slice(-8000);
      };
      proc.stdout?.on('data', keep);
      proc.stderr?.on('data', keep);
      proc.once('exit', () => {
        running.delete(proc);
        if (child === proc) child = null;
      });

      const deadline = Date.now() + 90_000;
      while (!(await healthy(baseURL))) {
        if (proc.exitCode !== null || proc.signalCode !== null) {
          throw new Error(`The server exited (${proc.exitCode ?? proc.signalCode}):\n${output}`);
        }
        if (Date.now() > deadline) {
          proc.kill('SIGKILL');
          throw new Error(`The server did not answer /api/health in time:\n${output}`);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    },

    async stop(signal = 'SIGTERM') {
      const proc = child;
      if (!proc) return;
      proc.kill(signal);
      const done = exited(proc);
      const late = setTimeout(() => proc.kill('SIGKILL'), 15_000);
      await done;
      clearTimeout(late);
    },

    async snapshot() {
      const copy = `${dataDir}-copy-${copies.length + 1}`;
      // A crash leaves the server's backup socket (plit.sock) behind; a socket cannot be copied,
      // and the copy is only read, never served from.
      await cp(dataDir, copy, {
        recursive: true,
        filter: async (source) => !(await lstat(source)).isSocket(),
      });
      copies.push(copy);
      return copy;
    },

    async dispose() {
      await server.stop('SIGTERM');
      for (const dir of [dataDir, ...copies]) await rm(dir, { recursive: true, force: true });
    },
  };
  return server;
}
