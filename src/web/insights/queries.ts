import { queryOptions } from '@tanstack/react-query';
import type { AgencyInsights, ClientInsights } from '../../shared/api/index.ts';
import { api } from '../api/client.ts';

export interface MonthRange {
  from?: string;
  to?: string;
}
const search = ({ from, to }: MonthRange) => {
  const q = new URLSearchParams();
  if (from) q.set('from', from);
  if (to) q.set('to', to);
  const s = q.toString();
  return s ? `?${s}` : '';
};

export const insightKeys = {
  client: (clientId: string, range: MonthRange) => ['clients', clientId, 'insights', range] as const,
  agency: (range: MonthRange) => ['insights', range] as const,
};

/** One client's months in numbers (a contact sees their own client's only). */
export const clientInsightsQuery = (clientId: string, range: MonthRange = {}) =>
  queryOptions({
    queryKey: insightKeys.client(clientId, range),
    queryFn: () => api.get<ClientInsights>(`/api/clients/${clientId}/insights${search(range)}`),
  });

/** Every client of the agency, month by month. */
export const agencyInsightsQuery = (range: MonthRange = {}) =>
  queryOptions({
    queryKey: insightKeys.agency(range),
    queryFn: () => api.get<AgencyInsights>(`/api/insights${search(range)}`),
  });
