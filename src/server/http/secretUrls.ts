/**
 * Paths whose last segment is a secret: emailed one-time and scoped links, and calendar feeds
 * (a feed's address is its password). Whoever reads a log must not be able to use them.
 */
const secretPath = /\/(invite|reset-password|magic|facts\/open|open|api\/feeds)\/[^/?#\s"<>]+/g;
const secretQuery = /([?&](?:token|feed)=)[^&#\s"<>]+/g;

/** The URL with every secret replaced by dots: what request logs show. */
export function redactSecretUrl(url: string): string {
  return url.replace(secretPath, '/$1/••••••').replace(secretQuery, '$1••••••');
}
