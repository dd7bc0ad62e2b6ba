import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agencyRoles, clientRoles } from '../../../shared/roles.ts';
import { agencies } from './agencies.ts';
import { clients } from './clients.ts';
import { users } from './identity.ts';

export const invitationRoles = [...agencyRoles, ...clientRoles] as const;

export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id, { onDelete: 'cascade' }),
    // Set for a client contact's invitation, null for an agency member's.
    clientId: uuid('client_id').references(() => clients.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role', { enum: invitationRoles }).notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    // Who was shown the current link ("copy link"): they hold it. Leaving the agency revokes the
    // invitation, so a removed member cannot come back through a link they kept. A resend, which
    // issues a new link, clears it.
    linkCopiedBy: uuid('link_copied_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('invitations_token_key').on(t.tokenHash),
    index('invitations_agency_idx').on(t.agencyId),
  ],
);
