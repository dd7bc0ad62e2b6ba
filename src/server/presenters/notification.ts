import type { z } from 'zod';
import type { notification } from '../../shared/api/facts.ts';
import type { notifications } from '../db/schema/index.ts';

export function presentNotification(row: typeof notifications.$inferSelect): z.infer<typeof notification> {
  return {
    id: row.id,
    kind: row.kind,
    data: row.data,
    link: row.link,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
