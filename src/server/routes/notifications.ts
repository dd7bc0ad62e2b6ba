import { endpoints } from '../../shared/api/catalogue.ts';
import { emailNotificationsOf, notificationsOf } from '../accounts/queries.ts';
import { chooseEmailNotifications } from '../commands/accounts/chooseEmailNotifications.ts';
import { markNotificationsRead } from '../commands/accounts/markNotificationsRead.ts';
import type { RouteModule } from '../context.ts';
import { route } from '../http/route.ts';
import { requireActor } from '../plugins/auth.ts';
import { presentNotification } from '../presenters/notification.ts';

/** Each person's bell: only their own notifications, ever. */
export const notificationRoutes: RouteModule = (app, ctx) => {
  route(app, endpoints.listNotifications, async (request) => {
    const actor = requireActor(request);
    const { rows, unread } = await notificationsOf(ctx.db, actor.user.id, request.query.limit);
    return { notifications: rows.map(presentNotification), unread };
  });

  route(app, endpoints.markNotificationsRead, async (request) => {
    await markNotificationsRead(ctx, requireActor(request), request.body.ids);
    return { ok: true as const };
  });

  route(app, endpoints.getNotificationSettings, async (request) => ({
    email: await emailNotificationsOf(ctx.db, requireActor(request).user.id),
  }));

  route(app, endpoints.updateNotificationSettings, async (request) => {
    const { email } = request.body;
    await chooseEmailNotifications(ctx, requireActor(request), email);
    return { email };
  });
};
