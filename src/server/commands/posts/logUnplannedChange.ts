import type { z } from 'zod';
import type { logChangeBody } from '../../../shared/api/posts.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { transact } from '../../live/transact.ts';
import { logChange } from '../../posts/changes/log.ts';
import { loadCycleForChangeLog } from './changeScope.ts';

/** Log an unplanned change: a situational post, a replacement or a same-day rewrite. */
export function logUnplannedChange(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  cycleId: string,
  input: z.output<typeof logChangeBody>,
) {
  return transact(ctx, async (tx) => {
    const found = await loadCycleForChangeLog(tx, actor, cycleId);
    return logChange(tx, actor, found, input);
  });
}
