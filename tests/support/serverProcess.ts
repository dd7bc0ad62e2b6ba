import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Every server a test started, so none outlives the test process however it ends. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export interface ServerProcess {
  readonly baseURL: string;
  readonly proc: ChildProcess;
  /** What it printed (the last 16 kB), for a failing test's message. */
  output(): string;
  /** Resolves with how it ended. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL unless it ended already; resolves once it has. */
  kill(): Promise<void>;
}

/**
 * `plit start` as an operator runs it: its own process, its own environment, the real signal
 * handling. Resolves once /api/health answers on `port`.
 */
export async function startServerProcess(
  port: number,
  env: Record<string, string>,
  options: { waitMs?: number; path?: string; nodeArgs?: string[] } = {},
): Promise<ServerProcess> {
  const baseURL = `http://127.0.0.1:${port}`;
  // process.execPath: the Node 24 running the tests, the one `plit` needs.
  const proc = spawn(process.execPath, [...(options.nodeArgs ?? []), 'bin/plit.ts', 'start'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(proc);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-16_000);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once('exit', (code, signal) => {
      running.delete(proc);
      resolve({ code, signal });
    }),
  );
  const server: ServerProcess = {
    baseURL,
    proc,
    output: () => output,
    exited,
    async kill() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
      await exited;
    },
  };
  const deadline = Date.now() + (options.waitMs ?? 60_000);
  for (;;) {
    if (proc.exitCode !== null || proc.signalCode !== null) {
      throw new Error(`The server exited (${proc.exitCode ?? proc.signalCode}):\n${output}`);
    }
    const ok = await fetch(`${baseURL}${options.path ?? '/api/health'}`, {
      signal: AbortSignal.timeout(1000),
    })
      .then((res) => res.ok)
      .catch(() => false);
    if (ok) return server;
    if (Date.now() > deadline) {
      await server.kill();
      throw new Error(`The server did not answer in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
