import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  Channel,
  Client,
  Contact,
  FactTemplate,
  Invitation,
  Me,
  Member,
  Rubric,
} from '../../shared/api/index.ts';
import type { AgencyRole, ClientRole, FactKind, Format, Network } from '../../shared/roles.ts';
import { api } from '../api/client.ts';
import { keys } from './queries.ts';

/** Every way of signing in answers with Me; the cache learns who is signed in at once. */
function useSignIn<V>(call: (vars: V) => Promise<Me>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (me) => {
      // Whatever the previous person saw must not leak into this session.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'setup' });
      queryClient.setQueryData(keys.me, me);
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
      queryClient.setQueryData(keys.setup, { needsSetup: false });
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
      queryClient.setQueryData(keys.me, null);
    },
  });
};

// --- me and sessions ---------------------------------------------------------------

export const useUpdateMe = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name?: string; locale?: 'uk' | 'en' }) => api.patch<Me>('/api/me', body),
    onSuccess: (me) => queryClient.setQueryData(keys.me, me),
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
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.sessions }),
  });
};

export const useRevokeAllSessions = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete('/api/sessions'),
    onSuccess: () => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'setup' });
      queryClient.setQueryData(keys.me, null);
    },
  });
};

// --- clients -----------------------------------------------------------------------

/** Anything about a client may change its card (counts), its page and its activity. */
function useInvalidateClients() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: keys.clients });
}

export const useCreateClient = () => {
  const invalidate = useInvalidateClients();
  return useMutation({
    mutationFn: (body: { name: string; timezone: string }) =>
      api.post<{ client: Client }>('/api/clients', body),
    onSuccess: invalidate,
  });
};

export const useUpdateClient = (clientId: string) => {
  const invalidate = useInvalidateClients();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      name?: string;
      timezone?: string;
      stageDays?: Client['stageDays'];
      factReminders?: Client['factReminders'];
      postInternalReview?: boolean;
      coCreationSince?: string | null;
      version: number;
    }) => api.patch<{ client: Client }>(`/api/clients/${clientId}`, body),
    onSuccess: (data) => {
      queryClient.setQueryData(keys.client(clientId), data);
      void queryClient.invalidateQueries({ queryKey: keys.me });
    },
    onSettled: invalidate,
  });
};

export const useArchiveClient = (clientId: string) => {
  const invalidate = useInvalidateClients();
  return useMutation({
    mutationFn: (archive: boolean) =>
      api.post<{ client: Client }>(`/api/clients/${clientId}/${archive ? 'archive' : 'unarchive'}`),
    onSettled: invalidate,
  });
};

export interface ChannelInput {
  network: Network;
  handle: string;
  formats: Format[];
}

export const useSaveChannel = (clientId: string) => {
  const invalidate = useInvalidateClients();
  return useMutation({
    mutationFn: ({ id, version, ...body }: ChannelInput & { id?: string; version?: number }) =>
      id
        ? api.patch<{ channel: Channel }>(`/api/clients/${clientId}/channels/${id}`, { ...body, version })
        : api.post<{ channel: Channel }>(`/api/clients/${clientId}/channels`, body),
    onSettled: invalidate,
  });
};

export const useDeleteChannel = (clientId: string) => {
  const invalidate = useInvalidateClients();
  return useMutation({
    mutationFn: (channelId: string) => api.delete(`/api/clients/${clientId}/channels/${channelId}`),
    onSettled: invalidate,
  });
};

export const useSaveRubric = (clientId: string) => {
  const invalidate = useInvalidateClients();
  return useMutation({
    mutationFn: ({ id, version, ...body }: { name: string; color: string; id?: string; version?: number }) =>
      id
        ? api.patch<{ rubric: Rubric }>(`/api/clients/${clientId}/rubrics/${id}`, { ...body, version })
        : api.post<{ rubric: Rubric }>(`/api/clients/${clientId}/rubrics`, body),
    onSettled: invalidate,
  });
};

export const useDeleteRubric = (clientId: string) => {
  const invalidate = useInvalidateClients();
  return useMutation({
    mutationFn: (rubricId: string) => api.delete(`/api/clients/${clientId}/rubrics/${rubricId}`),
    onSettled: invalidate,
  });
};

export interface FactTemplateInput {
  question: string;
  kind: FactKind;
  choices: string[];
  required: boolean;
}

export const useSaveFactTemplate = (clientId: string, rubricId: string) => {
  const invalidate = useInvalidateClients();
  return useMutation({
    mutationFn: ({ id, version, ...body }: FactTemplateInput & { id?: string; version?: number }) =>
      id
        ? api.patch<{ template: FactTemplate }>(`/api/clients/${clientId}/fact-templates/${id}`, {
            ...body,
            version,
          })
        : api.post<{ template: FactTemplate }>(
            `/api/clients/${clientId}/rubrics/${rubricId}/fact-templates`,
            body,
          ),
    onSettled: invalidate,
  });
};

export const useDeleteFactTemplate = (clientId: string) => {
  const invalidate = useInvalidateClients();
  return useMutation({
    mutationFn: (templateId: string) => api.delete(`/api/clients/${clientId}/fact-templates/${templateId}`),
    onSettled: invalidate,
  });
};

export const useUpdateContact = (clientId: string) => {
  const invalidate = useInvalidateClients();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: ClientRole }) =>
      api.patch<{ contact: Contact }>(`/api/clients/${clientId}/contacts/${userId}`, { role }),
    onSettled: invalidate,
  });
};

export const useRemoveContact = (clientId: string) => {
  const invalidate = useInvalidateClients();
  return useMutation({
    mutationFn: (userId: string) => api.delete(`/api/clients/${clientId}/contacts/${userId}`),
    onSettled: invalidate,
  });
};

// --- members and invitations ---------------------------------------------------------

export const useUpdateMember = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: AgencyRole }) =>
      api.patch<{ member: Member }>(`/api/members/${userId}`, { role }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: keys.members });
      void queryClient.invalidateQueries({ queryKey: keys.me });
    },
  });
};

export const useRemoveMember = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.delete(`/api/members/${userId}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.members }),
  });
};

/** Invitations show on the members page and on each client's contacts tab. */
function useInvalidateInvitations() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.invitations }),
      queryClient.invalidateQueries({ queryKey: keys.clients }),
      queryClient.invalidateQueries({ queryKey: keys.outbox }),
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
