import { endpoints } from '../../shared/api/catalogue.ts';
import type { RouteModule } from '../context.ts';
import { route } from '../http/route.ts';
import { requireActor } from '../plugins/auth.ts';
import { presentTodo } from '../presenters/todo.ts';

export const todoRoutes: RouteModule = (app, ctx) => {
  route(app, endpoints.getTodo, async (request) => presentTodo(ctx.db, requireActor(request)));
};
