import type { Actor } from '../auth/actor.ts';
import { recordEvent } from '../commands/recordEvent.ts';
import type { Executor } from '../db/connect.ts';
import type { PostInCycle } from './load.ts';

/**
 * Record a post's event. Until a version has gone to the client the post is the team's
 * draft: its events stay in the team's room.
 */
export function recordPostEvent(
  tx: Executor,
  actor: Actor | null,
  { post, client, cycle }: Pick<PostInCycle, 'post' | 'client' | 'cycle'>,
  type: string,
  data: Record<string, unknown> = {},
  teamOnly = false,
) {
  return recordEvent(tx, actor?.user ?? null, {
    agencyId: client.agencyId,
    clientId: client.id,
    type,
    subjectType: 'post',
    subjectId: post.id,
    data: { month: cycle.month, cycleId: cycle.id, ...data },
    audience: post.revision > 0 && !teamOnly ? 'everyone' : 'team',
  });
}
