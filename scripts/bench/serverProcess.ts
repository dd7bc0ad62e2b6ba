import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FromServer, PlitMeeting, ServerKind, ToServer } from './protocol.ts';

const entry: Record<ServerKind, string> = {
  'ws-relay': 'relay.ts',
  hocuspocus: 'hocuspocus.ts',
  plit: 'plit.ts',
};

export interface Probe {
  cpuUs: number;
  rss: number;
  heap: number;
}

/** A server under test, alone in its own process, so its CPU and memory are its own. */
export class ServerProcess {
  readonly kind: ServerKind;
  port = 0;
  meeting: PlitMeeting | null = null;
  private readonly child: ChildProcess;
  private tempDir: string | null = null;
  private readonly exited: Promise<unknown>;

  private constructor(kind: ServerKind) {
    this.kind = kind;
    // Plit's database folder is made here, so it is removed even if the server dies starting.
    if (kind === 'plit') this.tempDir = mkdtempSync(path.join(tmpdir(), 'plit-bench-'));
    const args = this.tempDir ? [template(), this.tempDir] : [];
    this.child = fork(new URL(`./servers/${entry[kind]}`, import.meta.url), args, {
      // --expose-gc: the memory probe collects garbage first. --no-memory-reducer: a freshly
      // started process shrinks its heap with full collections 8 to 20 s after start-up, right
      // inside the measured window; a server that has been up for a while has long done that.
      execArgv: ['--expose-gc', '--no-memory-reducer', '--disable-warning=ExperimentalWarning'],
      // Keep the server's own output off stdout, which carries only the results.
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    this.exited = once(this.child, 'exit');
  }

  static async start(kind: ServerKind): Promise<ServerProcess> {
    const server = new ServerProcess(kind);
    live.add(server);
    const ready = (await server.next('ready', 120_000)) as Extract<FromServer, { type: 'ready' }>;
    server.port = ready.port;
    server.meeting = ready.meeting;
    return server;
  }

  async probe(collect: boolean): Promise<Probe> {
    const answer = this.next('probe', 30_000);
    this.tell({ type: 'probe', collect });
    const { cpuUs, rss, heap } = (await answer) as Extract<FromServer, { type: 'probe' }>;
    return { cpuUs, rss, heap };
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.tell({ type: 'stop' });
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
      await this.exited;
      clearTimeout(timer);
    }
    this.removeTempDir();
    live.delete(this);
  }

  /** Last resort on the way out (interrupted, crashed): no waiting, no messages. */
  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    this.removeTempDir();
  }

  private removeTempDir(): void {
    if (this.tempDir) rmSync(this.tempDir, { recursive: true, force: true });
  }

  private tell(message: ToServer): void {
    this.child.send(message);
  }

  private next(type: FromServer['type'], ms: number): Promise<FromServer> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`${this.kind} server: no ${type} within ${ms} ms`)), ms);
      const onMessage = (message: FromServer) => {
        if (message.type === type) done(null, message);
      };
      const onExit = (code: number | null) => done(new Error(`${this.kind} server exited (${code})`));
      const done = (err: Error | null, message?: FromServer) => {
        clearTimeout(timer);
        this.child.off('message', onMessage);
        this.child.off('exit', onExit);
        if (err) reject(err);
        else resolve(message!);
      };
      this.child.on('message', onMessage);
      this.child.on('exit', onExit);
    });
  }
}

const live = new Set<ServerProcess>();

// Creating a PGlite database takes seconds (initdb); the first Plit server makes a migrated
// one here and every Plit server starts on its own copy of it.
let templateDir: string | null = null;
const template = () => (templateDir ??= mkdtempSync(path.join(tmpdir(), 'plit-bench-template-')));

/** Kill whatever server is still running and remove every folder: the bench leaves nothing behind. */
export function cleanUp(): void {
  for (const server of live) server.kill();
  live.clear();
  if (templateDir) rmSync(templateDir, { recursive: true, force: true });
  templateDir = null;
}
