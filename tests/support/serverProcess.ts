import type { ChildProcess } from 'node:child_process';
import { runPlit, stopPlit } from './plitProcess.ts';

export interface ServerProcess {
  readonly baseURL: string;
  readonly proc: ChildProcess;
  /** What it printed, for a failing test's message. */
  output(): string;
  /** Resolves with how it ended. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL unless it ended already; resolves once it has. */
  kill(): Promise<void>;
}

/**
 * `plit start` as an operator runs it (`runPlit`: its own process, its own environment, the
 * real signal handling), on `port`. Resolves once `options.path` (/api/health) answers.
 */
export async function startServerProcess(
  port: number,
  env: Record<string, string>,
  options: { waitMs?: number; path?: string; nodeArgs?: string[] } = {},
): Promise<ServerProcess> {
  const baseURL = `http://127.0.0.1:${port}`;
  const plit = runPlit(['start'], { PORT: String(port), ...env }, { nodeArgs: options.nodeArgs });
  const server: ServerProcess = {
    baseURL,
    proc: plit.child,
    output: plit.output,
    exited: plit.exited,
    kill: () => stopPlit(plit, 'SIGKILL'),
  };
  const deadline = Date.now() + (options.waitMs ?? 60_000);
  for (;;) {
    const { exitCode, signalCode } = plit.child;
    if (exitCode !== null || signalCode !== null) {
      throw new Error(`The server exited (${exitCode ?? signalCode}):\n${plit.output()}`);
    }
    const ok = await fetch(`${baseURL}${options.path ?? '/api/health'}`, {
      signal: AbortSignal.timeout(1000),
    })
      .then((res) => res.ok)
      .catch(() => false);
    if (ok) return server;
    if (Date.now() > deadline) {
      await server.kill();
      throw new Error(`The server did not answer in time:\n${plit.output()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
