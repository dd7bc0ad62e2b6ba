import { queryOptions } from '@tanstack/react-query';
import { endpoints } from '../../shared/api/catalogue.ts';
import type { QueryOf } from '../../shared/api/endpoint.ts';
import { call } from '../api/client.ts';

/** The months asked for: the insights endpoints' own query, so the two cannot drift apart. */
export type MonthRange = QueryOf<typeof endpoints.getClientInsights>;

export const insightKeys = {
  client: (clientId: string, range: MonthRange) => ['clients', clientId, 'insights', range] as const,
  agency: (range: MonthRange) => ['insights', range] as const,
};

/** One client's months in numbers (a contact sees their own client's only). */
export const clientInsightsQuery = (clientId: string, range: MonthRange = {}) =>
  queryOptions({
    queryKey: insightKeys.client(clientId, range),
    queryFn: () => call(endpoints.getClientInsights, { params: { clientId }, query: range }),
  });

/** Every client of the agency, month by month. */
export const agencyInsightsQuery = (range: MonthRange = {}) =>
  queryOptions({
    queryKey: insightKeys.agency(range),
    queryFn: () => call(endpoints.getAgencyInsights, { query: range }),
  });
