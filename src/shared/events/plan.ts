import { z } from 'zod';
import { cycleStages, likelihoods, topicStatuses } from '../roles.ts';
import { defineEvent } from './audience.ts';

/** Every change of a plan names its cycle and month (added by `recordPlanEvent`). */
export const inPlan = { cycleId: z.string(), month: z.string() };

const topic = z.object({ ...inPlan, title: z.string() });
const place = { date: z.string(), time: z.string() };

/**
 * The cycle itself. Starting one is the agency's business; sharing is the moment the client
 * is told; stage moves follow the plan's rule, and so do deadlines, of the client's own stages.
 */
export const cycleEvents = {
  'cycle.started': defineEvent('cycle', z.object({ month: z.string() }), 'team'),
  'cycle.shared': defineEvent('cycle', z.object({ month: z.string() }), 'everyone'),
  'cycle.stage_changed': defineEvent(
    'cycle',
    z.object({ month: z.string(), from: z.enum(cycleStages), to: z.enum(cycleStages) }),
    'sharedPlan',
  ),
  'cycle.deadlines_changed': defineEvent(
    'cycle',
    z.object({
      month: z.string(),
      deadlines: z
        .partialRecord(z.enum(cycleStages), z.string())
        .describe("The stages whose deadline changed, each with its new date (older rows: every stage's)."),
    }),
    'sharedClientDeadlines',
  ),
};

/**
 * Changes of a plan (schedule, topics, the client's plans): the client's once the plan is shared;
 * a slot's move, not while it holds a sent post the client knows at another time.
 */
export const planEvents = {
  'cadence.updated': defineEvent('cycle', z.object({ ...inPlan, rules: z.int() }), 'sharedPlan'),
  'cadence.applied': defineEvent('cycle', z.object({ ...inPlan, created: z.int() }), 'sharedPlan'),
  'slot.created': defineEvent(
    'slot',
    z.object({ ...inPlan, ...place, copyOf: z.string().optional() }),
    'sharedPlan',
  ),
  'slot.updated': defineEvent('slot', z.object({ ...inPlan, ...place }), 'sharedSlotPlace'),
  'slot.deleted': defineEvent('slot', z.object(inPlan), 'sharedPlan'),
  'slot.topic_placed': defineEvent('slot', z.object({ ...inPlan, topicId: z.string() }), 'sharedPlan'),
  'slot.topic_removed': defineEvent(
    'slot',
    z.object({ ...inPlan, topicId: z.string().nullable() }),
    'sharedPlan',
  ),
  'topic.created': defineEvent('topic', topic, 'sharedPlan'),
  'topic.updated': defineEvent(
    'topic',
    topic.extend({ changed: z.array(z.string()), status: z.enum(topicStatuses).optional() }),
    'sharedPlan',
  ),
  'topic.deleted': defineEvent('topic', topic, 'sharedPlan'),
  'topic.parked': defineEvent('topic', topic, 'sharedPlan'),
  'topic.pulled': defineEvent('topic', topic, 'sharedPlan'),
  'topics.imported': defineEvent('cycle', z.object({ ...inPlan, count: z.int() }), 'sharedPlan'),
  'client_plan.created': defineEvent(
    'client_plan',
    z.object({ ...inPlan, title: z.string(), likelihood: z.enum(likelihoods) }),
    'sharedPlan',
  ),
  'client_plan.updated': defineEvent('client_plan', z.object({ ...inPlan, title: z.string() }), 'sharedPlan'),
  'client_plan.deleted': defineEvent('client_plan', z.object({ ...inPlan, title: z.string() }), 'sharedPlan'),
  'contingency.created': defineEvent(
    'contingency',
    z.object({ ...inPlan, planTitle: z.string() }),
    'sharedPlan',
  ),
  'contingency.updated': defineEvent('contingency', z.object(inPlan), 'sharedPlan'),
  'contingency.deleted': defineEvent('contingency', z.object(inPlan), 'sharedPlan'),
};
