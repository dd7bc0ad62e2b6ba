import type { OutboxMessage } from '../../shared/api/index.ts';

export const outboxStatusColor: Record<OutboxMessage['status'], string> = {
  queued: 'blue',
  sent: 'teal',
  failed: 'red',
  not_configured: 'gray',
};
