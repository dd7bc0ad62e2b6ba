import type { Actor } from '../../auth/actor.ts';
import type { Executor } from '../../db/connect.ts';
import { recordEvent } from '../../events/recordEvent.ts';
import type { FactTemplateRow } from '../../facts/templates.ts';
import type { ClientRow } from '../../tenancy.ts';

/** A change of a standing need: the agency's working knowledge (the catalogue keeps it the team's). */
export const recordTemplateEvent = (
  tx: Executor,
  actor: Actor,
  client: ClientRow,
  type: `fact_template.${'created' | 'updated' | 'deleted'}`,
  t: FactTemplateRow,
) =>
  recordEvent(tx, actor.user, {
    agencyId: client.agencyId,
    clientId: client.id,
    type,
    subjectType: 'fact_template',
    subjectId: t.id,
    data: { rubricId: t.rubricId, question: t.question },
  });
