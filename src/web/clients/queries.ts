import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type {
  ActivityEvent,
  Channel,
  Client,
  Contact,
  FactTemplate,
  Invitation,
  Me,
  Member,
  OutboxMessage,
  Rubric,
  Session,
} from '../../shared/api/index.ts';
import { ApiError, api, withQuery } from '../api/client.ts';

/** Query keys in one place, so mutations invalidate exactly what they change. */
export const keys = {
  setup: ['setup'] as const,
  me: ['me'] as const,
  clients: ['clients'] as const,
  clientList: (archived: boolean) => ['clients', 'list', { archived }] as const,
  client: (clientId: string) => ['clients', clientId] as const,
  channels: (clientId: string) => ['clients', clientId, 'channels'] as const,
  rubrics: (clientId: string) => ['clients', clientId, 'rubrics'] as const,
  factTemplates: (clientId: string, rubricId: string) =>
    ['clients', clientId, 'rubrics', rubricId, 'fact-templates'] as const,
  contacts: (clientId: string) => ['clients', clientId, 'contacts'] as const,
  events: (clientId: string) => ['clients', clientId, 'events'] as const,
  members: ['members'] as const,
  invitations: ['invitations'] as const,
  sessions: ['sessions'] as const,
  outbox: ['outbox'] as const,
};

export const setupQuery = queryOptions({
  queryKey: keys.setup,
  queryFn: () => api.get<{ needsSetup: boolean }>('/api/setup'),
  staleTime: Number.POSITIVE_INFINITY,
});

/** The signed-in person, or null when nobody is signed in (a 401 is an answer here). */
export const meQuery = queryOptions({
  queryKey: keys.me,
  queryFn: async (): Promise<Me | null> => {
    try {
      return await api.get<Me>('/api/me', { allowUnauthorized: true });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 60_000,
});

export const clientListQuery = (archived: boolean) =>
  queryOptions({
    queryKey: keys.clientList(archived),
    queryFn: () => api.get<{ clients: Client[] }>(withQuery('/api/clients', { archived })),
    select: (data) => data.clients,
  });

export const clientQuery = (clientId: string) =>
  queryOptions({
    queryKey: keys.client(clientId),
    queryFn: () => api.get<{ client: Client }>(`/api/clients/${clientId}`),
    select: (data) => data.client,
  });

export const channelsQuery = (clientId: string) =>
  queryOptions({
    queryKey: keys.channels(clientId),
    queryFn: () => api.get<{ channels: Channel[] }>(`/api/clients/${clientId}/channels`),
    select: (data) => data.channels,
  });

export const rubricsQuery = (clientId: string) =>
  queryOptions({
    queryKey: keys.rubrics(clientId),
    queryFn: () => api.get<{ rubrics: Rubric[] }>(`/api/clients/${clientId}/rubrics`),
    select: (data) => data.rubrics,
  });

/** What a rubric always needs from the client; the agency's side only. */
export const factTemplatesQuery = (clientId: string, rubricId: string) =>
  queryOptions({
    queryKey: keys.factTemplates(clientId, rubricId),
    queryFn: () =>
      api.get<{ templates: FactTemplate[] }>(`/api/clients/${clientId}/rubrics/${rubricId}/fact-templates`),
    select: (data) => data.templates,
  });

export const contactsQuery = (clientId: string) =>
  queryOptions({
    queryKey: keys.contacts(clientId),
    queryFn: () =>
      api.get<{ contacts: Contact[]; invitations: Invitation[] }>(`/api/clients/${clientId}/contacts`),
  });

export const EVENTS_PAGE = 30;

export const eventsQuery = (clientId: string) =>
  infiniteQueryOptions({
    queryKey: keys.events(clientId),
    queryFn: ({ pageParam }) =>
      api.get<{ events: ActivityEvent[]; nextBefore: number | null }>(
        withQuery(`/api/clients/${clientId}/events`, { before: pageParam, limit: EVENTS_PAGE }),
      ),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });

export const membersQuery = queryOptions({
  queryKey: keys.members,
  queryFn: () => api.get<{ members: Member[] }>('/api/members'),
  select: (data) => data.members,
});

export const invitationsQuery = queryOptions({
  queryKey: keys.invitations,
  queryFn: () => api.get<{ invitations: Invitation[] }>('/api/invitations'),
  select: (data) => data.invitations,
});

export const sessionsQuery = queryOptions({
  queryKey: keys.sessions,
  queryFn: () => api.get<{ sessions: Session[] }>('/api/sessions'),
  select: (data) => data.sessions,
});

export const outboxQuery = queryOptions({
  queryKey: keys.outbox,
  queryFn: () => api.get<{ messages: OutboxMessage[] }>('/api/outbox'),
  select: (data) => data.messages,
});
