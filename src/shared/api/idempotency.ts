/**
 * The `Idempotency-Key` header of creates (endpoints declared `idempotent: true`): one key per
 * thing the person meant to create, sent again unchanged on every retry of it.
 */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** 8 to 200 printable ASCII characters, no spaces: room for a UUID or any client's own scheme. */
export const isIdempotencyKey = (key: string): boolean => /^[\x21-\x7e]{8,200}$/.test(key);
