import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
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

export const MAX_MENTOR_TAGS = 10;

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * A member becomes a mentor by having one of these. Columns the app never writes, kept by
 * triggers (db/migrations/0001, 0002) in the same transaction as the change behind them:
 * - `search`, `search_bio`, `search_name` and the copies of the member's `display_name`, `handle`,
 *   `avatar_updated_at` and `follower_count`, so a directory page reads this one table;
 * - `active_mentee_count`, from the active mentorships (`open_for_requests` follows from it).
 */
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
    // Expertise as tag slugs (see `tags` for their display names), most important first.
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    capacity: integer('capacity').notNull().default(3),
    activeMenteeCount: integer('active_mentee_count').notNull().default(0),
    accepting: boolean('accepting').notNull().default(true),
    startPreference: text('start_preference', { enum: START_PREFERENCES }).notNull().default('either'),
    startNote: text('start_note').notNull().default(''),
    status: text('status', { enum: ['active', 'retired'] }).notNull().default('active'),
    openForRequests: boolean('open_for_requests').generatedAlwaysAs(
      sql`accepting and active_mentee_count < capacity`,
    ),
    search: tsvector('search'),
    searchBio: tsvector('search_bio'),
    searchName: text('search_name').notNull().default(''),
    displayName: text('display_name').notNull().default(''),
    handle: text('handle').notNull().default(''),
    avatarUpdatedAt: timestamp('avatar_updated_at', { withTimezone: true }),
    followerCount: integer('follower_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('mentor_profiles_capacity', sql`${t.capacity} between 1 and 20`),
    // Capacity is a rule of the database: no insert of an active mentorship can exceed it.
    check('mentor_profiles_within_capacity', sql`${t.activeMenteeCount} between 0 and ${t.capacity}`),
    check('mentor_profiles_years', sql`${t.yearsExperience} between 0 and 70`),
    check('mentor_profiles_start_preference', sql`${t.startPreference} in ('ask', 'grow', 'either')`),
    check('mentor_profiles_status', sql`${t.status} in ('active', 'retired')`),
    check('mentor_profiles_headline_length', sql`char_length(${t.headline}) between 1 and 120`),
    check('mentor_profiles_start_note_length', sql`char_length(${t.startNote}) <= 280`),
    check('mentor_profiles_bio_length', sql`char_length(${t.bio}) <= 5000`),
    check('mentor_profiles_tags_count', sql`cardinality(${t.tags}) <= 10`),
    check('mentor_profiles_languages_count', sql`cardinality(${t.languages}) between 1 and 10`),
    check('mentor_profiles_links_count', sql`cardinality(${t.links}) <= 5`),
    index('mentor_profiles_search_idx').using('gin', t.search),
    index('mentor_profiles_search_bio_idx').using('gin', t.searchBio),
    index('mentor_profiles_search_name_trgm_idx').using('gin', sql`${t.searchName} gin_trgm_ops`),
    index('mentor_profiles_tags_idx').using('gin', t.tags),
    index('mentor_profiles_languages_idx').using('gin', t.languages),
    // One index per directory order, each over listed mentors only, so a page is an index walk.
    index('mentor_profiles_newest_idx').on(t.createdAt.desc(), t.userId).where(sql`${t.status} = 'active'`),
    index('mentor_profiles_browse_idx')
      .on(t.openForRequests.desc(), t.followerCount.desc(), t.userId)
      .where(sql`${t.status} = 'active'`),
    index('mentor_profiles_followers_idx').on(t.followerCount.desc(), t.userId).where(sql`${t.status} = 'active'`),
    index('mentor_profiles_prefers_idx')
      .on(t.startPreference, t.openForRequests.desc(), t.followerCount.desc(), t.userId)
      .where(sql`${t.status} = 'active'`),
  ],
);

/** The registry of known tags: slug → display name, for pickers and for showing a slug. */
export const tags = pgTable(
  'tags',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
  },
  (t) => [
    uniqueIndex('tags_slug_key').on(t.slug),
    check('tags_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(${t.slug}) <= 40`),
  ],
);

export const MENTORSHIP_ORIGINS = ['ask', 'grow'] as const;
export const MENTORSHIP_STATUSES = ['active', 'completed', 'ended'] as const;

export const mentorships = pgTable(
  'mentorships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mentorId: uuid('mentor_id')
      .notNull()
      .references(() => mentorProfiles.userId, { onDelete: 'cascade' }),
    menteeId: uuid('mentee_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    origin: text('origin', { enum: MENTORSHIP_ORIGINS }).notNull(),
    // For ask-origin mentorships: was there rapport before the request?
    warmth: text('warmth', { enum: ['cold', 'warm'] }),
    status: text('status', { enum: MENTORSHIP_STATUSES }).notNull().default('active'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: text('end_reason'),
    endedBy: uuid('ended_by'),
    // The request it came from (ask-origin), and the rhythm agreed in it.
    requestId: uuid('request_id'),
    cadence: text('cadence', { enum: ['weekly', 'fortnightly', 'monthly'] }),
    lengthWeeks: integer('length_weeks'),
    // The pair's first interaction of any kind (a follow, comment, reaction, the request or the
    // offer), for the insights' "time to mentorship". Set when the mentorship starts.
    firstContactAt: timestamp('first_contact_at', { withTimezone: true }),
    // Kept by statement-level triggers on messages and goals (db/migrations/0007), in the same
    // transaction: the insights read them instead of counting millions of rows.
    messageCount: integer('message_count').notNull().default(0),
    goalCount: integer('goal_count').notNull().default(0),
    goalsDoneCount: integer('goals_done_count').notNull().default(0),
  },
  (t) => [
    check('mentorships_not_self', sql`${t.mentorId} <> ${t.menteeId}`),
    check('mentorships_origin', sql`${t.origin} in ('ask', 'grow')`),
    check('mentorships_warmth', sql`(${t.origin} = 'ask') = (${t.warmth} is not null) and ${t.warmth} in ('cold', 'warm') or ${t.warmth} is null and ${t.origin} = 'grow'`),
    check('mentorships_status', sql`${t.status} in ('active', 'completed', 'ended')`),
    check('mentorships_ended', sql`(${t.status} = 'active') = (${t.endedAt} is null)`),
    check('mentorships_first_contact', sql`${t.firstContactAt} <= ${t.startedAt}`),
    uniqueIndex('mentorships_one_active_per_pair').on(t.mentorId, t.menteeId).where(sql`${t.status} = 'active'`),
    uniqueIndex('mentorships_request_key').on(t.requestId),
    index('mentorships_mentor_idx').on(t.mentorId, t.status),
    index('mentorships_mentee_idx').on(t.menteeId, t.status),
  ],
);

/** The private thread of a mentorship: only its two members read or write it. */
export const mentorshipMessages = pgTable(
  'mentorship_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mentorshipId: uuid('mentorship_id')
      .notNull()
      .references(() => mentorships.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('mentorship_messages_body_length', sql`char_length(${t.body}) between 1 and 5000`),
    index('mentorship_messages_thread_idx').on(t.mentorshipId, t.createdAt),
  ],
);

/** The shared goals checklist, seeded from the request's goals. */
export const mentorshipGoals = pgTable(
  'mentorship_goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mentorshipId: uuid('mentorship_id')
      .notNull()
      .references(() => mentorships.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    position: integer('position').notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: uuid('done_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('mentorship_goals_title_length', sql`char_length(${t.title}) between 1 and 200`),
    index('mentorship_goals_mentorship_idx').on(t.mentorshipId, t.position),
  ],
);

/** Each side's rating when a mentorship ends: one per member and mentorship. */
export const mentorshipRatings = pgTable(
  'mentorship_ratings',
  {
    mentorshipId: uuid('mentorship_id')
      .notNull()
      .references(() => mentorships.id, { onDelete: 'cascade' }),
    raterId: uuid('rater_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    rating: integer('rating').notNull(),
    comment: text('comment').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.mentorshipId, t.raterId] }),
    check('mentorship_ratings_rating', sql`${t.rating} between 1 and 5`),
    check('mentorship_ratings_comment_length', sql`char_length(${t.comment}) <= 1000`),
  ],
);

export type MentorProfile = typeof mentorProfiles.$inferSelect;
export type Mentorship = typeof mentorships.$inferSelect;
