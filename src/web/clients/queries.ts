import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type {
  ActivityEvent,
  Channel,
  Client,
  Contact,
  FactTemplate,
  Invitation,
  Rubric,
} from '../../shared/api/index.ts';
import { api, withQuery } from '../api/client.ts';

/** Everything about a client sits under its key, so invalidating `clients` refreshes it all. */
export const clientKeys = {
  clients: ['clients'] as const,
  clientList: (archived: boolean) => ['clients', 'list', { archived }] as const,
  client: (clientId: string) => ['clients', clientId] as const,
  channels: (clientId: string) => ['clients', clientId, 'channels'] as const,
  rubrics: (clientId: string) => ['clients', clientId, 'rubrics'] as const,
  factTemplates: (clientId: string, rubricId: string) =>
    ['clients', clientId, 'rubrics', rubricId, 'fact-templates'] as const,
  contacts: (clientId: string) => ['clients', clientId, 'contacts'] as const,
  events: (clientId: string) => ['clients', clientId, 'events'] as const,
};

export const clientListQuery = (archived: boolean) =>
  queryOptions({
    queryKey: clientKeys.clientList(archived),
    queryFn: () => api.get<{ clients: Client[] }>(withQuery('/api/clients', { archived })),
    select: (data) => data.clients,
  });

export const clientQuery = (clientId: string) =>
  queryOptions({
    queryKey: clientKeys.client(clientId),
    queryFn: () => api.get<{ client: Client }>(`/api/clients/${clientId}`),
    select: (data) => data.client,
  });

export const channelsQuery = (clientId: string) =>
  queryOptions({
    queryKey: clientKeys.channels(clientId),
    queryFn: () => api.get<{ channels: Channel[] }>(`/api/clients/${clientId}/channels`),
    select: (data) => data.channels,
  });

export const rubricsQuery = (clientId: string) =>
  queryOptions({
    queryKey: clientKeys.rubrics(clientId),
    queryFn: () => api.get<{ rubrics: Rubric[] }>(`/api/clients/${clientId}/rubrics`),
    select: (data) => data.rubrics,
  });

/** What a rubric always needs from the client; the agency's side only. */
export const factTemplatesQuery = (clientId: string, rubricId: string) =>
  queryOptions({
    queryKey: clientKeys.factTemplates(clientId, rubricId),
    queryFn: () =>
      api.get<{ templates: FactTemplate[] }>(`/api/clients/${clientId}/rubrics/${rubricId}/fact-templates`),
    select: (data) => data.templates,
  });

export const contactsQuery = (clientId: string) =>
  queryOptions({
    queryKey: clientKeys.contacts(clientId),
    queryFn: () =>
      api.get<{ contacts: Contact[]; invitations: Invitation[] }>(`/api/clients/${clientId}/contacts`),
  });

export const EVENTS_PAGE = 30;

export const eventsQuery = (clientId: string) =>
  infiniteQueryOptions({
    queryKey: clientKeys.events(clientId),
    queryFn: ({ pageParam }) =>
      api.get<{ events: ActivityEvent[]; nextBefore: number | null }>(
        withQuery(`/api/clients/${clientId}/events`, { before: pageParam, limit: EVENTS_PAGE }),
      ),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
