import { z } from 'zod';
import { sides } from '../roles.ts';
import { defineEvent } from './audience.ts';
import { inPlan } from './plan.ts';

/** Every fact request event names its cycle, month and request (added by `recordFactEvent`). */
const inRequest = { ...inPlan, requestId: z.string() };
const about = <Shape extends z.ZodRawShape>(shape: Shape) => z.object({ ...inRequest, ...shape });
const item = about({ itemId: z.string() });
const question = about({ itemId: z.string(), question: z.string() });

/** The fact request (stage 3): the agency's draft until it is sent, then both sides'. */
export const factEvents = {
  'fact_request.drafted': defineEvent('fact_request', about({}), 'sentFactRequest'),
  'fact_request.sent': defineEvent('fact_request', about({}), 'sentFactRequest'),
  'fact_request.completed': defineEvent('fact_request', about({}), 'sentFactRequest'),
  'fact_request.reopened': defineEvent('fact_request', about({}), 'sentFactRequest'),
  'fact_request.reminded': defineEvent(
    'fact_request',
    about({ dueOn: z.string(), offsetDays: z.int(), items: z.int() }),
    'sentFactRequest',
  ),
  'fact_request.resent': defineEvent('fact_request', about({ contacts: z.int() }), 'sentFactRequest'),
  'fact_item.created': defineEvent('fact_request', item, 'sentFactRequest'),
  'fact_item.updated': defineEvent('fact_request', item, 'sentFactRequest'),
  'fact_item.deleted': defineEvent('fact_request', item, 'sentFactRequest'),
  'fact_item.answered': defineEvent('fact_request', question, 'sentFactRequest'),
  'fact_item.accepted': defineEvent('fact_request', question, 'sentFactRequest'),
  'fact_item.follow_up': defineEvent('fact_request', question, 'sentFactRequest'),
  'fact_item.message': defineEvent(
    'fact_request',
    about({ itemId: z.string(), side: z.enum(sides) }),
    'sentFactRequest',
  ),
  'fact_file.added': defineEvent(
    'fact_request',
    about({ itemId: z.string(), fileId: z.string(), name: z.string() }),
    'sentFactRequest',
  ),
  'fact_file.removed': defineEvent(
    'fact_request',
    about({ itemId: z.string(), name: z.string() }),
    'sentFactRequest',
  ),
};
