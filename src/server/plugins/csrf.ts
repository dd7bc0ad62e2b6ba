import type { FastifyInstance } from 'fastify';
import { SESSION_COOKIE } from '../auth/sessions.ts';
import { AppError } from '../errors.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A write that carries the session cookie must come from Plit's own pages. Browsers send
 * Origin (or at least Sec-Fetch-Site) on every cross-site write, so a mismatch is refused.
 * SameSite=Lax cookies are the first fence; this is the second.
 */
export function registerCsrfCheck(app: FastifyInstance, publicUrl: string): void {
  const trusted = new URL(publicUrl).origin;
  app.addHook('onRequest', async (request) => {
    if (safeMethods.has(request.method) || !request.cookies[SESSION_COOKIE]) return;
    const origin = request.headers.origin;
    if (origin) {
      const own = `${request.protocol}://${request.host}`;
      if (origin === trusted || origin === own) return;
      throw new AppError('csrf_rejected');
    }
    const site = request.headers['sec-fetch-site'];
    if (site && site !== 'same-origin' && site !== 'none') throw new AppError('csrf_rejected');
  });
}
