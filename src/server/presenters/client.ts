import type { z } from 'zod';
import type { channel, client, rubric } from '../../shared/api/clients.ts';
import type { Actor } from '../auth/actor.ts';
import type { channels, rubrics } from '../db/schema/index.ts';
import { clientAbilities } from '../policies/client.ts';
import { sideOf } from '../policies/side.ts';
import type { ClientRow } from '../tenancy.ts';

export interface ClientCounts {
  channels: number;
  rubrics: number;
  contacts: number;
}

export function presentClient(
  actor: Actor,
  row: ClientRow,
  counts: ClientCounts,
  cycles: Pick<z.infer<typeof client>, 'currentCycle' | 'nextCycle'> = {
    currentCycle: null,
    nextCycle: null,
  },
): z.infer<typeof client> {
  // The agency's own schedule and its internal review are its business, not its client's.
  const agencySide = sideOf(actor, row) === 'agency';
  return {
    id: row.id,
    name: row.name,
    timezone: row.timezone,
    archived: row.archivedAt !== null,
    version: row.version,
    stageDays: agencySide ? row.stageDays : null,
    factReminders: row.factReminders,
    postInternalReview: agencySide ? row.postInternalReview : null,
    coCreationSince: row.coCreationSince,
    approvalLeadDays: row.approvalLeadDays,
    language: row.language,
    createdAt: row.createdAt.toISOString(),
    currentCycle: cycles.currentCycle,
    nextCycle: cycles.nextCycle,
    counts,
    abilities: clientAbilities(actor, row),
  };
}

export function presentChannel(row: typeof channels.$inferSelect): z.infer<typeof channel> {
  return { id: row.id, network: row.network, handle: row.handle, formats: row.formats, version: row.version };
}

export function presentRubric(row: typeof rubrics.$inferSelect): z.infer<typeof rubric> {
  return { id: row.id, name: row.name, color: row.color, version: row.version };
}
