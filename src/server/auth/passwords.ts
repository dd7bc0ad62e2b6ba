import { hash, verify } from '@node-rs/argon2';

/** Passwords hashed, for tests to prove a refused request never pays for argon2. */
export const passwordHashes = { count: 0 };

// argon2id with the library's defaults (19 MiB, 2 passes): OWASP's recommended minimum.
export function hashPassword(password: string): Promise<string> {
  passwordHashes.count += 1;
  return hash(password);
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  // Verify against a throwaway hash when there is none, so timing does not reveal which accounts exist.
  const target = passwordHash ?? (await dummyHash);
  const ok = await verify(target, password).catch(() => false);
  return ok && passwordHash !== null;
}

const dummyHash = hash('plit-no-such-account');
