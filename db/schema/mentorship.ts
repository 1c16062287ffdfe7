import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './users';

export const START_PREFERENCES = ['ask', 'grow', 'either'] as const;
export type StartPreference = (typeof START_PREFERENCES)[number];

/** A member becomes a mentor by having one of these. */
export const mentorProfiles = pgTable(
  'mentor_profiles',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    headline: text('headline').notNull(),
    bio: text('bio').notNull().default(''),
    yearsExperience: integer('years_experience').notNull().default(0),
    // ISO 639-1 codes, e.g. {en,de}.
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    timezone: text('timezone').notNull(),
    // ISO 3166-1 alpha-2.
    country: text('country'),
    links: text('links').array().notNull().default(sql`'{}'::text[]`),
    capacity: integer('capacity').notNull().default(3),
    accepting: boolean('accepting').notNull().default(true),
    startPreference: text('start_preference', { enum: START_PREFERENCES }).notNull().default('either'),
    startNote: text('start_note').notNull().default(''),
    status: text('status', { enum: ['active', 'retired'] }).notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('mentor_profiles_capacity', sql`${t.capacity} between 1 and 20`),
    check('mentor_profiles_years', sql`${t.yearsExperience} between 0 and 70`),
    check('mentor_profiles_start_preference', sql`${t.startPreference} in ('ask', 'grow', 'either')`),
    check('mentor_profiles_status', sql`${t.status} in ('active', 'retired')`),
    check('mentor_profiles_headline_length', sql`char_length(${t.headline}) between 1 and 120`),
    check('mentor_profiles_start_note_length', sql`char_length(${t.startNote}) <= 280`),
    index('mentor_profiles_created_at_idx').on(t.createdAt),
  ],
);

/** Expertise and interest tags, normalised to slugs. */
export const tags = pgTable(
  'tags',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('tags_slug_key').on(t.slug), check('tags_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)],
);

export const mentorTags = pgTable(
  'mentor_tags',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => mentorProfiles.userId, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.tagId] }), index('mentor_tags_tag_idx').on(t.tagId)],
);

export type MentorProfile = typeof mentorProfiles.$inferSelect;
