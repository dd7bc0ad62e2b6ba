import { bigserial, boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accessLinks } from './links.ts';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Stored lower-cased; the unique index makes two accounts for one mailbox impossible.
    email: text('email').notNull(),
    name: text('name').notNull(),
    // Null for a client contact who signs in only by emailed link.
    passwordHash: text('password_hash'),
    locale: text('locale'),
    // How posts waiting for this person reach their inbox: at once, once a day, or not at all.
    emailNotifications: text('email_notifications', { enum: ['instant', 'daily', 'off'] })
      .notNull()
      .default('instant'),
    // The local date of the last daily digest, so a day gets one.
    digestSentOn: text('digest_sent_on'),
    // When a link only this mailbox receives (sign-in, reset) was first used. Null for an account
    // made from an invitation link, which may have been passed on: until then whoever set it up
    // may not be the person, so it cannot join a second agency (`verifyEmail`).
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email)],
);

export const sessions = pgTable(
  'sessions',
  {
    // sha256 of the cookie value: a leaked database does not leak live sessions.
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    userAgent: text('user_agent'),
    ip: text('ip'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    // Set when the session was opened from a scoped link: it reaches only that link's subject,
    // and ends with the link.
    linkId: uuid('link_id').references(() => accessLinks.id, { onDelete: 'cascade' }),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_link_idx').on(t.linkId)],
);

export const authTokenKinds = ['password_reset', 'magic_link'] as const;

/** One-time links sent by email: password reset and magic sign-in. */
export const authTokens = pgTable(
  'auth_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: authTokenKinds }).notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('auth_tokens_hash_key').on(t.tokenHash)],
);

/** Every login attempt, so limits hold across restarts and across server processes. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    succeeded: boolean('succeeded').notNull(),
    // Turned away by a limit before the password was checked. Refusals count against the pair
    // and the address (each doubles their pause); only real guesses count against the account,
    // so one address hammering away cannot pause the account for everyone else by itself.
    refused: boolean('refused').notNull().default(false),
    // The hash of the known device (`known_devices`) the attempt came from: such attempts are
    // counted per device, so nobody else's failures (same office address, same account) pause it.
    device: text('device'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('login_attempts_email_idx').on(t.email, t.createdAt),
    index('login_attempts_ip_idx').on(t.ip, t.createdAt),
  ],
);

/**
 * Browsers someone signed in from: the `plit_device` cookie's secrets, hashed. A login that
 * presents one of the account's own skips the per-account slowdown, so a stranger guessing the
 * password from many addresses never stops the person signing in from their own device.
 */
export const knownDevices = pgTable(
  'known_devices',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('known_devices_user_idx').on(t.userId)],
);
