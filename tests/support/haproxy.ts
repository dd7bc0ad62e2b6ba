import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** The haproxy binary from Debian's package, or null when it is not installed. */
export function findHaproxy(): string | null {
  for (const candidate of ['haproxy', '/usr/sbin/haproxy']) {
    if (spawnSync(candidate, ['-v'], { stdio: 'ignore' }).status === 0) return candidate;
  }
  return null;
}

export interface HaproxyProcess {
  readonly baseURL: string;
  stop(): Promise<void>;
}

/**
 * haproxy in front of Plit nodes, as an operator would put it: round robin, WebSocket upgrades
 * passed through (HTTP mode does it; `timeout tunnel` keeps quiet sockets open), health checks
 * on /api/health, and a request whose node is down (or refuses the connection) sent to another.
 *
 * For the test only: `x-served-by` on every answer names the node, and a request carrying
 * `x-plit-node: <name>` goes to that node while it is up (to put a client on a known node, as
 * round robin does by chance); once that node is down the header is ignored.
 */
export async function startHaproxy(
  binary: string,
  port: number,
  nodes: Array<{ name: string; port: number }>,
): Promise<HaproxyProcess> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'stop-haproxy-'));
  const config = path.join(dir, 'haproxy.cfg');
  await writeFile(
    config,
    [
      'global',
      '  maxconn 512',
      'defaults',
      '  mode http',
      '  timeout connect 1s',
      '  timeout client 60s',
      '  timeout server 60s',
      '  timeout tunnel 120s',
      '  retries 3',
      '  option redispatch 1',
      'frontend plit',
      `  bind 127.0.0.1:${port}`,
      '  default_backend nodes',
      'backend nodes',
      '  balance roundrobin',
      '  option httpchk GET /api/health',
      '  http-check expect status 200',
      '  default-server inter 300ms fall 1 rise 1',
      '  http-response set-header x-served-by %s',
      ...nodes.map((n) => `  use-server ${n.name} if { req.hdr(x-plit-node) -m str ${n.name} }`),
      ...nodes.map((n) => `  server ${n.name} 127.0.0.1:${n.port} check`),
      '',
    ].join('\n'),
  );
  const check = spawnSync(binary, ['-c', '-f', config], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`haproxy refused its config:\n${check.stdout}${check.stderr}`);
  // -db: stay in the foreground, so the test owns the process and stops it by its id.
  const proc: ChildProcess = spawn(binary, ['-db', '-f', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  proc.stdout?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  proc.stderr?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const baseURL = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    await exited;
    await rm(dir, { recursive: true, force: true });
  };
  process.once('exit', () => proc.kill('SIGKILL'));
  // Up once every node answered through it.
  const seen = new Set<string>();
  const deadline = Date.now() + 10_000;
  while (seen.size < nodes.length) {
    if (proc.exitCode !== null) throw new Error(`haproxy exited:\n${output}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`haproxy did not reach every node (saw ${[...seen].join(', ')}):\n${output}`);
    }
    const served = await fetch(`${baseURL}/api/health`, { signal: AbortSignal.timeout(1000) })
      .then((res) => (res.ok ? res.headers.get('x-served-by') : null))
      .catch(() => null);
    if (served) seen.add(served);
    else await new Promise((r) => setTimeout(r, 100));
  }
  return { baseURL, stop };
}
