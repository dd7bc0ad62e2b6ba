import type { InjectOptions } from 'fastify';
import type { App } from '../../src/server/context.ts';

let last = 0;

/**
 * The same app, reached from an address no other test uses. Login, emailed links and
 * invitation links are limited per client address; a test that talks from its own address
 * never inherits another test's count. Only `inject` is wrapped: it is all `api` and `raw` use.
 */
export function fromNewAddress(app: App): App {
  last += 1;
  // 198.18.0.0/15 is reserved for testing; it never collides with a real client.
  const remoteAddress = `198.${18 + (last >> 16)}.${(last >> 8) & 255}.${last & 255}`;
  return { inject: (options: InjectOptions) => app.inject({ ...options, remoteAddress }) } as unknown as App;
}
