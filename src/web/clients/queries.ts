import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { endpoints } from '../../shared/api/catalogue.ts';
import { call } from '../api/client.ts';

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
    queryFn: () => call(endpoints.listClients, { query: { archived: archived ? 'true' : 'false' } }),
    select: (data) => data.clients,
  });

export const clientQuery = (clientId: string) =>
  queryOptions({
    queryKey: clientKeys.client(clientId),
    queryFn: () => call(endpoints.getClient, { params: { clientId } }),
    select: (data) => data.client,
  });

export const channelsQuery = (clientId: string) =>
  queryOptions({
    queryKey: clientKeys.channels(clientId),
    queryFn: () => call(endpoints.listChannels, { params: { clientId } }),
    select: (data) => data.channels,
  });

export const rubricsQuery = (clientId: string) =>
  queryOptions({
    queryKey: clientKeys.rubrics(clientId),
    queryFn: () => call(endpoints.listRubrics, { params: { clientId } }),
    select: (data) => data.rubrics,
  });

/** What a rubric always needs from the client; the agency's side only. */
export const factTemplatesQuery = (clientId: string, rubricId: string) =>
  queryOptions({
    queryKey: clientKeys.factTemplates(clientId, rubricId),
    queryFn: () => call(endpoints.listFactTemplates, { params: { clientId, rubricId } }),
    select: (data) => data.templates,
  });

export const contactsQuery = (clientId: string) =>
  queryOptions({
    queryKey: clientKeys.contacts(clientId),
    queryFn: () => call(endpoints.listContacts, { params: { clientId } }),
  });

export const EVENTS_PAGE = 30;

export const eventsQuery = (clientId: string) =>
  infiniteQueryOptions({
    queryKey: clientKeys.events(clientId),
    queryFn: ({ pageParam }) =>
      call(endpoints.listClientEvents, {
        params: { clientId },
        query: { before: pageParam, limit: EVENTS_PAGE },
      }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
