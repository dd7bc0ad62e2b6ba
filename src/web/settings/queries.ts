import { queryOptions } from '@tanstack/react-query';
import type { Invitation, Member, OutboxMessage, Session } from '../../shared/api/index.ts';
import { api } from '../api/client.ts';

export const settingsKeys = {
  members: ['members'] as const,
  invitations: ['invitations'] as const,
  sessions: ['sessions'] as const,
  outbox: ['outbox'] as const,
};

export const membersQuery = queryOptions({
  queryKey: settingsKeys.members,
  queryFn: () => api.get<{ members: Member[] }>('/api/members'),
  select: (data) => data.members,
});

export const invitationsQuery = queryOptions({
  queryKey: settingsKeys.invitations,
  queryFn: () => api.get<{ invitations: Invitation[] }>('/api/invitations'),
  select: (data) => data.invitations,
});

export const sessionsQuery = queryOptions({
  queryKey: settingsKeys.sessions,
  queryFn: () => api.get<{ sessions: Session[] }>('/api/sessions'),
  select: (data) => data.sessions,
});

export const outboxQuery = queryOptions({
  queryKey: settingsKeys.outbox,
  queryFn: () => api.get<{ messages: OutboxMessage[] }>('/api/outbox'),
  select: (data) => data.messages,
});
