import type { z } from 'zod';
import type { decisionBody } from '../../../shared/api/meetings.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { transact } from '../../live/transact.ts';
import { decide } from '../../meetings/decide.ts';
import { recordMeetingEvent } from '../../meetings/event.ts';
import { loadMeetingForChange } from '../../meetings/load.ts';
import { canDecide } from '../../policies/meeting.ts';

/** Decide on a topic: accept, change (saying what), park to the reserve, drop, or move to a slot. */
export function decideOnTopic(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  meetingId: string,
  input: z.output<typeof decisionBody>,
): Promise<void> {
  return transact(ctx, async (tx) => {
    const found = await loadMeetingForChange(tx, actor, meetingId, canDecide);
    const { decision, topic } = await decide(tx, actor, found, input);
    await recordMeetingEvent(tx, actor, found, 'meeting.decided', {
      topicId: topic.id,
      title: topic.title,
      kind: decision.kind,
    });
  });
}
