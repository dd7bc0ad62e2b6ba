import { endpoints } from '../../shared/api/catalogue.ts';
import { changeMeeting } from '../commands/meetings/changeMeeting.ts';
import { controlMeetingTimer } from '../commands/meetings/controlMeetingTimer.ts';
import { endMeeting } from '../commands/meetings/endMeeting.ts';
import { handOverFacilitator } from '../commands/meetings/handOverFacilitator.ts';
import { scheduleMeeting } from '../commands/meetings/scheduleMeeting.ts';
import { startMeeting } from '../commands/meetings/startMeeting.ts';
import type { RouteModule } from '../context.ts';
import { route } from '../http/route.ts';
import { loadCycleMeeting } from '../meetings/load.ts';
import { requireActor } from '../plugins/auth.ts';
import { presentMeeting, presentMeetingFor } from '../presenters/meeting.ts';

// After a change the meeting is read again, as the person who changed it sees it.
export const meetingRoutes: RouteModule = (app, ctx) => {
  route(app, endpoints.getCycleMeeting, async (request) => {
    const actor = requireActor(request);
    const found = await loadCycleMeeting(ctx.db, actor, request.params.cycleId);
    return { meeting: found ? await presentMeeting(ctx.db, actor, found) : null };
  });

  route(app, endpoints.getMeeting, async (request) => ({
    meeting: await presentMeetingFor(ctx.db, requireActor(request), request.params.meetingId),
  }));

  route(app, endpoints.scheduleMeeting, async (request) => {
    const actor = requireActor(request);
    const found = await scheduleMeeting(ctx, actor, request.params.cycleId, request.body);
    return { meeting: await presentMeetingFor(ctx.db, actor, found.meeting.id) };
  });

  route(app, endpoints.updateMeeting, async (request) => {
    const actor = requireActor(request);
    const found = await changeMeeting(ctx, actor, request.params.meetingId, request.body);
    return { meeting: await presentMeetingFor(ctx.db, actor, found.meeting.id) };
  });

  route(app, endpoints.startMeeting, async (request) => {
    const actor = requireActor(request);
    const found = await startMeeting(ctx, actor, request.params.meetingId, request.body.version);
    return { meeting: await presentMeetingFor(ctx.db, actor, found.meeting.id) };
  });

  route(app, endpoints.handOverFacilitator, async (request) => {
    const actor = requireActor(request);
    const found = await handOverFacilitator(ctx, actor, request.params.meetingId, request.body);
    return { meeting: await presentMeetingFor(ctx.db, actor, found.meeting.id) };
  });

  route(app, endpoints.controlMeetingTimer, async (request) => {
    const actor = requireActor(request);
    await controlMeetingTimer(ctx, actor, request.params.meetingId, request.body);
    return { meeting: await presentMeetingFor(ctx.db, actor, request.params.meetingId) };
  });

  route(app, endpoints.endMeeting, async (request) => {
    const actor = requireActor(request);
    const found = await endMeeting(ctx, actor, request.params.meetingId, request.body);
    return { meeting: await presentMeetingFor(ctx.db, actor, found.meeting.id) };
  });
};
