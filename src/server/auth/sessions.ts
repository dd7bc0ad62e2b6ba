import { and, eq, gt } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Executor } from '../db/connect.ts';
import { sessions } from '../db/schema/index.ts';
import { hashToken, newToken } from './tokens.ts';

export const SESSION_COOKIE = 'plit_session';

/** Where a session was started from: shown to its owner in their list of sessions. */
export interface SessionOrigin {
  userAgent: string | null;
  ip: string;
}

export function originOf(request: FastifyRequest): SessionOrigin {
  return { userAgent: request.headers['user-agent']?.slice(0, 300) ?? null, ip: request.ip };
}

/** A session just stored: the secret goes into the cookie, only its hash stays in the database. */
export interface NewSession {
  token: string;
  expiresAt: Date;
}

/** Store a session; a command may do it inside its transaction, the route sets the cookie after. */
export async function createSession(
  db: Executor,
  userId: string,
  days: number,
  origin: SessionOrigin,
  /** A scoped link the session is opened from: it reaches only the link's subject, and ends with it. */
  linkId: string | null = null,
): Promise<NewSession> {
  const token = newToken();
  const expiresAt = new Date(Date.now() + days * 86_400_000);
  await db.insert(sessions).values({
    id: hashToken(token),
    userId,
    userAgent: origin.userAgent,
    ip: origin.ip,
    expiresAt,
    linkId,
  });
  return { token, expiresAt };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** PUBLIC_URL is https: cookies are Secure whatever the hop in front of us says. */
    httpsOnly: boolean;
  }
}

/**
 * Whether a cookie set on this request must be Secure: behind HTTPS, seen directly or through a
 * trusted proxy, or whenever PUBLIC_URL is https (a TLS proxy Plit was not told to trust still
 * serves people over https, and the cookie must never travel in clear text).
 */
export const secureCookie = (request: FastifyRequest) =>
  request.protocol === 'https' || request.server.httpsOnly;

/**
 * A cookie's name on this server. With an https PUBLIC_URL it carries the `__Host-` prefix,
 * which a browser keeps only when Secure, for path /, without a Domain: a page of a sibling
 * subdomain, or one over plain http, cannot plant or overwrite it (ASVS V3.4.4). Over http the
 * prefix cannot be used (it needs Secure), and the name is plain.
 */
export const cookieName = (server: { httpsOnly: boolean }, name: string) =>
  server.httpsOnly ? `__Host-${name}` : name;

/** The session cookie's value on this request, under this server's name for it. */
export const sessionCookieOf = (request: FastifyRequest): string | undefined =>
  request.cookies[cookieName(request.server, SESSION_COOKIE)];

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, session: NewSession): void {
  reply.setCookie(cookieName(request.server, SESSION_COOKIE), session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookie(request),
    expires: session.expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(cookieName(reply.server, SESSION_COOKIE), { path: '/', secure: reply.server.httpsOnly });
}

/** The live session row for a cookie value, or null. */
export async function findSession(db: Executor, token: string) {
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, hashToken(token)), gt(sessions.expiresAt, new Date())))
    .limit(1);
  return row ?? null;
}
