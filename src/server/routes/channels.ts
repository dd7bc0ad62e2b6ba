import { endpoints } from '../../shared/api/catalogue.ts';
import { channelsOf } from '../clients/queries.ts';
import { addChannel } from '../commands/clients/addChannel.ts';
import { editChannel } from '../commands/clients/editChannel.ts';
import { removeChannel } from '../commands/clients/removeChannel.ts';
import type { RouteModule } from '../context.ts';
import { route } from '../http/route.ts';
import { requireActor } from '../plugins/auth.ts';
import { presentChannel } from '../presenters/client.ts';

export const channelRoutes: RouteModule = (app, ctx) => {
  route(app, endpoints.listChannels, async (request) => {
    const rows = await channelsOf(ctx.db, requireActor(request), request.params.clientId);
    return { channels: rows.map(presentChannel) };
  });

  route(app, endpoints.createChannel, async (request) => {
    const row = await addChannel(ctx, requireActor(request), request.params.clientId, request.body);
    return { channel: presentChannel(row) };
  });

  route(app, endpoints.updateChannel, async (request) => {
    const { clientId, channelId } = request.params;
    const row = await editChannel(ctx, requireActor(request), clientId, channelId, request.body);
    return { channel: presentChannel(row) };
  });

  route(app, endpoints.deleteChannel, async (request) => {
    const { clientId, channelId } = request.params;
    await removeChannel(ctx, requireActor(request), clientId, channelId);
    return { ok: true as const };
  });
};
