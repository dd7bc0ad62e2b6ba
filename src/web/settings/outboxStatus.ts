import type { OutboxMessage } from '../../shared/api/index.ts';

export const outboxStatusColor: Record<OutboxMessage['status'], string> = {
  kept: 'blue',
  sent: 'teal',
  failed: 'red',
};
