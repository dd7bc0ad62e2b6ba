import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Channel, Client, Contact, FactTemplate, Rubric } from '../../shared/api/index.ts';
import type { ClientRole, FactKind, Format, Network } from '../../shared/roles.ts';
import { api } from '../api/client.ts';
import { authKeys } from '../auth/queries.ts';
import { clientKeys } from './queries.ts';

// --- clients -----------------------------------------------------------------------

/** Anything about a client may change its card (counts), its page and its activity. */
function useInvalidateClients() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: clientKeys.clients });
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
      queryClient.setQueryData(clientKeys.client(clientId), data);
      void queryClient.invalidateQueries({ queryKey: authKeys.me });
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
