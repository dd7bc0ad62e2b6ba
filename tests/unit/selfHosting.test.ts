import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../../src/server/env.ts';

// The self-hosting kit (Dockerfile, compose.yaml, deploy/Caddyfile) cannot be built or run here:
// the machines have a Docker CLI but no engine. These checks read the files instead, validate
// compose.yaml with Debian's docker-compose (the Compose Specification's JSON schema), and start
// the server from exactly the files the image's runtime stage copies.

const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'kit-selfhosting-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// ---- Dockerfile ----

interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

/**
 * Instructions as the builder reads them: a trailing `\` continues the line, `#` lines are
 * comments (also inside a continued instruction), keywords are case-insensitive.
 */
function parseDockerfile(text: string): Instruction[] {
  const instructions: Instruction[] = [];
  let pending: { text: string; line: number } | null = null;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line.startsWith('#') || (line === '' && !pending)) return;
    const joined = pending ? `${pending.text} ${line}` : line;
    const start = pending?.line ?? index + 1;
    if (joined.endsWith('\\')) {
      pending = { text: joined.slice(0, -1).trim(), line: start };
      return;
    }
    pending = null;
    const [, keyword = '', args = ''] = /^(\S+)\s*(.*)$/.exec(joined) ?? [];
    instructions.push({ keyword: keyword.toUpperCase(), args: args.trim(), line: start });
  });
  return instructions;
}

/** `["a", "b"]` (exec form) or `a b` (shell form, split on blanks). */
function words(args: string): string[] {
  if (args.startsWith('[')) return JSON.parse(args) as string[];
  return args.split(/\s+/).filter(Boolean);
}

/** `--from=build src… dest` → flags, sources and destination. */
function copyParts(args: string): { flags: Record<string, string>; sources: string[]; dest: string } {
  const all = words(args);
  const flags: Record<string, string> = {};
  while (all[0]?.startsWith('--')) {
    const [name = '', value = ''] = all.shift()!.slice(2).split('=');
    flags[name] = value;
  }
  const dest = all.pop() ?? '';
  return { flags, sources: all, dest };
}

/** `KEY=value KEY2=value2` (ENV, ARG) → a record; the legacy `ENV KEY value` form too. */
function assignments(args: string): Record<string, string> {
  const pairs = [...args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S*)/g)];
  if (pairs.length === 0) {
    const [key = '', ...rest] = args.split(/\s+/);
    return { [key]: rest.join(' ') };
  }
  return Object.fromEntries(pairs.map(([, key, value]) => [key!, value!.replace(/^"(.*)"$/, '$1')]));
}

const dockerfile = parseDockerfile(read('Dockerfile'));

/** Stages by FROM; instructions before the first FROM (global ARGs) are left out. */
function stages(
  instructions: Instruction[],
): Array<{ from: Instruction; name?: string; body: Instruction[] }> {
  const result: Array<{ from: Instruction; name?: string; body: Instruction[] }> = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const name = /\bAS\s+(\S+)$/i.exec(instruction.args)?.[1];
      result.push({ from: instruction, ...(name ? { name } : {}), body: [] });
    } else result.at(-1)?.body.push(instruction);
  }
  return result;
}

/** A FROM's image with the global ARGs' defaults filled in (`${NODE_IMAGE}` → `node:24-…`). */
function baseImage(from: Instruction, instructions: Instruction[]): string {
  const globals: Record<string, string> = {};
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') break;
    if (instruction.keyword === 'ARG') Object.assign(globals, assignments(instruction.args));
  }
  const image = words(from.args).find((word) => !word.startsWith('--')) ?? '';
  return image.replace(/\$\{?(\w+)\}?/g, (_, name: string) => globals[name] ?? '');
}

/**
 * The `.dockerignore` rules as the builder applies them: patterns in order, the last match wins,
 * `!` re-includes, and excluding a folder excludes what is in it.
 */
function dockerIgnored(file: string): boolean {
  const rules = read('.dockerignore')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const negate = line.startsWith('!');
      const pattern = path.posix.normalize((negate ? line.slice(1) : line).replace(/^\/+/, ''));
      const regex = pattern
        .split('/')
        .map((part) =>
          part === '**'
            ? '.*'
            : part
                .replace(/[.+^${}()|[\]\\]/g, '\\$&')
                .replace(/\*/g, '[^/]*')
                .replace(/\?/g, '[^/]'),
        )
        .join('/');
      return { negate, regex: new RegExp(`^${regex}$`) };
    });
  const parts = path.posix.normalize(file).replace(/^\.\//, '').split('/');
  // The path or any folder above it matching a rule counts, as the builder skips whole folders.
  const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
  let ignored = false;
  for (const rule of rules) if (prefixes.some((p) => rule.regex.test(p))) ignored = !rule.negate;
  return ignored;
}

describe('the Dockerfile', () => {
  const all = stages(dockerfile);
  const final = all.at(-1)!;

  it('[16.8] builds in stages, every one on a Node 24 base, and the web app in the build stage', () => {
    expect(all.length).toBeGreaterThanOrEqual(2);
    const stageNames = all.map((stage) => stage.name);
    for (const stage of all) {
      const image = baseImage(stage.from, dockerfile);
      if (stageNames.includes(image)) continue;
      expect(image, `line ${stage.from.line}`).toMatch(/^node:24(-[\w.-]+)?$/);
    }
    const runs = all.slice(0, -1).flatMap((stage) => stage.body.filter((i) => i.keyword === 'RUN'));
    expect(runs.map((run) => run.args).join('\n')).toMatch(/npm ci\b/);
    expect(runs.map((run) => run.args).join('\n')).toMatch(/vite build/);
    // Dev dependencies (vitest, playwright, …) stay out of the image.
    expect(runs.map((run) => run.args).join('\n')).toMatch(/npm prune --omit=dev|npm ci --omit=dev/);
  });

  it('[16.8] runs as a non-root USER, with a HEALTHCHECK on /api/health, and serves on all addresses without the demo', () => {
    const body = final.body;
    const users = body.filter((i) => i.keyword === 'USER');
    const start = body.findIndex((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
    expect(start).toBeGreaterThan(-1);
    const lastUser = users.filter((u) => body.indexOf(u) < start).at(-1);
    expect(lastUser, 'a USER before CMD/ENTRYPOINT').toBeDefined();
    expect(lastUser!.args.split(':')[0]).not.toMatch(/^(root|0)$/);
    // No switch back to root after it, before the process starts.
    expect(users.filter((u) => body.indexOf(u) > body.indexOf(lastUser!))).toEqual([]);

    const healthcheck = body.find((i) => i.keyword === 'HEALTHCHECK');
    expect(healthcheck?.args).toMatch(/\/api\/health/);
    const env = Object.assign(
      {},
      ...body.filter((i) => i.keyword === 'ENV').map((i) => assignments(i.args)),
    ) as Record<string, string>;
    expect(env).toMatchObject({ HOST: '0.0.0.0', PLIT_DEMO: '0', NODE_ENV: 'production' });
    expect(env.PLIT_DATA_DIR).toBeTruthy();
    expect(body.some((i) => i.keyword === 'VOLUME' && i.args.includes(env.PLIT_DATA_DIR!))).toBe(true);
    expect(body.some((i) => i.keyword === 'EXPOSE' && words(i.args).includes(env.PORT!))).toBe(true);
    expect(words(body[start]!.args)).toEqual(['node', 'bin/plit.ts', 'start']);
  });

  it('[16.8] copies only files that exist in the repository and that .dockerignore lets through', () => {
    const names = all.map((stage) => stage.name);
    const copies = all.flatMap((stage) =>
      stage.body.filter((i) => i.keyword === 'COPY' || i.keyword === 'ADD'),
    );
    expect(copies.length).toBeGreaterThan(3);
    for (const copy of copies) {
      const { flags, sources } = copyParts(copy.args);
      if (flags.from !== undefined) {
        // From an earlier stage of this file, not from an image or the context.
        expect(names.slice(0, -1), `line ${copy.line}`).toContain(flags.from);
        continue;
      }
      expect(copy.keyword, `line ${copy.line}: COPY, not ADD`).toBe('COPY');
      for (const source of sources) {
        expect(source, `line ${copy.line}: no wildcards or whole-context copies`).not.toMatch(
          /[*?[]|^\.\/?$/,
        );
        expect(existsSync(path.join(root, source)), `line ${copy.line}: ${source} exists`).toBe(true);
        // And is committed, not just lying in this checkout (a local build, a stray file).
        const tracked = spawnSync('git', ['ls-files', '--', source], { cwd: root, encoding: 'utf8' });
        if (tracked.status === 0)
          expect(tracked.stdout.trim(), `line ${copy.line}: ${source} in git`).not.toBe('');
        expect(dockerIgnored(source), `line ${copy.line}: ${source} is in .dockerignore`).toBe(false);
      }
    }
  });

  it('[16.8] .dockerignore keeps local secrets, data and installed packages out of the build context', () => {
    for (const file of [
      '.env',
      'data/plit.db',
      'node_modules/fastify/package.json',
      '.git/HEAD',
      'dist/web/index.html',
    ])
      expect(dockerIgnored(file), file).toBe(true);
    expect(dockerIgnored('.env.example')).toBe(false);
    expect(dockerIgnored('src/server/main.ts')).toBe(false);
  });

  it('[16.8] the build stage has what `vite build` needs, and makes what the runtime stage copies from it', () => {
    // The build stage's /app: its COPYs from the context, and this checkout's node_modules for
    // `npm ci`'s (pruning dev dependencies is knip's check: production code imports none).
    const [build] = all;
    const workdir = build!.body.find((i) => i.keyword === 'WORKDIR')!.args;
    const app = path.join(tmp, 'build');
    mkdirSync(app, { recursive: true });
    for (const copy of build!.body.filter((i) => i.keyword === 'COPY')) {
      const { sources, dest } = copyParts(copy.args);
      for (const source of sources) {
        const target = dest.endsWith('/')
          ? path.join(app, dest, path.basename(source))
          : path.join(app, dest);
        cpSync(path.join(root, source), target, { recursive: true });
      }
    }
    symlinkSync(path.join(root, 'node_modules'), path.join(app, 'node_modules'));
    expect(build!.body.some((i) => i.keyword === 'RUN' && /npx vite build\b/.test(i.args))).toBe(true);
    const vite = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'],
      { cwd: app, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } },
    );
    expect(vite.status, vite.stderr).toBe(0);
    for (const copy of final.body.filter((i) => i.keyword === 'COPY')) {
      const { flags, sources } = copyParts(copy.args);
      if (flags.from !== build!.name) continue;
      for (const source of sources) {
        expect(source.startsWith(`${workdir}/`), source).toBe(true);
        const made = path.join(app, path.relative(workdir, source));
        expect(existsSync(made), `line ${copy.line}: the build stage makes ${source}`).toBe(true);
      }
    }
    expect(existsSync(path.join(app, 'dist/web/index.html'))).toBe(true);
  }, 150_000);

  it('[16.8] the runtime stage has what the server needs: it starts from exactly those files, serves the web app and passes its own HEALTHCHECK', async () => {
    // /app as the runtime stage lays it out: files from the build context copied, the build
    // stage's node_modules linked (this checkout's), its dist/web stood in for by a marked page.
    const app = path.join(tmp, 'app');
    mkdirSync(app, { recursive: true });
    for (const copy of final.body.filter((i) => i.keyword === 'COPY')) {
      const { flags, sources, dest } = copyParts(copy.args);
      const target = (source: string) =>
        dest.endsWith('/') ? path.join(app, dest, path.basename(source)) : path.join(app, dest);
      for (const source of sources) {
        if (flags.from === undefined) cpSync(path.join(root, source), target(source), { recursive: true });
        else if (source.endsWith('/node_modules'))
          symlinkSync(path.join(root, 'node_modules'), target(source));
        else if (source.endsWith('/dist/web')) {
          mkdirSync(target(source), { recursive: true });
          writeFileSync(path.join(target(source), 'index.html'), '<!doctype html><title>kit-marker</title>');
        } else throw new Error(`line ${copy.line}: this test does not know what ${source} of a stage is`);
      }
    }
    const imageEnv = Object.assign(
      {},
      ...final.body.filter((i) => i.keyword === 'ENV').map((i) => assignments(i.args)),
    ) as Record<string, string>;
    const env = {
      PATH: process.env.PATH ?? '',
      ...imageEnv,
      // Loopback and a free port, not the image's 0.0.0.0:3000: this is a shared machine.
      HOST: '127.0.0.1',
      PORT: '0',
      PLIT_DATA_DIR: path.join(tmp, 'data'),
      EMAIL_EVERY_SECONDS: '0',
      REMINDER_EVERY_SECONDS: '0',
      MAIL_QUEUE_EVERY_SECONDS: '0',
    };
    const [command, ...args] = words(final.body.find((i) => i.keyword === 'CMD')!.args);
    expect(command).toBe('node');
    const server = spawn(process.execPath, args, { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await listeningAddress(server);
      expect((await fetch(`${url}/api/health`)).status).toBe(200);
      const page = await fetch(`${url}/clients/1`);
      expect(await page.text()).toContain('kit-marker');

      const port = new URL(url).port;
      const healthcheck = final.body.find((i) => i.keyword === 'HEALTHCHECK')!;
      const probe = words(healthcheck.args.replace(/^(--\S+\s+)*CMD\s+/, ''));
      expect(probe[0]).toBe('node');
      const check = () =>
        spawnSync(process.execPath, probe.slice(1), { env: { ...env, PORT: port }, timeout: 10_000 }).status;
      expect(check()).toBe(0);

      server.kill('SIGTERM');
      expect(await exitOf(server)).toBe(0);
      // And the same probe fails once nothing answers: it can tell a dead container.
      expect(check()).not.toBe(0);
    } finally {
      if (server.exitCode === null) server.kill('SIGKILL');
    }
  }, 180_000);
});

/** Fastify logs "Server listening at http://127.0.0.1:PORT" once it listens. */
function listeningAddress(server: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    server.stdout!.on('data', onData);
    server.stderr!.on('data', onData);
    server.once('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${output}`)));
  });
}

function exitOf(server: ChildProcess): Promise<number | null> {
  if (server.exitCode !== null) return Promise.resolve(server.exitCode);
  return new Promise((resolve) => server.once('exit', (code) => resolve(code)));
}

// ---- compose.yaml ----

const dockerCompose = spawnSync('which', ['docker-compose']).stdout?.toString().trim();
/** Caddy from Debian reads the Caddyfile when installed; without it the text checks above stand alone. */
const caddy = spawnSync('which', ['caddy']).stdout?.toString().trim();

/** What .env must add to .env.example before compose.yaml can be used: the secrets left blank. */
const secrets = {
  PLIT_DOMAIN: 'plit.example.com',
  POSTGRES_PASSWORD: 'a1b2c3d4e5f6',
  MINIO_ROOT_PASSWORD: 'f6e5d4c3b2a1',
};

/** `docker-compose config` with .env.example as the .env file and only the given variables set. */
function composeConfig(extra: Record<string, string>, file = 'compose.yaml', flags: string[] = []) {
  return spawnSync(
    dockerCompose!,
    [
      '--project-directory',
      root,
      '--env-file',
      path.join(root, '.env.example'),
      '-f',
      file,
      'config',
      ...flags,
    ],
    {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: tmp, ...extra },
      encoding: 'utf8',
      timeout: 30_000,
    },
  );
}

interface ComposeService {
  build?: { context: string; dockerfile?: string };
  image?: string;
  environment?: Record<string, string | null>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] | string };
  ports?: Array<{ target: number; published?: number | string }>;
  /** docker-compose 1.29 prints the short form, `source:target:mode`. */
  volumes?: string[];
  stop_grace_period?: string;
}

type Resolved = { services: Record<string, ComposeService>; volumes?: Record<string, unknown> };
let resolved: Resolved | undefined;

/** The file as compose resolves it (variables filled in), as JSON by way of PyYAML, docker-compose's own. */
function resolvedCompose(): Resolved {
  if (resolved) return resolved;
  const config = composeConfig(secrets);
  expect(config.status, config.stderr).toBe(0);
  const json = spawnSync(
    'python3',
    ['-c', 'import json, sys, yaml; print(json.dumps(yaml.safe_load(sys.stdin)))'],
    { input: config.stdout, encoding: 'utf8' },
  );
  expect(json.status, json.stderr).toBe(0);
  resolved = JSON.parse(json.stdout) as Resolved;
  return resolved;
}

/** A service's mounts as { source, target }: a named volume's source is its bare name. */
const mounts = (service: ComposeService) =>
  (service.volumes ?? []).map((volume) => {
    const [source = '', target = ''] = volume.split(':');
    return { source, target };
  });

/** The Plit nodes: the services built from this repository. */
const plitNodes = (services: Record<string, ComposeService>) =>
  Object.entries(services).filter(([, service]) => service.build);

const seconds = (duration: string) => {
  const match = /^(\d+)(ms|s|m)$/.exec(duration);
  if (!match) throw new Error(`duration ${duration}`);
  return Number(match[1]) * { ms: 0.001, s: 1, m: 60 }[match[2] as 'ms' | 's' | 'm'];
};

describe('.env.example for compose.yaml', () => {
  it('[16.8] lists every variable compose.yaml reads from .env, and ships no password', () => {
    const compose = read('compose.yaml').replace(/#.*$/gm, '');
    // `$$NAME` is left to a container's shell, not read from .env.
    const names = [...compose.matchAll(/(?<!\$)\$\{([A-Z_][A-Z0-9_]*)/g)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(3);
    const example = read('.env.example');
    const listed = (name: string) => new RegExp(`^#?\\s*${name}=`, 'm').test(example);
    expect([...new Set(names)].filter((name) => !listed(name))).toEqual([]);
    // Required ones (`${NAME:?…}`) that are secrets stay blank: compose stops until they are set.
    const required = [...compose.matchAll(/\$\{([A-Z_][A-Z0-9_]*):\?/g)].map((m) => m[1]!);
    for (const name of required.filter((n) => /PASSWORD|SECRET/.test(n)))
      expect(example, name).toMatch(new RegExp(`^${name}=$`, 'm'));
  });
});

describe.skipIf(!dockerCompose)("compose.yaml (needs Debian's docker-compose; .ci/run installs it)", () => {
  it('[16.8] validates against the Compose Specification (docker-compose config), and an unknown key fails it', () => {
    const valid = composeConfig(secrets, 'compose.yaml', ['-q']);
    expect(valid.status, valid.stderr).toBe(0);

    // The same check must be able to fail: one misspelt key in a copy.
    const broken = path.join(tmp, 'broken.yaml');
    writeFileSync(broken, read('compose.yaml').replace('stop_grace_period:', 'stop_grace_periode:'));
    const invalid = composeConfig(secrets, broken, ['-q']);
    expect(invalid.status).not.toBe(0);
    expect(invalid.stderr).toMatch(/stop_grace_periode/);
  });

  it('[16.8] refuses to start without the secrets .env must add, naming the missing one', () => {
    for (const missing of Object.keys(secrets)) {
      const rest = Object.fromEntries(Object.entries(secrets).filter(([name]) => name !== missing));
      const result = composeConfig(rest, 'compose.yaml', ['-q']);
      expect(result.status, missing).not.toBe(0);
      expect(result.stderr).toContain(`set ${missing} in .env`);
    }
  });

  it('[16.8] two Plit nodes built from the Dockerfile, on PostgreSQL, Redis and S3, started once those are ready', () => {
    const { services } = resolvedCompose();
    const nodes = plitNodes(services);
    expect(nodes.map(([name]) => name)).toEqual(['plit-a', 'plit-b']);
    for (const [name, node] of nodes) {
      expect(path.resolve(root, node.build!.context), name).toBe(root);
      expect(node.build!.dockerfile ?? 'Dockerfile', name).toBe('Dockerfile');
      const env = node.environment ?? {};
      expect(env.DATABASE_URL).toMatch(/^postgres:\/\/plit:a1b2c3d4e5f6@postgres:5432\/plit$/);
      expect(env.REDIS_URL).toMatch(/^redis:\/\/redis:6379$/);
      expect(env.S3_ENDPOINT).toMatch(/^http:\/\/minio:9000$/);
      expect(env.S3_BUCKET).toBeTruthy();
      expect(env.S3_FORCE_PATH_STYLE).toBe('true');
      expect(node.depends_on).toMatchObject({
        postgres: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
        'minio-bucket': { condition: 'service_completed_successfully' },
      });
      // Reachable only through the proxy: TRUST_PROXY=1 believes the one hop in front.
      expect(node.ports ?? [], name).toEqual([]);
      // The engine's SIGKILL comes after Plit's own grace period, not in the middle of it.
      expect(seconds(node.stop_grace_period ?? '10s')).toBeGreaterThan(Number(env.SHUTDOWN_GRACE_SECONDS));
    }
    for (const name of ['postgres', 'redis', 'minio'])
      expect(services[name]?.healthcheck, name).toBeDefined();
    // The bucket's one-shot makes the very bucket Plit uses.
    const bucketJob = JSON.stringify(services['minio-bucket']);
    expect(bucketJob).toContain(`mc mb --ignore-existing plit/${nodes[0]![1].environment!.S3_BUCKET}`);
    // What must survive a `docker compose down` lives in named volumes.
    const named = Object.keys(resolvedCompose().volumes ?? {});
    expect(mounts(services.postgres!).map((m) => m.source)).toEqual(
      expect.arrayContaining(['postgres-data']),
    );
    expect(mounts(services.minio!).map((m) => m.source)).toEqual(expect.arrayContaining(['minio-data']));
    expect(named).toEqual(expect.arrayContaining(['postgres-data', 'minio-data', 'caddy-data']));
  });

  it('[16.8] the proxy is the only way in and sends every request, WebSockets included, to both nodes', () => {
    const { services } = resolvedCompose();
    const published = Object.entries(services).filter(([, service]) => (service.ports ?? []).length > 0);
    expect(published.map(([name]) => name)).toEqual(['caddy']);
    expect(services.caddy!.ports!.map((p) => Number(p.published)).sort()).toEqual([443, 443, 80].sort());
    const mounted = mounts(services.caddy!).find((m) => m.target === '/etc/caddy/Caddyfile');
    expect(mounted && path.relative(root, mounted.source)).toBe('deploy/Caddyfile');

    const upstreams = plitNodes(services).map(([name, node]) => `${name}:${node.environment!.PORT}`);
    const caddyfile = read('deploy/Caddyfile').replace(/#.*$/gm, '');
    const proxy = /^\s*reverse_proxy\s+([^{\n]+)/m.exec(caddyfile);
    expect(proxy?.[1]?.trim().split(/\s+/).sort()).toEqual(upstreams.sort());
    // Caddy passes Upgrade/Connection through by itself; a header rule that strips them would not.
    expect(caddyfile).not.toMatch(/header_up\s+-?(Upgrade|Connection)/i);
    expect(caddyfile).toMatch(/health_uri\s+\/api\/health/);
  });

  it.skipIf(!caddy)(
    '[16.8] Caddy itself accepts deploy/Caddyfile: HTTPS for PLIT_DOMAIN, both nodes, health checked',
    () => {
      const { services } = resolvedCompose();
      const home = path.join(tmp, 'caddy');
      const adapted = spawnSync(
        caddy!,
        ['adapt', '--config', path.join(root, 'deploy/Caddyfile'), '--adapter', 'caddyfile', '--validate'],
        {
          encoding: 'utf8',
          timeout: 30_000,
          // Its own folders under the test's: --validate provisions the TLS app, which sets up storage.
          env: {
            PATH: process.env.PATH ?? '',
            HOME: home,
            XDG_DATA_HOME: home,
            XDG_CONFIG_HOME: home,
            PLIT_DOMAIN: services.caddy!.environment!.PLIT_DOMAIN!,
          },
        },
      );
      expect(adapted.status, adapted.stderr).toBe(0);
      const json = JSON.stringify(JSON.parse(adapted.stdout));
      expect(json).toContain('"host":["plit.example.com"]');
      expect(json).toContain('":443"');
      const dials = [...json.matchAll(/"dial":"([^"]+)"/g)].map((m) => m[1]).sort();
      const upstreams = plitNodes(services).map(([name, node]) => `${name}:${node.environment!.PORT}`);
      expect(dials).toEqual(upstreams.sort());
      expect(json).toContain('"uri":"/api/health"');
    },
  );

  it('[16.8] every variable compose passes to Plit is one src/server/env.ts reads, and together they start it', () => {
    const { services } = resolvedCompose();
    for (const [name, node] of plitNodes(services)) {
      const environment = Object.fromEntries(
        Object.entries(node.environment ?? {}).map(([key, value]) => [key, value ?? '']),
      );
      // loadEnv keeps the variables its schema knows and drops any other: a misspelt or
      // invented name in compose.yaml is missing from what it returns.
      const loaded = loadEnv(environment) as unknown as Record<string, unknown>;
      const unknown = Object.keys(environment).filter((key) => !(key in loaded));
      expect(unknown, name).toEqual([]);
      expect(loaded).toMatchObject({
        publicUrl: 'https://plit.example.com',
        TRUST_PROXY: 1,
        PLIT_DEMO: false,
        HOST: '0.0.0.0',
      });
    }
  });
});
