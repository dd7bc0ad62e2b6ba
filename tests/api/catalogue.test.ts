import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routesSeen } from '../../src/server/http/route.ts';
import { allEndpoints, endpointModules, endpoints } from '../../src/shared/api/catalogue.ts';
import { pathParamNames } from '../../src/shared/api/endpoint.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the endpoint catalogue', () => {
  it('keys every endpoint by its own operationId, each declared once', () => {
    const declared = Object.values(endpointModules).flatMap((module) => Object.entries(module));
    for (const [key, spec] of declared) expect(spec.operationId, key).toBe(key);
    // A spread keeps the last of two equal keys: the count shows a duplicate that spreading hid.
    expect(new Set(declared.map(([key]) => key)).size).toBe(declared.length);
    expect(Object.keys(endpoints)).toHaveLength(declared.length);
    const routes = allEndpoints.map((e) => `${e.method} ${e.path}`);
    expect(new Set(routes).size).toBe(routes.length);
  });

  it('declares a params schema with exactly the names in each path', () => {
    for (const spec of allEndpoints) {
      const names = pathParamNames(spec.path).sort();
      const declared = Object.keys(spec.params?.shape ?? {}).sort();
      expect(declared, spec.operationId).toEqual(names);
    }
  });

  it('is the only way a route under /api is added, and every endpoint is served', () => {
    const api = routesSeen(t.app).filter(
      (r) => r.url.startsWith('/api') && r.method !== 'HEAD' && !r.url.startsWith('/api/docs'),
    );
    const strays = api.filter((r) => !r.operationId).map((r) => `${r.method} ${r.url}`);
    expect(strays).toEqual([]);
    for (const r of api) {
      const spec = endpoints[r.operationId as keyof typeof endpoints];
      expect(spec, r.operationId).toBeDefined();
      expect(`${r.method} ${r.url}`).toBe(`${spec.method} ${spec.path}`);
    }
    const served = new Set(api.map((r) => r.operationId));
    expect(allEndpoints.filter((e) => !served.has(e.operationId)).map((e) => e.operationId)).toEqual([]);
  });
});
