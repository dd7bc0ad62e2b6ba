import { queryOptions } from '@tanstack/react-query';
import { endpoints } from '../../shared/api/catalogue.ts';
import type { QueryOf } from '../../shared/api/endpoint.ts';
import { call } from '../api/client.ts';
import type { Language } from '../i18n/index.ts';

/** The reserve panel's filters are the listing's query, so a renamed filter is a compile error. */
export type ReserveFilters = QueryOf<typeof endpoints.listReserve>;

/**
 * Plan keys sit under the client (cycles, reserve, holidays) or the cycle (its plan), so
 * invalidating a client refreshes everything shown about it.
 */
export const planKeys = {
  cycles: (clientId: string) => ['clients', clientId, 'cycles'] as const,
  reserveAll: (clientId: string) => ['clients', clientId, 'reserve'] as const,
  reserve: (clientId: string, filters: ReserveFilters) => ['clients', clientId, 'reserve', filters] as const,
  holidays: (clientId: string, month: string, language: Language) =>
    ['clients', clientId, 'holidays', month, language] as const,
  plan: (cycleId: string) => ['cycles', cycleId, 'plan'] as const,
  cadencePreview: (cycleId: string) => ['cycles', cycleId, 'cadence-preview'] as const,
  history: (topicId: string) => ['topics', topicId, 'history'] as const,
};

export const cyclesQuery = (clientId: string) =>
  queryOptions({
    queryKey: planKeys.cycles(clientId),
    queryFn: () => call(endpoints.listCycles, { params: { clientId } }),
    select: (data) => data.cycles,
  });

/** What filling the month would create now; asked afresh each time the preview opens. */
export const cadencePreviewQuery = (cycleId: string) =>
  queryOptions({
    queryKey: planKeys.cadencePreview(cycleId),
    queryFn: () => call(endpoints.previewCadence, { params: { cycleId } }),
    staleTime: 0,
    gcTime: 0,
  });

export const planQuery = (cycleId: string) =>
  queryOptions({
    queryKey: planKeys.plan(cycleId),
    queryFn: () => call(endpoints.getPlan, { params: { cycleId } }),
  });

export const reserveQuery = (clientId: string, filters: ReserveFilters) =>
  queryOptions({
    queryKey: planKeys.reserve(clientId, filters),
    queryFn: () => call(endpoints.listReserve, { params: { clientId }, query: filters }),
    select: (data) => data.topics,
  });

export const topicHistoryQuery = (topicId: string) =>
  queryOptions({
    queryKey: planKeys.history(topicId),
    queryFn: () => call(endpoints.getTopicHistory, { params: { topicId } }),
    select: (data) => data.passes,
  });

/** Holidays of a month never change while the app is open. */
export const holidaysQuery = (clientId: string, month: string, language: Language) =>
  queryOptions({
    queryKey: planKeys.holidays(clientId, month, language),
    queryFn: () => call(endpoints.listHolidays, { params: { clientId }, query: { month, lang: language } }),
    select: (data) => data.days,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
