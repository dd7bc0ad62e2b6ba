/**
 * Paths whose last segment is a secret: emailed one-time and scoped links, and calendar feeds
 * (a feed's address is its password). Whoever reads a log must not be able to use them.
 */
const secretPath = /\/(invite|reset-password|magic|facts\/open|open|api\/feeds)\/[^/?#\s"<>]+/gi;
const secretQuery = /([?&](?:token|feed)=)[^&#\s"<>]+/gi;

/**
 * The URL as the router will read it: paths are matched without regard to case by the web's
 * router, and `/%6Fpen/…` is `/open/…` once decoded, so a secret is looked for in that form.
 */
function readable(url: string): string {
  try {
    return decodeURI(url).replace(/%3D/gi, '=').replace(/%26/gi, '&').replace(/%3F/gi, '?');
  } catch {
    return url;
  }
}

/** The URL with every secret replaced by dots: what request logs show. */
export function redactSecretUrl(url: string): string {
  return readable(url).replace(secretPath, '/$1/••••••').replace(secretQuery, '$1••••••');
}

/** Whether a page's address carries a secret: such a page is never stored by a browser or a proxy. */
export function isSecretUrl(url: string): boolean {
  return redactSecretUrl(url) !== readable(url);
}
