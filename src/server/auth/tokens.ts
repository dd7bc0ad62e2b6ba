import { createHash, randomBytes } from 'node:crypto';

/** A secret for a cookie or an emailed link: 256 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only hashes of secrets are stored, so reading the database does not let anyone in. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
