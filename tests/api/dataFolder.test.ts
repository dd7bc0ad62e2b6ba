import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../src/server/db/connect.ts';
import { lockHolder } from '../../src/server/db/dataFolder.ts';
import { type PlitProcess, runPlit, stopPlit } from '../support/plitProcess.ts';

const PORT = 3381;
const started: PlitProcess[] = [];
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'lock-folder-'));
});
afterAll(async () => {
  for (const proc of started) await stopPlit(proc, 'SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

const plit = (args: string[], env: Record<string, string> = {}) => {
  const proc = runPlit(args, { PLIT_DATA_DIR: dataDir, PORT: String(PORT), ...env });
  started.push(proc);
  return proc;
};

const health = async () => (await fetch(`http://127.0.0.1:${PORT}/api/health`)).status;

describe('the PGlite data folder belongs to one process', () => {
  it('[16.2] a second process on a folder in use exits at once, naming the folder and the process holding it', async () => {
    const first = plit(['start']);
    await first.waitFor('Plit is running');
    expect(lockHolder(dataDir)).toMatchObject({ pid: first.pid, host: os.hostname() });

    // Before the lock this second server started too, on the same folder, and 30 of the 60
    // writes it acknowledged were gone after both stopped (issue 16).
    const began = Date.now();
    const second = plit(['start'], { PORT: String(PORT + 1) });
    const { code } = await second.exited;
    expect(code).not.toBe(0);
    expect(Date.now() - began).toBeLessThan(15_000);
    expect(second.output()).toContain(`The data folder ${dataDir} is in use by process ${first.pid}`);
    expect(second.output()).not.toContain('Plit is running');

    // Every command that opens the folder is turned away, not only `start`.
    const migrate = plit(['migrate']);
    expect((await migrate.exited).code).not.toBe(0);
    expect(migrate.output()).toContain(`in use by process ${first.pid}`);
    // And the first one serves on, untouched.
    expect(await health()).toBe(200);
    await stopPlit(first);
    expect(lockHolder(dataDir)).toBeNull();
  }, 180_000);

  it('[16.2] a lock left by a process killed with kill -9 is taken over by the next start, and by only one of two racing', async () => {
    const crashed = plit(['start']);
    await crashed.waitFor('Plit is running');
    await stopPlit(crashed, 'SIGKILL');

    const next = plit(['start']);
    await next.waitFor('Plit is running');
    expect(await health()).toBe(200);
    expect(lockHolder(dataDir)).toMatchObject({ pid: next.pid });
    await stopPlit(next, 'SIGKILL');

    // Two processes finding the same crashed holder at once: exactly one takes over.
    const racers = [plit(['start']), plit(['start'], { PORT: String(PORT + 1) })];
    // The loser's wait fails (it ended without serving): `any` waits for the one that serves.
    const outcome = await Promise.any(
      racers.map((racer) => racer.waitFor('Plit is running').then(() => racer)),
    );
    const loser = racers.find((racer) => racer !== outcome)!;
    expect((await loser.exited).code).not.toBe(0);
    expect(loser.output()).toContain(`in use by process ${outcome.pid}`);
    expect(lockHolder(dataDir)).toMatchObject({ pid: outcome.pid });
    await stopPlit(outcome);
  }, 240_000);

  it('[16.2] two opens in one process are refused too, and a clean close releases the folder', async () => {
    const database = await connect({ dataDir });
    expect(lockHolder(dataDir)).toMatchObject({ pid: process.pid });
    await expect(connect({ dataDir })).rejects.toThrow(`in use by process ${process.pid}`);
    await database.close();
    expect(lockHolder(dataDir)).toBeNull();
    const again = await connect({ dataDir });
    await again.close();
  });
});
