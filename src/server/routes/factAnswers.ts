import { endpoints } from '../../shared/api/catalogue.ts';
import { acceptFactAnswer } from '../commands/facts/acceptFactAnswer.ts';
import { askFactFollowUp } from '../commands/facts/askFactFollowUp.ts';
import { saveFactDraft } from '../commands/facts/saveFactDraft.ts';
import { submitFactAnswer } from '../commands/facts/submitFactAnswer.ts';
import { writeFactMessage } from '../commands/facts/writeFactMessage.ts';
import type { RouteModule } from '../context.ts';
import { route } from '../http/route.ts';
import { requireActor } from '../plugins/auth.ts';

export const factAnswerRoutes: RouteModule = (app, ctx) => {
  route(app, endpoints.saveFactDraft, (request) =>
    saveFactDraft(ctx, requireActor(request), request.params.itemId, request.body),
  );

  route(app, endpoints.submitFactAnswer, async (request) => ({
    request: await submitFactAnswer(ctx, requireActor(request), request.params.itemId, request.body),
  }));

  route(app, endpoints.acceptFactAnswer, async (request) => ({
    request: await acceptFactAnswer(
      ctx,
      requireActor(request),
      request.params.itemId,
      request.body.reviewVersion,
    ),
  }));

  route(app, endpoints.askFactFollowUp, async (request) => ({
    request: await askFactFollowUp(ctx, requireActor(request), request.params.itemId, request.body),
  }));

  route(app, endpoints.writeFactMessage, async (request) => ({
    request: await writeFactMessage(ctx, requireActor(request), request.params.itemId, request.body.body),
  }));
};
