import { and, eq, gt, inArray, lt } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Executor } from '../db/connect.ts';
import { knownDevices, users } from '../db/schema/index.ts';
import { cookieName, secureCookie } from './sessions.ts';
import { hashToken, newToken } from './tokens.ts';

export const DEVICE_COOKIE = 'plit_device';
/** A device not signed in from for this long is forgotten. */
const DEVICE_DAYS = 365;
/** Secrets one browser keeps: one per person who signed in on it (a shared office computer). */
const MAX_PER_BROWSER = 5;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The device secrets this browser presents, well-formed ones only. */
export function deviceTokensOf(request: FastifyRequest): string[] {
  const value = request.cookies[cookieName(request.server, DEVICE_COOKIE)] ?? '';
  return value
    .split('.')
    .filter((token) => TOKEN.test(token))
    .slice(0, MAX_PER_BROWSER);
}

function since(): Date {
  return new Date(Date.now() - DEVICE_DAYS * 86_400_000);
}

/**
 * The hash of the device secret, among these, that was given to this account at a sign-in and is
 * still current; null when the browser is not one of the account's devices.
 */
export async function knownDeviceOf(db: Executor, email: string, tokens: string[]): Promise<string | null> {
  if (tokens.length === 0) return null;
  const [row] = await db
    .select({ tokenHash: knownDevices.tokenHash })
    .from(knownDevices)
    .innerJoin(users, eq(users.id, knownDevices.userId))
    .where(
      and(
        eq(users.email, email),
        inArray(knownDevices.tokenHash, tokens.map(hashToken)),
        gt(knownDevices.lastUsedAt, since()),
      ),
    )
    .limit(1);
  return row?.tokenHash ?? null;
}

/**
 * After a sign-in: this browser is now a known device of the person. A secret it already holds
 * for them is kept (and its year starts again); otherwise a new one is minted, never one the
 * browser brought, so a secret planted in someone's browser never becomes theirs. Secrets the
 * server no longer knows (forgotten by `endAccess`, expired) leave the cookie.
 */
export async function rememberDevice(
  db: Executor,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
): Promise<void> {
  const presented = deviceTokensOf(request);
  const hashes = presented.map(hashToken);
  const known =
    hashes.length === 0
      ? []
      : await db
          .select({ tokenHash: knownDevices.tokenHash, userId: knownDevices.userId })
          .from(knownDevices)
          .where(and(inArray(knownDevices.tokenHash, hashes), gt(knownDevices.lastUsedAt, since())));
  const mine = known.find((row) => row.userId === userId);
  let tokens = presented.filter((token) => known.some((row) => row.tokenHash === hashToken(token)));
  if (mine) {
    await db
      .update(knownDevices)
      .set({ lastUsedAt: new Date() })
      .where(eq(knownDevices.tokenHash, mine.tokenHash));
  } else {
    const token = newToken();
    await db.insert(knownDevices).values({ tokenHash: hashToken(token), userId });
    await db
      .delete(knownDevices)
      .where(and(eq(knownDevices.userId, userId), lt(knownDevices.lastUsedAt, since())));
    tokens = [token, ...tokens].slice(0, MAX_PER_BROWSER);
  }
  reply.setCookie(cookieName(request.server, DEVICE_COOKIE), tokens.join('.'), {
    // Every sign-in reads it (login, links, invitations, set-up), and they live under several paths.
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookie(request),
    expires: new Date(Date.now() + DEVICE_DAYS * 86_400_000),
  });
}

/** Forget every device of a person (their access ended): none of them skips the slowdown any more. */
export async function forgetDevices(db: Executor, userId: string): Promise<void> {
  await db.delete(knownDevices).where(eq(knownDevices.userId, userId));
}
