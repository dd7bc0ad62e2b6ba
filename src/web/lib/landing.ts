import { isSafeNextPath } from '../../shared/api/common.ts';

/**
 * Where a link or a sign-in may send the person afterwards: a path of this site, or nowhere.
 * Routes check it in `validateSearch`, and the pages that navigate check it again: a route
 * without that check hands the raw query string through (`useSearch({ strict: false })`), and
 * an `https://…` target would leave Plit with the person signed in to someone's link.
 */
export const landingPath = (value: unknown): string | undefined =>
  typeof value === 'string' && isSafeNextPath(value) ? value : undefined;
