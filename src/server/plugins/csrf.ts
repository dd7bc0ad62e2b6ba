import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';
import { isApiRequest } from '../http/apiRequest.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every write from a browser must come from Plit's own pages. Browsers send Origin (or at
 * least Sec-Fetch-Site) on cross-site writes, so a mismatch is refused. This covers writes
 * without a session too: a foreign page must not log a visitor into someone else's account
 * (login CSRF). SameSite=Lax cookies are the first fence; this is the second. Scripts and
 * API clients that send neither header are not browsers and pass.
 *
 * The Origin is compared with Plit's own origins (PUBLIC_URL's), never with the Host header: a
 * page of evil.example whose name was rebound to this server's address (DNS rebinding) sends
 * `Host: evil.example` and `Origin: http://evil.example`, which agree with each other.
 */
export function registerCsrfCheck(app: FastifyInstance, trustedOrigins: readonly string[]): void {
  const trusted = new Set(trustedOrigins);
  app.addHook('onRequest', async (request) => {
    if (safeMethods.has(request.method) || !isApiRequest(request)) return;
    const origin = request.headers.origin;
    if (origin) {
      if (trusted.has(origin)) return;
      throw new AppError('csrf_rejected');
    }
    const site = request.headers['sec-fetch-site'];
    if (site && site !== 'same-origin' && site !== 'none') throw new AppError('csrf_rejected');
  });
}
