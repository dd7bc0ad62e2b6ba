import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Invitation, Me, Member } from '../../shared/api/index.ts';
import type { AgencyRole, ClientRole } from '../../shared/roles.ts';
import { api } from '../api/client.ts';
import { authKeys } from '../auth/queries.ts';
import { clientKeys } from '../clients/queries.ts';
import { settingsKeys } from './queries.ts';

// --- me and sessions ---------------------------------------------------------------

export const useUpdateMe = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name?: string; locale?: 'uk' | 'en' }) => api.patch<Me>('/api/me', body),
    onSuccess: (me) => queryClient.setQueryData(authKeys.me, me),
  });
};

export const useChangePassword = () =>
  useMutation({
    mutationFn: (body: { currentPassword?: string; newPassword: string }) =>
      api.post('/api/me/password', body),
  });

export const useRevokeSession = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) => api.delete(`/api/sessions/${encodeURIComponent(sessionId)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: settingsKeys.sessions }),
  });
};

export const useRevokeAllSessions = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete('/api/sessions'),
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
    mutationFn: ({ userId, role }: { userId: string; role: AgencyRole }) =>
      api.patch<{ member: Member }>(`/api/members/${userId}`, { role }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: settingsKeys.members });
      void queryClient.invalidateQueries({ queryKey: authKeys.me });
    },
  });
};

export const useRemoveMember = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.delete(`/api/members/${userId}`),
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
    mutationFn: (body: { email: string; role: AgencyRole | ClientRole; clientId?: string }) =>
      api.post<{ invitation: Invitation }>('/api/invitations', body),
    onSettled: invalidate,
  });
};

export const useRevokeInvitation = () => {
  const invalidate = useInvalidateInvitations();
  return useMutation({
    mutationFn: (invitationId: string) => api.delete(`/api/invitations/${invitationId}`),
    onSettled: invalidate,
  });
};

export const useResendInvitation = () => {
  const invalidate = useInvalidateInvitations();
  return useMutation({
    mutationFn: (invitationId: string) =>
      api.post<{ invitation: Invitation }>(`/api/invitations/${invitationId}/resend`),
    onSettled: invalidate,
  });
};
