import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints } from '../../shared/api/catalogue.ts';
import type { BodyOf } from '../../shared/api/endpoint.ts';
import { call } from '../api/client.ts';
import { authKeys } from '../auth/queries.ts';

/**
 * Opens a scoped link: the server answers who is signed in now (a session limited to the link,
 * or the full one this browser already had) and what the link opens.
 */
export function useOpenLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof endpoints.openLink>) =>
      call(endpoints.openLink, { body, allowUnauthorized: true }),
    onSuccess: ({ me }) => {
      // Whatever the previous person saw must not leak into this session.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'setup' });
      queryClient.setQueryData(authKeys.me, me);
    },
  });
}

/** "Copy the client's link": a contact's scoped link for one subject, recorded in the activity. */
export const useCopyContactLink = () =>
  useMutation({
    mutationFn: ({
      clientId,
      userId,
      ...body
    }: { clientId: string; userId: string } & BodyOf<typeof endpoints.copyContactLink>) =>
      call(endpoints.copyContactLink, { params: { clientId, userId }, body }),
  });
