import { endpoints } from '../../shared/api/catalogue.ts';
import type { Actor } from '../auth/actor.ts';
import { type ClientSummary, clientSummaries, summariseClient } from '../clients/queries.ts';
import { addClient } from '../commands/clients/addClient.ts';
import { archiveClient } from '../commands/clients/archiveClient.ts';
import { editClient } from '../commands/clients/editClient.ts';
import { unarchiveClient } from '../commands/clients/unarchiveClient.ts';
import type { RouteModule } from '../context.ts';
import { route } from '../http/route.ts';
import { requireActor } from '../plugins/auth.ts';
import { presentClient } from '../presenters/client.ts';
import { type ClientRow, loadClient } from '../tenancy.ts';

const present = (actor: Actor, s: ClientSummary) =>
  presentClient(actor, s.row, s.counts, { currentCycle: s.cycles.current, nextCycle: s.cycles.next });

export const clientRoutes: RouteModule = (app, ctx) => {
  /** A client as every endpoint answers it: with its counts and current cycle. */
  const one = async (actor: Actor, row: ClientRow) => ({
    client: present(actor, await summariseClient(ctx.db, actor, row)),
  });

  route(app, endpoints.listClients, async (request) => {
    const actor = requireActor(request);
    const summaries = await clientSummaries(ctx.db, actor, request.query.archived);
    return { clients: summaries.map((s) => present(actor, s)) };
  });

  route(app, endpoints.createClient, async (request) => {
    const actor = requireActor(request);
    return one(actor, await addClient(ctx, actor, request.body));
  });

  route(app, endpoints.getClient, async (request) => {
    const actor = requireActor(request);
    return one(actor, await loadClient(ctx.db, actor, request.params.clientId));
  });

  route(app, endpoints.updateClient, async (request) => {
    const actor = requireActor(request);
    return one(actor, await editClient(ctx, actor, request.params.clientId, request.body));
  });

  route(app, endpoints.archiveClient, async (request) => {
    const actor = requireActor(request);
    return one(actor, await archiveClient(ctx, actor, request.params.clientId));
  });

  route(app, endpoints.unarchiveClient, async (request) => {
    const actor = requireActor(request);
    return one(actor, await unarchiveClient(ctx, actor, request.params.clientId));
  });
};
