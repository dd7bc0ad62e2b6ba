import type { z } from 'zod';
import type { clientPlan, contingency } from '../../shared/api/clientPlans.ts';
import type { clientPlans, contingencies } from '../db/schema/index.ts';

type PlanRow = typeof clientPlans.$inferSelect;
type ContingencyRow = typeof contingencies.$inferSelect;

export const presentContingency = (c: ContingencyRow): z.infer<typeof contingency> => ({
  id: c.id,
  planId: c.planId,
  concept: c.concept,
  trigger: c.trigger,
  channelId: c.channelId,
  format: c.format ?? null,
  authorName: c.authorName,
  version: c.version,
});

/** A client's plan with its contingencies, picked from `cs` (which may hold other plans' too). */
export const presentClientPlan = (p: PlanRow, cs: ContingencyRow[]): z.infer<typeof clientPlan> => ({
  id: p.id,
  cycleId: p.cycleId,
  title: p.title,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  likelihood: p.likelihood,
  notes: p.notes,
  authorName: p.authorName,
  version: p.version,
  createdAt: p.createdAt.toISOString(),
  contingencies: cs.filter((c) => c.planId === p.id).map(presentContingency),
});
