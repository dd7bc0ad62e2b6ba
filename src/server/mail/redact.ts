/**
 * One-time link secrets replaced by dots, for every copy of an email someone other than its
 * recipient can read (the outbox). The named kinds are Plit's links (invitation, reset, magic
 * sign-in, fact request, scoped `/open/`); the second rule catches any other long secret in a
 * path or a query (`/x/<43 chars>`, `token=<…>`), so a link kind added later is covered too.
 */
export const redactLinks = (s: string) =>
  s
    .replace(/\/(invite|reset-password|magic|facts\/open|open)\/[A-Za-z0-9_-]+/g, '/$1/••••••')
    .replace(/([/=])[A-Za-z0-9_-]{40,}(?![A-Za-z0-9_-])/g, '$1••••••');
