import { endpoints } from '../../shared/api/catalogue.ts';
import { commentInReview } from '../commands/meetings/commentInReview.ts';
import type { RouteModule } from '../context.ts';
import { route } from '../http/route.ts';
import { requireActor } from '../plugins/auth.ts';
import { presentReviewComment } from '../presenters/meeting.ts';

/**
 * Fire mode: with no meeting possible, the client's contacts comment on each topic and slot
 * and accept or ask for changes; the agency answers in the same thread.
 */
export const reviewCommentRoutes: RouteModule = (app, ctx) => {
  route(app, endpoints.addReviewComment, async (request) => {
    const row = await commentInReview(ctx, requireActor(request), request.params.meetingId, request.body);
    return { comment: presentReviewComment(row) };
  });
};
