import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Every process a test started, so none outlives the test run however it ends. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export interface PlitProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  /** stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (or signal) once it ended. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves when `text` appears in the output; rejects if the process ends first. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
}

/**
 * `plit <args>` as an operator runs it, in its own process, with the environment given (on top
 * of this one's, without DATABASE_URL unless given: a data folder test must not reach a server).
 */
export function runPlit(
  args: string[],
  env: Record<string, string>,
  options: { nodeArgs?: string[] } = {},
): PlitProcess {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const node = path.join(repoRoot, 'node_modules/.bin/node');
  const child = spawn(node, [...(options.nodeArgs ?? []), 'bin/plit.ts', ...args], {
    cwd: repoRoot,
    env: { ...inherited, LOG_LEVEL: 'warn', PLIT_DEMO: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let text = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    text += chunk.toString();
    for (const l of listeners) l();
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      for (const l of listeners) l();
      resolve({ code, signal });
    });
  });
  return {
    child,
    pid: child.pid!,
    output: () => text,
    exited,
    waitFor(wanted, timeoutMs = 120_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = typeof wanted === 'string' ? text.includes(wanted) : wanted.test(text);
          if (found) {
            done();
            resolve();
          } else if (child.exitCode !== null || child.signalCode !== null) {
            done();
            reject(new Error(`plit ${args.join(' ')} ended before saying ${wanted}:\n${text}`));
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`plit ${args.join(' ')} did not say ${wanted} in ${timeoutMs} ms:\n${text}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
  };
}

/** Ends a process this test started (by its pid), and waits until it is gone. */
export async function stopPlit(proc: PlitProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (proc.child.exitCode === null && proc.child.signalCode === null) proc.child.kill(signal);
  await proc.exited;
}
