import { endpoints } from '../../shared/api/catalogue.ts';
import { changeCycleDeadlines } from '../commands/planning/changeCycleDeadlines.ts';
import { moveCycleToStage } from '../commands/planning/moveCycleToStage.ts';
import { planMonth } from '../commands/planning/planMonth.ts';
import { sharePlan } from '../commands/planning/sharePlan.ts';
import type { RouteModule } from '../context.ts';
import { route } from '../http/route.ts';
import { everyoneRoom, teamRoom } from '../live/rooms.ts';
import { cyclesOfClient, planOfCycle } from '../planning/queries.ts';
import { requireActor } from '../plugins/auth.ts';
import { presentCycle, presentCycles } from '../presenters/cycle.ts';
import { presentCadenceRule, presentSlot, presentTopic } from '../presenters/plan.ts';

export const cycleRoutes: RouteModule = (app, ctx) => {
  route(app, endpoints.listCycles, async (request) => {
    const actor = requireActor(request);
    const { client, cycles } = await cyclesOfClient(ctx.db, actor, request.params.clientId);
    return { cycles: await presentCycles(ctx.db, actor, client, cycles) };
  });

  route(app, endpoints.startCycle, async (request) => {
    const actor = requireActor(request);
    const { cycle, client } = await planMonth(ctx, actor, request.params.clientId, request.body);
    return { cycle: await presentCycle(ctx.db, actor, client, cycle) };
  });

  route(app, endpoints.getPlan, async (request) => {
    const actor = requireActor(request);
    const plan = await planOfCycle(ctx.db, actor, request.params.cycleId);
    const { client } = plan;
    const slotOfTopic = new Map(plan.slots.filter((s) => s.topicId).map((s) => [s.topicId!, s.id]));
    const inTeam = actor.agency?.id === client.agencyId;
    return {
      cycle: await presentCycle(ctx.db, actor, client, plan.cycle),
      slots: plan.slots.map((s) => presentSlot(s, client.timezone)),
      topics: plan.topics.map((t) => presentTopic(t, slotOfTopic.get(t.id) ?? null)),
      cadence: plan.cadence.map(presentCadenceRule),
      approvals: plan.approvals,
      rooms: [inTeam ? teamRoom(client.id) : everyoneRoom(client.id)],
    };
  });

  route(app, endpoints.updateCycleDeadlines, async (request) => {
    const actor = requireActor(request);
    const { cycle, client } = await changeCycleDeadlines(ctx, actor, request.params.cycleId, request.body);
    return { cycle: await presentCycle(ctx.db, actor, client, cycle) };
  });

  route(app, endpoints.moveCycleStage, async (request) => {
    const actor = requireActor(request);
    const { cycle, client } = await moveCycleToStage(ctx, actor, request.params.cycleId, request.body);
    return { cycle: await presentCycle(ctx.db, actor, client, cycle) };
  });

  route(app, endpoints.shareCycle, async (request) => {
    const actor = requireActor(request);
    const { cycle, client } = await sharePlan(ctx, actor, request.params.cycleId, request.body.version);
    return { cycle: await presentCycle(ctx.db, actor, client, cycle) };
  });
};
