import { z } from 'zod';
import { agencyRoles, clientRoles } from '../roles.ts';
import { email, isoDate, name, password, storable, uuid } from './common.ts';

export const member = z.object({
  userId: uuid,
  name: z.string(),
  email: z.string(),
  role: z.enum(agencyRoles),
  since: isoDate,
});
export type Member = z.infer<typeof member>;
export const updateMemberBody = z.object({ role: z.enum(agencyRoles) });

export const invitation = z.object({
  id: uuid,
  email: z.string(),
  role: z.enum([...agencyRoles, ...clientRoles]),
  clientId: uuid.nullable(),
  clientName: z.string().nullable(),
  invitedByName: z.string().nullable(),
  invitedById: uuid.nullable().describe('Who sent it: only they may copy its link.'),
  status: z.enum(['pending', 'accepted', 'expired', 'revoked']),
  expiresAt: isoDate,
  createdAt: isoDate,
});
export type Invitation = z.infer<typeof invitation>;

export const createInvitationBody = z
  .object({
    email,
    role: z.enum([...agencyRoles, ...clientRoles]),
    clientId: uuid.optional().describe('Set to invite a client contact; omit to invite an agency member.'),
  })
  .refine((b) => (b.clientId ? (clientRoles as readonly string[]).includes(b.role) : true), {
    message: 'A client contact is an approver or a contributor',
    path: ['role'],
  })
  .refine((b) => (b.clientId ? true : (agencyRoles as readonly string[]).includes(b.role)), {
    message: 'An agency member is an owner, a content manager or a creator',
    path: ['role'],
  });

/** What the person holding an invitation link sees before accepting. */
export const invitationPreview = z.object({
  email: z.string(),
  role: z.enum([...agencyRoles, ...clientRoles]),
  agencyName: z.string(),
  clientName: z.string().nullable(),
  existingUser: z.boolean().describe('The email already has an account; accepting adds the membership.'),
  passwordRequired: z
    .boolean()
    .describe('Agency members need a password; client contacts may use emailed links.'),
});
export const acceptInvitationBody = z.object({
  token: storable().min(10).max(200),
  name: name().optional().describe('Required for a new account.'),
  password: password.optional(),
});

export const outboxMessage = z.object({
  id: uuid,
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  status: z
    .enum(['queued', 'sent', 'failed', 'not_configured'])
    .describe(
      'queued: waiting for SMTP (retried on failure); sent; failed: gave up after retries; ' +
        'not_configured: not sent, this server has no email set up.',
    ),
  error: z.string().nullable(),
  attachments: z
    .array(
      z.object({
        index: z.int().describe("Its place in the message's list: the download's `index`."),
        name: z.string(),
        contentType: z.string(),
        size: z.int().describe('In bytes.'),
      }),
    )
    .describe('Files the email carried (a meeting invitation its `.ics`), downloadable by the owner.'),
  createdAt: isoDate,
});
export type OutboxMessage = z.infer<typeof outboxMessage>;
