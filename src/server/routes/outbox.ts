import { endpoints } from '../../shared/api/catalogue.ts';
import { outboxAttachmentOf, outboxOf } from '../accounts/queries.ts';
import type { RouteModule } from '../context.ts';
import { attachmentDisposition } from '../files/fileName.ts';
import { route } from '../http/route.ts';
import { requireActor } from '../plugins/auth.ts';
import { presentOutboxMessage } from '../presenters/member.ts';

export const outboxRoutes: RouteModule = (app, ctx) => {
  route(app, endpoints.listOutboxMessages, async (request) => {
    const rows = await outboxOf(ctx.db, requireActor(request));
    return { messages: rows.map(presentOutboxMessage) };
  });

  route(app, endpoints.downloadOutboxAttachment, async (request, reply) => {
    const { messageId, index } = request.params;
    const found = await outboxAttachmentOf(ctx.db, requireActor(request), messageId, index);
    return reply
      .type(found.contentType)
      .header('Content-Disposition', attachmentDisposition(found.filename))
      .send(found.content);
  });
};
