import { queryOptions } from '@tanstack/react-query';
import type { Me } from '../../shared/api/index.ts';
import { ApiError, api } from '../api/client.ts';

/** Who is signed in, and whether the agency exists yet: every screen reads these. */
export const authKeys = {
  setup: ['setup'] as const,
  me: ['me'] as const,
};

export const setupQuery = queryOptions({
  queryKey: authKeys.setup,
  queryFn: () => api.get<{ needsSetup: boolean }>('/api/setup'),
  staleTime: Number.POSITIVE_INFINITY,
});

/** The signed-in person, or null when nobody is signed in (a 401 is an answer here). */
export const meQuery = queryOptions({
  queryKey: authKeys.me,
  queryFn: async (): Promise<Me | null> => {
    try {
      return await api.get<Me>('/api/me', { allowUnauthorized: true });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 60_000,
});
