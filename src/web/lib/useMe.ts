import { useQuery } from '@tanstack/react-query';
import { useRouteContext } from '@tanstack/react-router';
import type { Me } from '../../shared/api/index.ts';
import { meQuery } from '../auth/queries.ts';

/** The signed-in person, always fresh from the cache; only for screens behind sign-in. */
export function useMe(): Me {
  const context = useRouteContext({ from: '/_app' });
  const { data } = useQuery(meQuery);
  return data ?? context.me;
}
