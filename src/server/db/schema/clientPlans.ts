import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { type Format, likelihoods } from '../../../shared/roles.ts';
import { channels } from './clients.ts';
import { users } from './identity.ts';
import { cycles } from './planning.ts';

/** Something the client expects next month: a launch, a talk, new visuals. */
export const clientPlans = pgTable(
  'client_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    // A date, or a window (startsOn … endsOn), in the client's time zone.
    startsOn: text('starts_on'),
    endsOn: text('ends_on'),
    likelihood: text('likelihood', { enum: likelihoods }).notNull(),
    notes: text('notes').notNull().default(''),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('client_plans_cycle_idx').on(t.cycleId)],
);

/** A situational post prepared in advance, so "what if" has an answer before it happens. */
export const contingencies = pgTable(
  'contingencies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => clientPlans.id, { onDelete: 'cascade' }),
    concept: text('concept').notNull(),
    trigger: text('trigger').notNull().default(''),
    channelId: uuid('channel_id').references(() => channels.id, { onDelete: 'set null' }),
    format: text('format').$type<Format>(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('contingencies_plan_idx').on(t.planId)],
);
