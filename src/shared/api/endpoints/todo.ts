import { endpoint } from '../endpoint.ts';
import { todoList } from '../todo.ts';

export const getTodo = endpoint({
  operationId: 'getTodo',
  // Not for a scoped link's session: a link opens one subject, the to-do spans all of them.
  method: 'GET',
  path: '/api/todo',
  tags: ['todo'],
  summary:
    "What waits for you as a client contact: posts to approve, fact items to answer, the review to give, the next meeting; from the same rule as the cycles' whose move",
  responses: { 200: todoList },
});
