import { endpoints } from '../../shared/api/catalogue.ts';
import { addSlot } from '../commands/planning/addSlot.ts';
import { changeSlot } from '../commands/planning/changeSlot.ts';
import { copySlot } from '../commands/planning/copySlot.ts';
import { placeTopicInSlot } from '../commands/planning/placeTopicInSlot.ts';
import { removeSlot } from '../commands/planning/removeSlot.ts';
import { removeSlots } from '../commands/planning/removeSlots.ts';
import type { RouteModule } from '../context.ts';
import { route } from '../http/route.ts';
import { requireActor } from '../plugins/auth.ts';
import { presentSlot } from '../presenters/plan.ts';

export const slotRoutes: RouteModule = (app, ctx) => {
  route(app, endpoints.createSlot, async (request) => {
    const { row, timezone } = await addSlot(ctx, requireActor(request), request.params.cycleId, request.body);
    return { slot: presentSlot(row, timezone) };
  });

  route(app, endpoints.updateSlot, async (request) => {
    const { row, timezone } = await changeSlot(
      ctx,
      requireActor(request),
      request.params.slotId,
      request.body,
    );
    return { slot: presentSlot(row, timezone) };
  });

  route(app, endpoints.deleteSlot, async (request) => {
    await removeSlot(ctx, requireActor(request), request.params.slotId);
    return { ok: true as const };
  });

  route(app, endpoints.deleteSlots, (request) =>
    removeSlots(ctx, requireActor(request), request.params.cycleId, request.body.slotIds),
  );

  route(app, endpoints.duplicateSlot, async (request) => {
    const { row, timezone } = await copySlot(ctx, requireActor(request), request.params.slotId, request.body);
    return { slot: presentSlot(row, timezone) };
  });

  route(app, endpoints.placeTopicInSlot, async (request) => {
    const { row, timezone } = await placeTopicInSlot(
      ctx,
      requireActor(request),
      request.params.slotId,
      request.body,
    );
    return { slot: presentSlot(row, timezone) };
  });
};
