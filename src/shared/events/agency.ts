import { z } from 'zod';
import { agencyRoles, clientRoles } from '../roles.ts';
import { defineEvent } from './audience.ts';

/** Anyone an invitation can make someone: an agency member or a client contact. */
export const invitedRole = z.enum([...agencyRoles, ...clientRoles]);

/**
 * The agency itself and its members. These events have no client, so no client feed or room
 * shows them; they are the team's all the same.
 */
export const agencyEvents = {
  'agency.created': defineEvent('agency', z.object({ name: z.string(), owner: z.string() }), 'team'),
  'member.invited': defineEvent('invitation', z.object({ email: z.string(), role: invitedRole }), 'team'),
  'member.joined': defineEvent('user', z.object({ name: z.string(), role: invitedRole }), 'team'),
  'member.role_changed': defineEvent(
    'user',
    z.object({ name: z.string(), from: z.enum(agencyRoles), to: z.enum(agencyRoles) }),
    'team',
  ),
  'member.removed': defineEvent('user', z.object({ name: z.string() }), 'team'),
};
