import { queryOptions } from '@tanstack/react-query';
import { endpoints } from '../../shared/api/catalogue.ts';
import { call } from '../api/client.ts';

export const todoKeys = { todo: ['todo'] as const };

/** What waits for the signed-in contact, per client (`GET /api/todo`). */
export const todoQuery = queryOptions({
  queryKey: todoKeys.todo,
  queryFn: () => call(endpoints.getTodo, {}),
  select: (data) => data.clients,
});
