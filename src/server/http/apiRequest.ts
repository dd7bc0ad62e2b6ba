import type { FastifyRequest } from 'fastify';

/**
 * Whether a request is for the API: the one test the session, CSRF and rate-limit hooks share.
 * It is decided on the route the router matched, never on the raw request target: the router
 * decodes `/%61pi/…` and accepts an absolute-form target (`POST http://host/api/…`), so a test
 * of `request.url` would let such a request skip the origin check and every limit.
 */
export function isApiRequest(request: FastifyRequest): boolean {
  const pattern = request.routeOptions.url;
  if (pattern !== undefined) return pattern.startsWith('/api/');
  // No route matched (the answer is a 404): judge the path as the router would have read it.
  try {
    return decodeURIComponent(new URL(request.url, 'http://plit.invalid').pathname).startsWith('/api/');
  } catch {
    return true;
  }
}
