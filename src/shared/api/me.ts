import { z } from 'zod';
import { agencyRoles, clientRoles } from '../roles.ts';
import { email, isoDate, locale, name, nextPath, password, storable, uuid } from './common.ts';
import { linkScope } from './links.ts';

export const user = z.object({
  id: uuid,
  email: z.string(),
  name: z.string(),
  locale: locale.nullable(),
  hasPassword: z.boolean(),
});

export const me = z.object({
  user,
  agency: z.object({ id: uuid, name: z.string(), role: z.enum(agencyRoles) }).nullable(),
  clientMemberships: z.array(
    z.object({ clientId: uuid, clientName: z.string(), agencyName: z.string(), role: z.enum(clientRoles) }),
  ),
  abilities: z.object({
    createClient: z.boolean(),
    manageMembers: z.boolean(),
    inviteContacts: z.boolean(),
    readOutbox: z.boolean(),
  }),
  /** Set when this session was opened from a scoped link: the app shows only that link's page. */
  scope: linkScope.nullable(),
});
export type Me = z.infer<typeof me>;

export const loginBody = z.object({ email, password: storable().min(1).max(200) });
export const updateMeBody = z.object({ name: name().optional(), locale: locale.optional() });
export const changePasswordBody = z.object({
  currentPassword: storable()
    .max(200)
    .optional()
    .describe('Required when the account already has a password.'),
  newPassword: password,
});
export const emailOnlyBody = z.object({ email });
/** A sign-in link asked for on the way to a page: the emailed link lands there once signed in. */
export const magicLinkBody = z.object({ email, next: nextPath.optional() });
export const tokenBody = z.object({ token: storable().min(10).max(200) });
export const resetPasswordBody = z.object({ token: storable().min(10).max(200), password });

export const setupState = z.object({
  needsSetup: z.boolean(),
  emailConfigured: z
    .boolean()
    .describe('Whether this server sends email (SMTP): without it no sign-in or reset link is sent.'),
});
export const setupBody = z.object({
  agencyName: name(),
  name: name(),
  email,
  password,
  locale: locale.optional(),
});

export const session = z.object({
  id: z.string().describe('Opaque id, not the cookie value.'),
  current: z.boolean(),
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  createdAt: isoDate,
  lastSeenAt: isoDate,
});
export type Session = z.infer<typeof session>;
