import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allEndpoints } from '../../src/shared/api/catalogue.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { raw } from '../support/http.ts';

// biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document is plain JSON, read by key
type Json = Record<string, any>;

let t: TestApp;
let doc: Json;
beforeAll(async () => {
  t = await createTestApp();
  doc = (await raw(t.app, 'GET', '/api/openapi.json')).body;
});
afterAll(() => t.close());

const operation = (method: string, path: string): Json => doc.paths[path][method];

describe('the OpenAPI document', () => {
  it('describes every endpoint of the catalogue with its operationId', () => {
    const ids = Object.values(doc.paths as Record<string, Record<string, Json>>)
      .flatMap((item) => Object.values(item))
      .map((op) => op.operationId);
    expect(ids.sort()).toEqual(allEndpoints.map((e) => e.operationId).sort());
  });

  it('declares downloads and uploads with their real media types, not as JSON', () => {
    const content = (op: Json, status = '200') => Object.keys(op.responses[status].content);
    expect(content(operation('get', '/api/cycles/{cycleId}/deck.pptx'))).toEqual([
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ]);
    expect(content(operation('get', '/api/cycles/{cycleId}/deck.pdf'))).toEqual(['application/pdf']);
    expect(content(operation('get', '/api/cycles/{cycleId}/schedule.csv'))).toEqual(['text/csv']);
    expect(content(operation('get', '/api/feeds/{feed}'))).toEqual(['text/calendar']);
    expect(content(operation('get', '/api/fact-requests/{requestId}/packs/{topicId}'))).toEqual([
      'application/zip',
    ]);
    const upload = operation('post', '/api/posts/{postId}/assets').requestBody.content;
    expect(upload['multipart/form-data'].schema.properties.file).toEqual({
      type: 'string',
      format: 'binary',
    });
    expect(
      Object.keys(operation('post', '/api/cycles/{cycleId}/topics/import').requestBody.content),
    ).toContain('text/csv');
  });

  it('says which operations need no session, and what every error looks like', () => {
    expect(operation('post', '/api/auth/login').security).toEqual([]);
    expect(operation('get', '/api/feeds/{feed}').security).toEqual([]);
    expect(operation('get', '/api/clients').security).toBeUndefined();
    expect(operation('get', '/api/clients').responses['4XX'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/ErrorBody',
    });
  });

  it('[18.8] gives every 4xx answer the error schema, the range and each code an operation names', () => {
    const missing: string[] = [];
    let explicit = 0;
    for (const [p, item] of Object.entries(doc.paths as Record<string, Record<string, Json>>)) {
      for (const [method, op] of Object.entries(item)) {
        for (const [status, answer] of Object.entries(op.responses as Record<string, Json>)) {
          if (!/^4(XX|\d\d)$/.test(status)) continue;
          if (status !== '4XX') explicit++;
          if (answer.content?.['application/json']?.schema?.$ref !== '#/components/schemas/ErrorBody')
            missing.push(`${method.toUpperCase()} ${p} ${status}`);
        }
        if (!op.responses['4XX']) missing.push(`${method.toUpperCase()} ${p} 4XX`);
      }
    }
    expect(missing).toEqual([]);
    // The outbox's download names its 403 and 404: the rule is checked on real explicit codes.
    expect(explicit).toBeGreaterThan(0);
    expect(operation('get', '/api/outbox/{messageId}/attachments/{index}').responses['404'].content).toEqual({
      'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } },
    });
  });

  it('[18.8] names the server by its public URL, so a generated client has an absolute base', () => {
    expect(doc.servers).toEqual([{ url: 'http://plit.test', description: 'This Plit server' }]);
  });

  it('passes the Redocly linter (recommended rules) without errors', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plit-openapi-'));
    try {
      const file = path.join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(doc));
      const cli = path.join(
        path.dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')),
        'bin/cli.js',
      );
      const run = spawnSync(process.execPath, [cli, 'lint', file, '--format=json'], {
        encoding: 'utf8',
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
        timeout: 120_000,
      });
      const report = JSON.parse(run.stdout) as {
        problems: Array<{ severity: string; ruleId: string; message: string }>;
      };
      const errors = report.problems
        .filter((p) => p.severity === 'error')
        .map((p) => `${p.ruleId}: ${p.message}`);
      expect(errors).toEqual([]);
      expect(run.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
