import type { z } from 'zod';
import type { cadenceRule, slot, topic } from '../../shared/api/planning.ts';
import type { Format } from '../../shared/roles.ts';
import { localParts } from '../../shared/time.ts';
import type { cadenceRules, slots, topics } from '../db/schema/index.ts';

export function presentSlot(row: typeof slots.$inferSelect, timezone: string): z.infer<typeof slot> {
  const local = localParts(row.startsAt, timezone);
  return {
    id: row.id,
    cycleId: row.cycleId,
    startsAt: row.startsAt.toISOString(),
    date: local.date,
    time: local.time,
    channelId: row.channelId,
    format: row.format,
    rubricId: row.rubricId,
    topicId: row.topicId,
    version: row.version,
  };
}

export function presentTopic(row: typeof topics.$inferSelect, slotId: string | null): z.infer<typeof topic> {
  return {
    id: row.id,
    clientId: row.clientId,
    cycleId: row.cycleId,
    title: row.title,
    angle: row.angle,
    rubricId: row.rubricId,
    channelId: row.channelId,
    format: (row.format ?? null) as Format | null,
    source: row.source,
    status: row.status,
    authorName: row.authorName,
    tags: row.tags,
    position: row.position,
    slotId,
    reservedAt: row.reservedAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentCadenceRule(row: typeof cadenceRules.$inferSelect): z.infer<typeof cadenceRule> {
  return {
    id: row.id,
    channelId: row.channelId,
    format: row.format,
    weekdays: row.weekdays,
    time: row.time,
    rubricId: row.rubricId,
  };
}
