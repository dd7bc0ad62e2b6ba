import type { Executor } from '../db/connect.ts';
import { events } from '../db/schema/index.ts';
import { everyoneRoom, teamRoom } from '../live/rooms.ts';
import { queueLive } from '../live/transact.ts';

export interface EventInput {
  agencyId: string;
  clientId?: string | null;
  type: string;
  subjectType: string;
  subjectId: string;
  data?: Record<string, unknown>;
  /**
   * Who hears of it live: the agency team only (drafts not shared with the client yet) or
   * everyone who sees the client. Defaults to everyone.
   */
  audience?: 'team' | 'everyone';
}

/**
 * Record what happened. Call it inside the transaction that makes the change, so the
 * history can never disagree with the data (no ORM hooks: every command says it explicitly).
 * Inside `transact`, the event also goes live to the client's rooms after commit.
 */
export async function recordEvent(
  tx: Executor,
  who: { id: string; name: string } | null,
  input: EventInput,
): Promise<void> {
  const [row] = await tx
    .insert(events)
    .values({
      agencyId: input.agencyId,
      clientId: input.clientId ?? null,
      actorId: who?.id ?? null,
      actorName: who?.name ?? null,
      type: input.type,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      data: input.data ?? {},
    })
    .returning({ createdAt: events.createdAt });
  if (!input.clientId) return;
  const rooms = [teamRoom(input.clientId)];
  if ((input.audience ?? 'everyone') === 'everyone') rooms.push(everyoneRoom(input.clientId));
  await queueLive(tx, rooms, {
    type: input.type,
    clientId: input.clientId,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    data: input.data ?? {},
    actorName: who?.name ?? null,
    at: (row?.createdAt ?? new Date()).toISOString(),
  });
}
