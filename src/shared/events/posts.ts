import { z } from 'zod';
import { postStatuses } from '../posts/statuses.ts';
import { defineEvent } from './audience.ts';
import { inPlan } from './plan.ts';

/** Every post event names its cycle and month (added by `recordPostEvent`). */
const about = <Shape extends z.ZodRawShape>(shape: Shape) => z.object({ ...inPlan, ...shape });
const change = about({ changeId: z.string() });

/**
 * Posts (stage 4): the team's draft until a version has gone to the client; internal review
 * comments stay the team's for good.
 */
export const postEvents = {
  'post.created': defineEvent('post', about({ slotId: z.string() }), 'sentPost'),
  'post.updated': defineEvent('post', about({ fields: z.array(z.string()) }), 'sentPost'),
  'post.status_changed': defineEvent(
    'post',
    about({ from: z.enum(postStatuses), to: z.enum(postStatuses), round: z.int() }),
    'sentPost',
  ),
  'post.asset_added': defineEvent('post', about({ assetId: z.string(), name: z.string() }), 'sentPost'),
  'post.asset_removed': defineEvent('post', about({ name: z.string() }), 'sentPost'),
  'post.commented': defineEvent('post', about({}), 'sentPostOpenComment'),
  'post.comment_resolved': defineEvent('post', about({ resolved: z.boolean() }), 'sentPostOpenComment'),
  'post.situational_added': defineEvent('post', change, 'sentPost'),
  'post.contingency_activated': defineEvent(
    'post',
    about({ changeId: z.string(), concept: z.string() }),
    'sentPost',
  ),
  'post.replaced': defineEvent('post', change, 'sentPost'),
  'post.rewrite_logged': defineEvent('post', change, 'sentPost'),
};
