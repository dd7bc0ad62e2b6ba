import { endpoints } from '../../shared/api/catalogue.ts';
import { askQuestion } from '../commands/meetings/askQuestion.ts';
import { editQuestion } from '../commands/meetings/editQuestion.ts';
import type { RouteModule } from '../context.ts';
import { route } from '../http/route.ts';
import { requireActor } from '../plugins/auth.ts';
import { presentQuestion } from '../presenters/meeting.ts';

/** Either side asks; the other answers on the spot, or it goes to the fact request with its topic. */
export const questionRoutes: RouteModule = (app, ctx) => {
  route(app, endpoints.askQuestion, async (request) => {
    const row = await askQuestion(ctx, requireActor(request), request.params.meetingId, request.body);
    return { question: presentQuestion(row) };
  });

  route(app, endpoints.updateQuestion, async (request) => {
    const row = await editQuestion(ctx, requireActor(request), request.params.questionId, request.body);
    return { question: presentQuestion(row) };
  });
};
