import { sql } from 'drizzle-orm';
import type { Context } from '../context.ts';
import type { Executor, Tx } from '../db/connect.ts';
import { markEffect } from '../http/idempotency.ts';
import type { LiveMessage } from './hub.ts';

// The live messages a transaction has produced so far, published only once it commits.
const pendingByTx = new WeakMap<object, LiveMessage[]>();

/**
 * Run a change in a transaction; the events it records are numbered inside it and
 * published to their rooms after commit, never before and never for a rollback. Run for a
 * create sent with an Idempotency-Key, it marks the key's claim in the same transaction, so
 * "done" is recorded exactly when the change is (`http/idempotency.ts`).
 */
export async function transact<T>(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  const pending: LiveMessage[] = [];
  const result = await ctx.db.transaction(async (tx) => {
    pendingByTx.set(tx, pending);
    const done = await work(tx as Tx);
    await markEffect(tx as Tx);
    return done;
  });
  if (pending.length > 0) {
    // A lost publish is not a lost write: clients notice the gap in the numbers and refetch.
    await ctx.live.publish(pending).catch((err: unknown) => ctx.log.warn({ err }, 'live publish failed'));
  }
  return result;
}

/** Number the next message of each room (gap-free, shared by every process) and queue it. */
export async function queueLive(tx: Executor, rooms: string[], event: LiveMessage['event']): Promise<void> {
  const pending = pendingByTx.get(tx);
  if (!pending) return;
  for (const room of rooms) {
    const result = await tx.execute(
      sql`insert into room_sequences (room, seq) values (${room}, 1)
          on conflict (room) do update set seq = room_sequences.seq + 1 returning seq`,
    );
    const seq = Number((result as unknown as { rows: Array<{ seq: number | string }> }).rows[0]?.seq);
    pending.push({ room, seq, event });
  }
}

/** The current number of a room: what a client starts counting from when it joins. */
export async function currentSeq(db: Executor, room: string): Promise<number> {
  const result = await db.execute(sql`select seq from room_sequences where room = ${room}`);
  const row = (result as unknown as { rows: Array<{ seq: number | string }> }).rows[0];
  return row ? Number(row.seq) : 0;
}
