import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  ErrorBody,
  FactAnswer,
  FactRequestFull,
  FactRequestPage,
  Me,
  Notification,
} from '../../shared/api/index.ts';
import { ApiError, api, NetworkError } from '../api/client.ts';
import { authKeys } from '../auth/queries.ts';
import { factKeys } from './queries.ts';

type WithRequest = { request: FactRequestFull };

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

/** The emailed link signs the contact in (no password) and names the request it opens. */
export function useConfirmFactLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { token: string }) =>
      api.post<{ me: Me; requestId: string }>('/api/fact-links/confirm', body, { allowUnauthorized: true }),
    onSuccess: ({ me }) => {
      // Whatever the previous person saw must not leak into this session.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'setup' });
      queryClient.setQueryData(authKeys.me, me);
    },
  });
}

export interface DraftBody {
  answer: FactAnswer | null;
  answerVersion: number;
}
export interface DraftSaved {
  answerVersion: number;
  draftAt: string | null;
}

/**
 * Autosave of what the client is typing; the agency does not see drafts. With `leaving`, the
 * request is sent with `keepalive` so it finishes even when the tab is being closed.
 */
export async function saveFactDraft(
  itemId: string,
  body: DraftBody,
  { leaving = false }: { leaving?: boolean } = {},
): Promise<DraftSaved> {
  const json = JSON.stringify(body);
  // The browser refuses keepalive bodies over 64 KB; a long text then goes the usual way.
  const keepalive = leaving && json.length < 30_000;
  let response: Response;
  try {
    response = await fetch(`/api/fact-items/${itemId}/draft`, {
      method: 'PUT',
      credentials: 'same-origin',
      keepalive,
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: json,
    });
  } catch {
    throw new NetworkError();
  }
  const data = parse(await response.text());
  if (response.ok) return data as DraftSaved;
  const error = (data as ErrorBody | undefined)?.error;
  throw new ApiError(
    response.status,
    error && typeof error === 'object' && 'code' in error ? error : { code: 'unknown', message: '' },
  );
}

export function useSubmitFactAnswer(requestId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, ...body }: { itemId: string; answer: FactAnswer; answerVersion: number }) =>
      api.post<WithRequest>(`/api/fact-items/${itemId}/answer`, body),
    onSuccess: ({ request }) => storeFactRequest(queryClient, request),
    onError: () => void queryClient.invalidateQueries({ queryKey: factKeys.request(requestId) }),
  });
}

export function useDeleteFactFile(requestId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fileId: string) => api.delete<WithRequest>(`/api/fact-files/${fileId}`),
    onSuccess: ({ request }) => storeFactRequest(queryClient, request),
    onError: () => void queryClient.invalidateQueries({ queryKey: factKeys.request(requestId) }),
  });
}

export function usePostFactMessage(requestId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, body }: { itemId: string; body: string }) =>
      api.post<WithRequest>(`/api/fact-items/${itemId}/messages`, { body }),
    onSuccess: ({ request }) => storeFactRequest(queryClient, request),
    onError: () => void queryClient.invalidateQueries({ queryKey: factKeys.request(requestId) }),
  });
}

export interface UploadHandle {
  done: Promise<WithRequest>;
  cancel: () => void;
}

/**
 * Uploads one file as multipart (field "file") with XMLHttpRequest, which, unlike fetch,
 * reports the progress of the upload. Rejects with ApiError (413, 415…) or NetworkError.
 */
export function uploadFactFile(
  itemId: string,
  file: File,
  onProgress: (fraction: number) => void,
): UploadHandle {
  const xhr = new XMLHttpRequest();
  const done = new Promise<WithRequest>((resolve, reject) => {
    xhr.open('POST', `/api/fact-items/${itemId}/files`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const data = parse(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300 && data && typeof data === 'object' && 'request' in data) {
        resolve(data as WithRequest);
        return;
      }
      const error = (data as ErrorBody | undefined)?.error;
      reject(
        new ApiError(
          xhr.status,
          error && typeof error === 'object' && 'code' in error
            ? error
            : { code: xhr.status === 413 ? 'file_too_large' : 'unknown', message: xhr.responseText },
        ),
      );
    };
    xhr.onerror = () => reject(new NetworkError());
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { done, cancel: () => xhr.abort() };
}

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** The bell: marks some (or, without ids, all) of my notifications read. */
export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => api.post('/api/notifications/read', ids ? { ids } : {}),
    onMutate: async (ids) => {
      await queryClient.cancelQueries({ queryKey: factKeys.notifications });
      const now = new Date().toISOString();
      queryClient.setQueryData<{ notifications: Notification[]; unread: number }>(
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
