import { z } from 'zod';
import { decisionKinds, meetingFormats, questionStatuses } from '../roles.ts';
import { defineEvent } from './audience.ts';
import { inPlan } from './plan.ts';

/** Every meeting event names its cycle, month and meeting (added by `recordMeetingEvent`). */
const inMeeting = { ...inPlan, meetingId: z.string() };
const about = <Shape extends z.ZodRawShape>(shape: Shape) => z.object({ ...inMeeting, ...shape });

const timer = z.object({ itemId: z.string(), endsAt: z.string().nullable(), remainingMs: z.number() });

/** The meeting (stage 2) is part of the plan: its events follow the plan's rule. */
export const meetingEvents = {
  'meeting.scheduled': defineEvent('meeting', about({ format: z.enum(meetingFormats) }), 'sharedPlan'),
  'meeting.updated': defineEvent('meeting', about({ moved: z.boolean() }), 'sharedPlan'),
  'meeting.started': defineEvent('meeting', about({ format: z.enum(meetingFormats) }), 'sharedPlan'),
  'meeting.facilitator_changed': defineEvent('meeting', about({ facilitatorName: z.string() }), 'sharedPlan'),
  'meeting.timer': defineEvent(
    'meeting',
    about({
      action: z.enum(['start', 'pause', 'resume', 'reset']),
      itemId: z.string(),
      timer: timer.nullable(),
      // Set when the server paused it itself: the facilitator moved the focus off its item.
      because: z.enum(['focus_moved']).optional(),
    }),
    'sharedPlan',
  ),
  'meeting.ended': defineEvent('meeting', about({}), 'sharedPlan'),
  'agenda.changed': defineEvent(
    'meeting',
    about({ itemId: z.string(), removed: z.boolean().optional() }),
    'sharedPlan',
  ),
  'meeting.question_asked': defineEvent('meeting', about({ questionId: z.string() }), 'sharedPlan'),
  'meeting.question_changed': defineEvent(
    'meeting',
    about({ questionId: z.string(), status: z.enum(questionStatuses) }),
    'sharedPlan',
  ),
  'meeting.voted': defineEvent('meeting', about({ topicId: z.string() }), 'sharedPlan'),
  'meeting.reacted': defineEvent('meeting', about({ topicId: z.string() }), 'sharedPlan'),
  'meeting.idea_added': defineEvent(
    'meeting',
    about({ topicId: z.string(), title: z.string() }),
    'sharedPlan',
  ),
  'meeting.decided': defineEvent(
    'meeting',
    about({ topicId: z.string(), title: z.string(), kind: z.enum(decisionKinds) }),
    'sharedPlan',
  ),
  'meeting.commented': defineEvent(
    'meeting',
    about({
      subjectType: z.enum(['topic', 'slot']),
      subjectId: z.string(),
      verdict: z.enum(['accept', 'changes']).nullable(),
    }),
    'sharedPlan',
  ),
};
