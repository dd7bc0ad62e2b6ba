import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../shared/api/index.ts';
import { api } from '../api/client.ts';
import { authKeys } from './queries.ts';

/** Every way of signing in answers with Me; the cache learns who is signed in at once. */
function useSignIn<V>(call: (vars: V) => Promise<Me>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (me) => {
      // Whatever the previous person saw must not leak into this session.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'setup' });
      queryClient.setQueryData(authKeys.me, me);
    },
  });
}

export const useLogin = () =>
  useSignIn((body: { email: string; password: string }) =>
    api.post<Me>('/api/auth/login', body, { allowUnauthorized: true }),
  );

export const useSetup = () => {
  const queryClient = useQueryClient();
  return useSignIn(
    async (body: { agencyName: string; name: string; email: string; password: string; locale: string }) => {
      const me = await api.post<Me>('/api/setup', body);
      queryClient.setQueryData(authKeys.setup, { needsSetup: false });
      return me;
    },
  );
};

export const useConfirmPasswordReset = () =>
  useSignIn((body: { token: string; password: string }) =>
    api.post<Me>('/api/auth/password-reset/confirm', body),
  );

export const useConfirmMagicLink = () =>
  useSignIn((body: { token: string }) => api.post<Me>('/api/auth/magic-link/confirm', body));

export const useAcceptInvitation = () =>
  useSignIn((body: { token: string; name?: string; password?: string }) =>
    api.post<Me>('/api/invitations/accept', body),
  );

export const useRequestPasswordReset = () =>
  useMutation({ mutationFn: (body: { email: string }) => api.post('/api/auth/password-reset', body) });

export const useRequestMagicLink = () =>
  useMutation({ mutationFn: (body: { email: string }) => api.post('/api/auth/magic-link', body) });

export const useLogout = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/auth/logout'),
    onSettled: () => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'setup' });
      queryClient.setQueryData(authKeys.me, null);
    },
  });
};
