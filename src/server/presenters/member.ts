import type { z } from 'zod';
import type { contact, event } from '../../shared/api/clients.ts';
import type { invitation, member, outboxMessage } from '../../shared/api/members.ts';
import type { AgencyRole, ClientRole } from '../../shared/roles.ts';
import type { events, invitations, outbox } from '../db/schema/index.ts';
import { redactLinks } from '../mail/redact.ts';

interface PersonRow {
  userId: string;
  name: string;
  email: string;
  createdAt: Date;
}

export function presentMember(row: PersonRow & { role: AgencyRole }): z.infer<typeof member> {
  return {
    userId: row.userId,
    name: row.name,
    email: row.email,
    role: row.role,
    since: row.createdAt.toISOString(),
  };
}

export function presentContact(row: PersonRow & { role: ClientRole }): z.infer<typeof contact> {
  return {
    userId: row.userId,
    name: row.name,
    email: row.email,
    role: row.role,
    since: row.createdAt.toISOString(),
  };
}

export function invitationStatus(row: typeof invitations.$inferSelect, now = new Date()) {
  if (row.acceptedAt) return 'accepted' as const;
  if (row.revokedAt) return 'revoked' as const;
  if (row.expiresAt <= now) return 'expired' as const;
  return 'pending' as const;
}

export function presentInvitation(
  row: typeof invitations.$inferSelect,
  names: { clientName: string | null; invitedByName: string | null },
): z.infer<typeof invitation> {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    clientId: row.clientId,
    clientName: names.clientName,
    invitedByName: names.invitedByName,
    invitedById: row.invitedBy,
    status: invitationStatus(row),
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentEvent(row: typeof events.$inferSelect): z.infer<typeof event> {
  return {
    id: row.id,
    type: row.type,
    actorName: row.actorName,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    data: row.data,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentOutboxMessage(row: typeof outbox.$inferSelect): z.infer<typeof outboxMessage> {
  return {
    id: row.id,
    to: row.toEmail,
    subject: row.subject,
    // Written redacted already; redacted again so no older or hand-made row shows a live link.
    text: redactLinks(row.text),
    html: redactLinks(row.html),
    status: row.status,
    error: row.error,
    attachments: row.attachments.map((a, index) => ({
      index,
      name: a.filename,
      contentType: a.contentType,
      size: Buffer.byteLength(a.content),
    })),
    createdAt: row.createdAt.toISOString(),
  };
}
