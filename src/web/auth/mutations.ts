import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints } from '../../shared/api/catalogue.ts';
import type { BodyOf, ResponseOf } from '../../shared/api/endpoint.ts';
import type { Me } from '../../shared/api/index.ts';
import { call } from '../api/client.ts';
import { authKeys } from './queries.ts';

/** Every way of signing in answers with Me; the cache learns who is signed in at once. */
function useSignIn<V>(signIn: (vars: V) => Promise<Me>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (me) => {
      // Whatever the previous person saw must not leak into this session.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'setup' });
      queryClient.setQueryData(authKeys.me, me);
    },
  });
}

export const useLogin = () =>
  useSignIn((body: BodyOf<typeof endpoints.logIn>) =>
    call(endpoints.logIn, { body, allowUnauthorized: true }),
  );

export const useSetup = () => {
  const queryClient = useQueryClient();
  return useSignIn(async (body: BodyOf<typeof endpoints.setUpAgency>) => {
    const me = await call(endpoints.setUpAgency, { body });
    // Whether email is set up does not change with the setup: keep what the server said.
    queryClient.setQueryData<ResponseOf<typeof endpoints.getSetupState>>(
      authKeys.setup,
      (old) => old && { ...old, needsSetup: false },
    );
    return me;
  });
};

export const useConfirmPasswordReset = () =>
  useSignIn((body: BodyOf<typeof endpoints.confirmPasswordReset>) =>
    call(endpoints.confirmPasswordReset, { body }),
  );

export const useConfirmMagicLink = () =>
  useSignIn((body: BodyOf<typeof endpoints.confirmMagicLink>) => call(endpoints.confirmMagicLink, { body }));

export const useAcceptInvitation = () =>
  useSignIn((body: BodyOf<typeof endpoints.acceptInvitation>) => call(endpoints.acceptInvitation, { body }));

export const useRequestPasswordReset = () =>
  useMutation({
    mutationFn: (body: BodyOf<typeof endpoints.requestPasswordReset>) =>
      call(endpoints.requestPasswordReset, { body }),
  });

export const useRequestMagicLink = () =>
  useMutation({
    mutationFn: (body: BodyOf<typeof endpoints.requestMagicLink>) =>
      call(endpoints.requestMagicLink, { body }),
  });

export const useLogout = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(endpoints.logOut),
    onSettled: () => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'setup' });
      queryClient.setQueryData(authKeys.me, null);
    },
  });
};
