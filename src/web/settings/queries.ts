import { queryOptions } from '@tanstack/react-query';
import { endpoints } from '../../shared/api/catalogue.ts';
import { call } from '../api/client.ts';

export const settingsKeys = {
  members: ['members'] as const,
  invitations: ['invitations'] as const,
  sessions: ['sessions'] as const,
  outbox: ['outbox'] as const,
};

export const membersQuery = queryOptions({
  queryKey: settingsKeys.members,
  queryFn: () => call(endpoints.listMembers),
  select: (data) => data.members,
});

export const invitationsQuery = queryOptions({
  queryKey: settingsKeys.invitations,
  queryFn: () => call(endpoints.listInvitations),
  select: (data) => data.invitations,
});

export const sessionsQuery = queryOptions({
  queryKey: settingsKeys.sessions,
  queryFn: () => call(endpoints.listSessions),
  select: (data) => data.sessions,
});

export const outboxQuery = queryOptions({
  queryKey: settingsKeys.outbox,
  queryFn: () => call(endpoints.listOutboxMessages),
  select: (data) => data.messages,
});
