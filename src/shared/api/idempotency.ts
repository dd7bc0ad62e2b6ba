/**
 * The `Idempotency-Key` header of creates (endpoints declared `idempotent: true`): one key per
 * thing the person meant to create, sent again unchanged on every retry of it.
 */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** 8 to 200 printable ASCII characters, no spaces: room for a UUID or any client's own scheme. */
export const isIdempotencyKey = (key: string): boolean => /^[\x21-\x7e]{8,200}$/.test(key);

/**
 * After this long without a word from the node running a create, the server hands its key over
 * (`http/idempotency.ts`): an unfinished claim is taken over by the retry, and a claim whose
 * create committed but whose answer never got stored is answered `request_already_done`. The
 * web client keeps retrying past it (`web/api/retry.ts`), so a retry always reaches the final
 * word instead of a person clicking again and making a second thing with a new key.
 */
export const HAND_OVER_SECONDS = 10;
