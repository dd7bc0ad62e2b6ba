import { queryOptions } from '@tanstack/react-query';
import { endpoints } from '../../shared/api/catalogue.ts';
import { call } from '../api/client.ts';

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
    queryFn: () => call(endpoints.getCycleFactRequest, { params: { cycleId } }),
    select: (data) => data.request,
  });

export const factRequestQuery = (requestId: string) =>
  queryOptions({
    queryKey: factKeys.request(requestId),
    queryFn: () => call(endpoints.getFactRequest, { params: { requestId } }),
  });

export const notificationsQuery = queryOptions({
  queryKey: factKeys.notifications,
  queryFn: () => call(endpoints.listNotifications),
  // The bell also refreshes on live events; this catches reminders sent by a worker.
  refetchInterval: 60_000,
});
