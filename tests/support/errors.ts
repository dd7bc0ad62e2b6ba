import type { ErrorBody } from '../../src/shared/api/common.ts';
import type { Reply } from './http.ts';

/**
 * The error of a refused call. `api()` types the body as the endpoint's success answer; a valid
 * call that is refused (403, 404, 409) answers the common error body instead, read through here.
 */
export function errorOf(res: Reply<unknown>): ErrorBody['error'] {
  return (res.body as ErrorBody).error;
}
