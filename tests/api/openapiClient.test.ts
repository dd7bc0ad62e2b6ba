import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import createClient from 'openapi-fetch';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeAgency, PASSWORD } from '../support/factories.ts';
import { listen } from '../support/live.ts';
import { makePlanForMeeting } from '../support/meetings.ts';

/**
 * A stranger's client, made the way an integrator makes one: openapi-typescript turns the served
 * document into types, openapi-fetch calls the API with them. The client below is what such an
 * integrator writes; it must compile against the generated types and download the deck.
 */
const CLIENT = `import type { Client } from 'openapi-fetch';
import type { paths } from './schema.ts';

export function plit(client: Client<paths>, document: { paths: Record<string, any> }) {
  let cookie = '';
  /** How the document says the answer comes: JSON is parsed, a file is read as bytes. */
  const parseAs = (path: string) =>
    Object.keys(document.paths[path].get.responses['200'].content).some((t) => t.includes('json'))
      ? ('json' as const)
      : ('arrayBuffer' as const);
  return {
    async logIn(email: string, password: string) {
      const { data, error, response } = await client.POST('/api/auth/login', { body: { email, password } });
      // The error schema is typed: an integrator reads the code without a cast.
      if (error) throw new Error(error.error.code);
      cookie = (response.headers.getSetCookie()[0] ?? '').split(';')[0]!;
      return data.user.email;
    },
    async deck(cycleId: string) {
      const { data, error, response } = await client.GET('/api/cycles/{cycleId}/deck.pptx', {
        params: { path: { cycleId }, query: { lang: 'uk' } },
        headers: { cookie },
        parseAs: parseAs('/api/cycles/{cycleId}/deck.pptx'),
      });
      if (error) throw new Error(error.error.code);
      return { bytes: new Uint8Array(data as unknown as ArrayBuffer), type: response.headers.get('content-type') };
    },
  };
}
`;

let t: TestApp;
let baseUrl: string;
let dir: string;
beforeAll(async () => {
  t = await createTestApp();
  baseUrl = `http://${await listen(t.app)}`;
  dir = mkdtempSync(path.join(os.tmpdir(), 'plit-client-'));
  // The generated client resolves openapi-fetch (and tsc its types) from the project's packages.
  symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'), 'dir');
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a client generated from the OpenAPI document', () => {
  it('[18.8] compiles with the generated types, logs in and downloads the deck as PPTX bytes', async () => {
    // The document as a stranger gets it: over HTTP from the running server.
    const document = await (await fetch(`${baseUrl}/api/openapi.json`)).json();
    writeFileSync(path.join(dir, 'schema.ts'), astToString(await openapiTS(document)));
    writeFileSync(path.join(dir, 'client.ts'), CLIENT);

    const tsc = path.join(
      path.dirname(createRequire(import.meta.url).resolve('typescript/package.json')),
      'bin/tsc',
    );
    const compiled = spawnSync(
      process.execPath,
      [
        tsc,
        '--noEmit',
        '--strict',
        '--target',
        'es2024',
        '--lib',
        'es2024,dom',
        '--module',
        'nodenext',
        '--allowImportingTsExtensions',
        '--skipLibCheck',
        '--types',
        'node',
        path.join(dir, 'client.ts'),
      ],
      { encoding: 'utf8', cwd: dir, timeout: 120_000 },
    );
    expect(compiled.stdout + compiled.stderr).toBe('');
    expect(compiled.status).toBe(0);

    const agency = await makeAgency(t.database.db);
    const plan = await makePlanForMeeting(t.database.db, agency);
    const { plit } = (await import(pathToFileURL(path.join(dir, 'client.ts')).href)) as {
      plit: (
        client: unknown,
        document: unknown,
      ) => {
        logIn(email: string, password: string): Promise<string>;
        deck(cycleId: string): Promise<{ bytes: Uint8Array; type: string | null }>;
      };
    };
    // openapi-fetch's own client; the typed module above only gives it its paths.
    const client = plit(createClient({ baseUrl }), document);
    expect(await client.logIn(agency.contentManager.email, PASSWORD)).toBe(agency.contentManager.email);
    // No `Unexpected token 'P', "PK…" is not valid JSON`: the document said it is not JSON.
    const deck = await client.deck(plan.cycle.id);
    expect(deck.type).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');
    expect(Buffer.from(deck.bytes.subarray(0, 4)).toString('latin1')).toBe('PK\u0003\u0004');
    expect(deck.bytes.length).toBeGreaterThan(10_000);
  });
});
