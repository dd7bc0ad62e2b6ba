import { endpoints } from '../../shared/api/catalogue.ts';
import { contactsOf } from '../clients/queries.ts';
import { changeContactRole } from '../commands/clients/changeContactRole.ts';
import { removeContact } from '../commands/clients/removeContact.ts';
import type { RouteModule } from '../context.ts';
import { route } from '../http/route.ts';
import { requireActor } from '../plugins/auth.ts';
import { presentContact } from '../presenters/member.ts';

export const contactRoutes: RouteModule = (app, ctx) => {
  route(app, endpoints.listContacts, async (request) => {
    const found = await contactsOf(ctx.db, requireActor(request), request.params.clientId);
    return { contacts: found.contacts.map(presentContact), invitations: found.invitations };
  });

  route(app, endpoints.changeContactRole, async (request) => {
    const { clientId, userId } = request.params;
    const row = await changeContactRole(ctx, requireActor(request), clientId, userId, request.body.role);
    return { contact: presentContact(row) };
  });

  route(app, endpoints.removeContact, async (request) => {
    const { clientId, userId } = request.params;
    await removeContact(ctx, requireActor(request), clientId, userId);
    return { ok: true as const };
  });
};
