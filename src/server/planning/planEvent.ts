import type { Actor } from '../auth/actor.ts';
import { recordEvent } from '../commands/recordEvent.ts';
import type { Executor } from '../db/connect.ts';
import type { CycleInClient } from './load.ts';

/** Record a change of a plan; the client hears of it live only once the plan is shared. */
export function recordPlanEvent(
  tx: Executor,
  actor: Actor,
  { cycle, client }: CycleInClient,
  type: string,
  subject: { type: string; id: string },
  data: Record<string, unknown> = {},
) {
  return recordEvent(tx, actor.user, {
    agencyId: client.agencyId,
    clientId: client.id,
    type,
    subjectType: subject.type,
    subjectId: subject.id,
    data: { cycleId: cycle.id, month: cycle.month, ...data },
    audience: cycle.sharedAt ? 'everyone' : 'team',
  });
}
