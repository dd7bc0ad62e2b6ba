import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints } from '../../shared/api/catalogue.ts';
import type { BodyOf, ParamsOf } from '../../shared/api/endpoint.ts';
import { call } from '../api/client.ts';
import { authKeys } from '../auth/queries.ts';
import { clientKeys } from '../clients/queries.ts';
import { settingsKeys } from './queries.ts';

// --- me and sessions ---------------------------------------------------------------

export const useUpdateMe = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof endpoints.updateMe>) => call(endpoints.updateMe, { body }),
    onSuccess: (me) => queryClient.setQueryData(authKeys.me, me),
  });
};

export const useChangePassword = () =>
  useMutation({
    mutationFn: (body: BodyOf<typeof endpoints.changePassword>) => call(endpoints.changePassword, { body }),
  });

export const useRevokeSession = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) => call(endpoints.logOutSession, { params: { sessionId } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: settingsKeys.sessions }),
  });
};

export const useRevokeAllSessions = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(endpoints.logOutEverywhere),
    onSuccess: () => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'setup' });
      queryClient.setQueryData(authKeys.me, null);
    },
  });
};

// --- members and invitations ---------------------------------------------------------

export const useUpdateMember = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      userId,
      role,
    }: ParamsOf<typeof endpoints.changeMemberRole> & BodyOf<typeof endpoints.changeMemberRole>) =>
      call(endpoints.changeMemberRole, { params: { userId }, body: { role } }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: settingsKeys.members });
      void queryClient.invalidateQueries({ queryKey: authKeys.me });
    },
  });
};

export const useRemoveMember = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => call(endpoints.removeMember, { params: { userId } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: settingsKeys.members }),
  });
};

/** Invitations show on the members page and on each client's contacts tab. */
function useInvalidateInvitations() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: settingsKeys.invitations }),
      queryClient.invalidateQueries({ queryKey: clientKeys.clients }),
      queryClient.invalidateQueries({ queryKey: settingsKeys.outbox }),
    ]);
}

export const useCreateInvitation = () => {
  const invalidate = useInvalidateInvitations();
  return useMutation({
    mutationFn: (body: BodyOf<typeof endpoints.sendInvitation>) => call(endpoints.sendInvitation, { body }),
    onSettled: invalidate,
  });
};

export const useRevokeInvitation = () => {
  const invalidate = useInvalidateInvitations();
  return useMutation({
    mutationFn: (invitationId: string) => call(endpoints.revokeInvitation, { params: { invitationId } }),
    onSettled: invalidate,
  });
};

/** The sender's copy of an invitation link: a fresh one, so the invitation is refetched too. */
export const useCopyInvitationLink = () => {
  const invalidate = useInvalidateInvitations();
  return useMutation({
    mutationFn: (invitationId: string) => call(endpoints.copyInvitationLink, { params: { invitationId } }),
    onSettled: invalidate,
  });
};

export const useResendInvitation = () => {
  const invalidate = useInvalidateInvitations();
  return useMutation({
    mutationFn: (invitationId: string) => call(endpoints.resendInvitation, { params: { invitationId } }),
    onSettled: invalidate,
  });
};
