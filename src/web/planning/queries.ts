import { queryOptions } from '@tanstack/react-query';
import type { Cycle, Plan, Topic } from '../../shared/api/index.ts';
import { api, withQuery } from '../api/client.ts';

export interface ReserveFilters {
  q?: string;
  rubricId?: string;
  tag?: string;
  olderThanDays?: number;
}

export interface TopicPass {
  cycleId: string;
  month: string;
  enteredAt: string;
  leftAt: string | null;
  leftAs: string | null;
}

export interface Holiday {
  date: string;
  name: string;
  type: 'public' | 'observance';
}

export interface ImportPreview {
  encoding: string;
  rows: { line: number; title: string; angle: string; rubricId: string | null; date: string | null }[];
  errors: { line: number; column?: string; message: string }[];
  created?: number;
}

/**
 * Plan keys sit under the client (cycles, reserve, holidays) or the cycle (its plan), so
 * invalidating a client refreshes everything shown about it.
 */
export const planKeys = {
  cycles: (clientId: string) => ['clients', clientId, 'cycles'] as const,
  reserveAll: (clientId: string) => ['clients', clientId, 'reserve'] as const,
  reserve: (clientId: string, filters: ReserveFilters) => ['clients', clientId, 'reserve', filters] as const,
  holidays: (clientId: string, month: string, language: string) =>
    ['clients', clientId, 'holidays', month, language] as const,
  plan: (cycleId: string) => ['cycles', cycleId, 'plan'] as const,
  history: (topicId: string) => ['topics', topicId, 'history'] as const,
};

export const cyclesQuery = (clientId: string) =>
  queryOptions({
    queryKey: planKeys.cycles(clientId),
    queryFn: () => api.get<{ cycles: Cycle[] }>(`/api/clients/${clientId}/cycles`),
    select: (data) => data.cycles,
  });

export const planQuery = (cycleId: string) =>
  queryOptions({
    queryKey: planKeys.plan(cycleId),
    queryFn: () => api.get<Plan>(`/api/cycles/${cycleId}/plan`),
  });

export const reserveQuery = (clientId: string, filters: ReserveFilters) =>
  queryOptions({
    queryKey: planKeys.reserve(clientId, filters),
    queryFn: () =>
      api.get<{ topics: Topic[] }>(withQuery(`/api/clients/${clientId}/reserve`, { ...filters })),
    select: (data) => data.topics,
  });

export const topicHistoryQuery = (topicId: string) =>
  queryOptions({
    queryKey: planKeys.history(topicId),
    queryFn: () => api.get<{ passes: TopicPass[] }>(`/api/topics/${topicId}/history`),
    select: (data) => data.passes,
  });

/** Holidays of a month never change while the app is open. */
export const holidaysQuery = (clientId: string, month: string, language: string) =>
  queryOptions({
    queryKey: planKeys.holidays(clientId, month, language),
    queryFn: () =>
      api.get<{ days: Holiday[] }>(withQuery(`/api/clients/${clientId}/holidays`, { month, lang: language })),
    select: (data) => data.days,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
