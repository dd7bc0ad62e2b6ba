import type { z } from 'zod';
import type { LinkScope } from '../../shared/api/links.ts';
import type { me, session } from '../../shared/api/me.ts';
import type { Actor, ActorScope } from '../auth/actor.ts';
import type { sessions } from '../db/schema/index.ts';
import { canCreateClient } from '../policies/client.ts';
import { canManageMembers, canViewInvitations } from '../policies/member.ts';
import { canReadOutbox } from '../policies/outbox.ts';

/** What a scoped link opens, for the page; the link's own id stays on the server. */
export function presentScope(scope: ActorScope): LinkScope {
  const { kind, subjectId, clientId, clientName, cycleId } = scope;
  return { kind, subjectId, clientId, clientName, cycleId };
}

export function presentMe(actor: Actor): z.infer<typeof me> {
  return {
    user: {
      ...actor.user,
      locale: actor.user.locale === 'uk' || actor.user.locale === 'en' ? actor.user.locale : null,
    },
    agency: actor.agency,
    clientMemberships: [...actor.contactOf].map(([clientId, c]) => ({
      clientId,
      clientName: c.clientName,
      agencyName: c.agencyName,
      role: c.role,
    })),
    abilities: {
      createClient: canCreateClient(actor),
      manageMembers: canManageMembers(actor),
      inviteContacts: canViewInvitations(actor),
      readOutbox: canReadOutbox(actor),
    },
    scope: actor.scope && presentScope(actor.scope),
  };
}

export function presentSession(
  row: typeof sessions.$inferSelect,
  currentId: string,
): z.infer<typeof session> {
  return {
    // The row id is the token's hash; show only a prefix of it as the public id.
    id: row.id.slice(0, 16),
    current: row.id === currentId,
    userAgent: row.userAgent,
    ip: row.ip,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
  };
}
