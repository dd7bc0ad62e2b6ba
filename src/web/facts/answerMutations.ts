import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints } from '../../shared/api/catalogue.ts';
import type { BodyOf, ResponseOf } from '../../shared/api/endpoint.ts';
import type { FactRequestFull, FactRequestPage } from '../../shared/api/index.ts';
import { call } from '../api/client.ts';
import { factKeys } from './queries.ts';

/** A fresh request from any answer replaces the cached page at once; the cycle's copy refetches. */
export function storeFactRequest(queryClient: QueryClient, request: FactRequestFull): void {
  queryClient.setQueryData<FactRequestPage>(factKeys.request(request.id), (page) =>
    page ? { ...page, request } : page,
  );
  void queryClient.invalidateQueries({ queryKey: factKeys.cycleRequest(request.cycleId) });
}

/** Changes one item in the cached page (a saved draft moves its version and time). */
export function patchFactItem(
  queryClient: QueryClient,
  requestId: string,
  itemId: string,
  change: Partial<FactRequestFull['items'][number]>,
): void {
  queryClient.setQueryData<FactRequestPage>(factKeys.request(requestId), (page) =>
    page
      ? {
          ...page,
          request: {
            ...page.request,
            items: page.request.items.map((i) => (i.id === itemId ? { ...i, ...change } : i)),
          },
        }
      : page,
  );
}

/**
 * Autosave of what the client is typing; the agency does not see drafts. With `leaving`, the
 * request is sent with `keepalive` so it finishes even when the tab is being closed.
 */
export function saveFactDraft(
  itemId: string,
  body: BodyOf<typeof endpoints.saveFactDraft>,
  { leaving = false }: { leaving?: boolean } = {},
): Promise<ResponseOf<typeof endpoints.saveFactDraft>> {
  // The browser refuses keepalive bodies over 64 KB; a long text then goes the usual way.
  const keepalive = leaving && JSON.stringify(body).length < 30_000;
  return call(endpoints.saveFactDraft, { params: { itemId }, body, keepalive });
}

export function useSubmitFactAnswer(requestId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, ...body }: BodyOf<typeof endpoints.submitFactAnswer> & { itemId: string }) =>
      call(endpoints.submitFactAnswer, { params: { itemId }, body }),
    onSuccess: ({ request }) => storeFactRequest(queryClient, request),
    onError: () => void queryClient.invalidateQueries({ queryKey: factKeys.request(requestId) }),
  });
}

export function useDeleteFactFile(requestId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fileId: string) => call(endpoints.deleteFactFile, { params: { fileId } }),
    onSuccess: ({ request }) => storeFactRequest(queryClient, request),
    onError: () => void queryClient.invalidateQueries({ queryKey: factKeys.request(requestId) }),
  });
}

export function usePostFactMessage(requestId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, body }: BodyOf<typeof endpoints.writeFactMessage> & { itemId: string }) =>
      call(endpoints.writeFactMessage, { params: { itemId }, body: { body } }),
    onSuccess: ({ request }) => storeFactRequest(queryClient, request),
    onError: () => void queryClient.invalidateQueries({ queryKey: factKeys.request(requestId) }),
  });
}

/** The bell: marks some (or, without ids, all) of my notifications read. */
export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => call(endpoints.markNotificationsRead, { body: ids ? { ids } : {} }),
    onMutate: async (ids) => {
      await queryClient.cancelQueries({ queryKey: factKeys.notifications });
      const now = new Date().toISOString();
      queryClient.setQueryData<ResponseOf<typeof endpoints.listNotifications>>(
        factKeys.notifications,
        (data) => {
          if (!data) return data;
          const marked = data.notifications.map((n) =>
            !n.readAt && (!ids || ids.includes(n.id)) ? { ...n, readAt: now } : n,
          );
          const newlyRead = marked.filter((n, i) => n.readAt && !data.notifications[i]?.readAt).length;
          return {
            notifications: marked,
            unread: ids ? Math.max(0, data.unread - newlyRead) : 0,
          };
        },
      );
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: factKeys.notifications }),
  });
}
