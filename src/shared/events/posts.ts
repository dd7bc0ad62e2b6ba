import { z } from 'zod';
import { postStatuses } from '../posts/statuses.ts';
import { defineEvent } from './audience.ts';
import { inPlan } from './plan.ts';

/** Every post event names its cycle and month (added by `recordPostEvent`). */
const about = <Shape extends z.ZodRawShape>(shape: Shape) => z.object({ ...inPlan, ...shape });
const change = about({ changeId: z.string() });

/**
 * Posts (stage 4): the team's draft until a version has gone to the client; internal review
 * comments stay the team's for good. A contact sees a post only as the version sent to them,
 * so the agency's edits (fields, files) and its internal moves are the team's whatever the
 * status: the client hears of the next version when it is sent.
 */
export const postEvents = {
  'post.created': defineEvent('post', about({ slotId: z.string() }), 'sentPost'),
  'post.updated': defineEvent('post', about({ fields: z.array(z.string()) }), 'team'),
  'post.status_changed': defineEvent(
    'post',
    about({
      /**
       * A move the client is told of names the status the client knew before it (never the
       * agency's internal review); an internal move, the team's only, the status it left.
       */
      from: z.enum(postStatuses),
      to: z.enum(postStatuses),
      round: z.int(),
    }),
    'sentPostMove',
  ),
  'post.asset_added': defineEvent('post', about({ assetId: z.string(), name: z.string() }), 'team'),
  'post.asset_removed': defineEvent('post', about({ name: z.string() }), 'team'),
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
