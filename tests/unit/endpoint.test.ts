import { describe, expect, expectTypeOf, it } from 'vitest';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { type CallParts, pathOf, type ResponseOf, urlOf } from '../../src/shared/api/endpoint.ts';
import type { Topic } from '../../src/shared/api/index.ts';

describe('endpoint declarations', () => {
  it('fill path parameters, URI-encoded, and refuse a missing one', () => {
    expect(pathOf(endpoints.updateTopic, { topicId: 'a/b c' })).toBe('/api/topics/a%2Fb%20c');
    expect(() => pathOf(endpoints.updateTopic, {})).toThrow(/topicId/);
  });

  it('build URLs with a query, leaving out what is undefined', () => {
    expect(urlOf(endpoints.getOpenApiDocument)).toBe('/api/openapi.json');
    expect(
      urlOf(
        { path: '/api/x/:id', method: 'GET' } as never,
        { params: { id: '1' }, query: { a: 'b', c: undefined, d: [1, 2] } } as never,
      ),
    ).toBe('/api/x/1?a=b&d=1&d=2');
  });

  it('derive what a caller sends and gets back from the schemas', () => {
    expectTypeOf<CallParts<typeof endpoints.createTopic>['params']>().toEqualTypeOf<{ cycleId: string }>();
    expectTypeOf<CallParts<typeof endpoints.createTopic>['body']['title']>().toEqualTypeOf<string>();
    expectTypeOf<ResponseOf<typeof endpoints.createTopic>>().toEqualTypeOf<{ topic: Topic }>();
    expectTypeOf<ResponseOf<typeof endpoints.getOpenApiDocument>>().toEqualTypeOf<undefined>();
  });
});
