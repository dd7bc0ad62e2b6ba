import { queryOptions } from '@tanstack/react-query';
import type { FactRequestFull, FactRequestPage, Notification } from '../../shared/api/index.ts';
import { api } from '../api/client.ts';

export const factKeys = {
  /** The request as the cycle page shows it (null before the meeting drafted one). */
  cycleRequest: (cycleId: string) => ['cycles', cycleId, 'fact-request'] as const,
  /** The request with its month and client: the page the emailed link opens. */
  request: (requestId: string) => ['fact-requests', requestId] as const,
  notifications: ['notifications'] as const,
};

export const cycleFactRequestQuery = (cycleId: string) =>
  queryOptions({
    queryKey: factKeys.cycleRequest(cycleId),
    queryFn: () => api.get<{ request: FactRequestFull | null }>(`/api/cycles/${cycleId}/fact-request`),
    select: (data) => data.request,
  });

export const factRequestQuery = (requestId: string) =>
  queryOptions({
    queryKey: factKeys.request(requestId),
    queryFn: () => api.get<FactRequestPage>(`/api/fact-requests/${requestId}`),
  });

export const notificationsQuery = queryOptions({
  queryKey: factKeys.notifications,
  queryFn: () => api.get<{ notifications: Notification[]; unread: number }>('/api/notifications'),
  // The bell also refreshes on live events; this catches reminders sent by a worker.
  refetchInterval: 60_000,
});
