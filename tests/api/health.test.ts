import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { api } from '../support/http.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('health', () => {
  it('reports the engine and version', async () => {
    const res = await api(t.app, endpoints.getHealth, {});
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, db: 'pglite', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });
});
