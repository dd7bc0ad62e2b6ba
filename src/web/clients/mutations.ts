import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints } from '../../shared/api/catalogue.ts';
import type { BodyOf, ParamsOf } from '../../shared/api/endpoint.ts';
import { call } from '../api/client.ts';
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
    mutationFn: (body: BodyOf<typeof endpoints.createClient>) => call(endpoints.createClient, { body }),
    onSuccess: invalidate,
  });
};

export const useUpdateClient = (clientId: string) => {
  const invalidate = useInvalidateClients();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof endpoints.updateClient>) =>
      call(endpoints.updateClient, { params: { clientId }, body }),
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
      archive
        ? call(endpoints.archiveClient, { params: { clientId } })
        : call(endpoints.unarchiveClient, { params: { clientId } }),
    onSettled: invalidate,
  });
};

/**
 * What a form saves: the fields it creates the thing with and, when it changes an existing
 * one instead, which one and the version the form was opened at.
 */
type Save<Body> = Body & { editing?: { id: string; version: number } };

export const useSaveChannel = (clientId: string) => {
  const invalidate = useInvalidateClients();
  return useMutation({
    mutationFn: ({ editing, ...body }: Save<BodyOf<typeof endpoints.createChannel>>) =>
      editing
        ? call(endpoints.updateChannel, {
            params: { clientId, channelId: editing.id },
            body: { ...body, version: editing.version },
          })
        : call(endpoints.createChannel, { params: { clientId }, body }),
    onSettled: invalidate,
  });
};

export const useDeleteChannel = (clientId: string) => {
  const invalidate = useInvalidateClients();
  return useMutation({
    mutationFn: (channelId: string) => call(endpoints.deleteChannel, { params: { clientId, channelId } }),
    onSettled: invalidate,
  });
};

export const useSaveRubric = (clientId: string) => {
  const invalidate = useInvalidateClients();
  return useMutation({
    mutationFn: ({ editing, ...body }: Save<BodyOf<typeof endpoints.createRubric>>) =>
      editing
        ? call(endpoints.updateRubric, {
            params: { clientId, rubricId: editing.id },
            body: { ...body, version: editing.version },
          })
        : call(endpoints.createRubric, { params: { clientId }, body }),
    onSettled: invalidate,
  });
};

export const useDeleteRubric = (clientId: string) => {
  const invalidate = useInvalidateClients();
  return useMutation({
    mutationFn: (rubricId: string) => call(endpoints.deleteRubric, { params: { clientId, rubricId } }),
    onSettled: invalidate,
  });
};

export const useSaveFactTemplate = (clientId: string, rubricId: string) => {
  const invalidate = useInvalidateClients();
  return useMutation({
    mutationFn: ({ editing, ...body }: Save<BodyOf<typeof endpoints.createFactTemplate>>) =>
      editing
        ? call(endpoints.updateFactTemplate, {
            params: { clientId, templateId: editing.id },
            body: { ...body, version: editing.version },
          })
        : call(endpoints.createFactTemplate, { params: { clientId, rubricId }, body }),
    onSettled: invalidate,
  });
};

export const useDeleteFactTemplate = (clientId: string) => {
  const invalidate = useInvalidateClients();
  return useMutation({
    mutationFn: (templateId: string) =>
      call(endpoints.deleteFactTemplate, { params: { clientId, templateId } }),
    onSettled: invalidate,
  });
};

export const useUpdateContact = (clientId: string) => {
  const invalidate = useInvalidateClients();
  return useMutation({
    mutationFn: ({
      userId,
      role,
    }: Pick<ParamsOf<typeof endpoints.changeContactRole>, 'userId'> &
      BodyOf<typeof endpoints.changeContactRole>) =>
      call(endpoints.changeContactRole, { params: { clientId, userId }, body: { role } }),
    onSettled: invalidate,
  });
};

export const useRemoveContact = (clientId: string) => {
  const invalidate = useInvalidateClients();
  return useMutation({
    mutationFn: (userId: string) => call(endpoints.removeContact, { params: { clientId, userId } }),
    onSettled: invalidate,
  });
};
