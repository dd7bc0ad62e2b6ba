import type { Executor } from '../db/connect.ts';
import { events } from '../db/schema/index.ts';

export interface EventInput {
  agencyId: string;
  clientId?: string | null;
  type: string;
  subjectType: string;
  subjectId: string;
  data?: Record<string, unknown>;
}

/**
 * Record what happened. Call it inside the transaction that makes the change, so the
 * history can never disagree with the data (no ORM hooks: every command says it explicitly).
 */
export async function recordEvent(
  tx: Executor,
  who: { id: string; name: string } | null,
  input: EventInput,
): Promise<void> {
  await tx.insert(events).values({
    agencyId: input.agencyId,
    clientId: input.clientId ?? null,
    actorId: who?.id ?? null,
    actorName: who?.name ?? null,
    type: input.type,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    data: input.data ?? {},
  });
}
