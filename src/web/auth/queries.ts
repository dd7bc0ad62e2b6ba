import { queryOptions } from '@tanstack/react-query';
import { endpoints } from '../../shared/api/catalogue.ts';
import type { Me } from '../../shared/api/index.ts';
import { ApiError, call } from '../api/client.ts';

/** Who is signed in, and whether the agency exists yet: every screen reads these. */
export const authKeys = {
  setup: ['setup'] as const,
  me: ['me'] as const,
};

export const setupQuery = queryOptions({
  queryKey: authKeys.setup,
  queryFn: () => call(endpoints.getSetupState),
  staleTime: Number.POSITIVE_INFINITY,
});

/** The signed-in person, or null when nobody is signed in (a 401 is an answer here). */
export const meQuery = queryOptions({
  queryKey: authKeys.me,
  queryFn: async (): Promise<Me | null> => {
    try {
      return await call(endpoints.getMe, { allowUnauthorized: true });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 60_000,
});
