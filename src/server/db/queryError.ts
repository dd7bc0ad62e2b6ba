import { DrizzleQueryError } from 'drizzle-orm';

/** What the database said about a failed query: its own words, code and constraint. */
export interface DatabaseReason {
  message: string;
  code?: string;
  constraint?: string;
  query: string;
}

/**
 * The one place a failed query is put into words. Drizzle's own message lists the query's
 * parameters (a password hash, a token's hash), so nothing that logs or prints a failed query
 * uses it: only the database's message, code and constraint, and the query's text. Null for
 * any other error.
 */
export function databaseReason(error: unknown): DatabaseReason | null {
  if (!(error instanceof DrizzleQueryError)) return null;
  const cause = error.cause as { message?: string; code?: string; constraint?: string } | undefined;
  return {
    message: cause?.message ?? 'no reason given',
    code: cause?.code,
    constraint: cause?.constraint,
    query: error.query,
  };
}
