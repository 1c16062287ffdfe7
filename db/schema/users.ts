import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** What a member said they are here for, when they signed up (onboarding, /welcome). */
export const MEMBER_GOALS = ['find', 'mentor', 'both'] as const;
export type MemberGoal = (typeof MEMBER_GOALS)[number];
export const MAX_INTERESTS = 10;
export const MAX_MEMBER_LANGUAGES = 10;

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    handle: text('handle').notNull(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    bio: text('bio').notNull().default(''),
    // Null for accounts that only sign in through GitHub or Google.
    passwordHash: text('password_hash'),
    role: text('role', { enum: ['member', 'admin'] }).notNull().default('member'),
    // Null means the generated default avatar; set when an image is uploaded (also a cache key).
    avatarUpdatedAt: timestamp('avatar_updated_at', { withTimezone: true }),
    // Kept by the follows_count trigger, in the same transaction as the follow itself.
    followerCount: integer('follower_count').notNull().default(0),
    // Set by an admin: a suspended account cannot sign in or act, and its content is hidden.
    suspendedAt: timestamp('suspended_at', { withTimezone: true }),
    // Onboarding (/welcome): what the member is here for, the topics they care about (tag slugs),
    // the languages they speak (ISO 639-1) and how they would like a mentorship to start. They
    // pick the mentors suggested to them; all can be changed later, and all may stay empty.
    goal: text('goal', { enum: MEMBER_GOALS }),
    interests: text('interests').array().notNull().default(sql`'{}'::text[]`),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    startPreference: text('start_preference', { enum: ['ask', 'grow', 'either'] }),
    // Set when onboarding is finished or skipped; until then the home page offers it.
    onboardedAt: timestamp('onboarded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Handles and e-mails are unique regardless of case; the app checks first for a friendly
    // message, these indexes keep the rule true under concurrent sign-ups.
    uniqueIndex('users_handle_lower_key').on(sql`lower(${t.handle})`),
    uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`),
    check('users_handle_format', sql`${t.handle} ~ '^[A-Za-z0-9_]{3,30}$'`),
    check('users_display_name_length', sql`char_length(${t.displayName}) between 1 and 60`),
    check('users_bio_length', sql`char_length(${t.bio}) <= 280`),
    check('users_role', sql`${t.role} in ('member', 'admin')`),
    check('users_goal', sql`${t.goal} in ('find', 'mentor', 'both')`),
    check('users_start_preference', sql`${t.startPreference} in ('ask', 'grow', 'either')`),
    check('users_interests_count', sql`cardinality(${t.interests}) <= 10`),
    check('users_languages_count', sql`cardinality(${t.languages}) <= 10`),
    index('users_created_at_idx').on(t.createdAt),
    index('users_follower_count_idx').on(t.followerCount.desc(), t.id),
  ],
);

export const avatars = pgTable(
  'avatars',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    mimeType: text('mime_type').notNull(),
    bytes: bytea('bytes').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('avatars_mime_type', sql`${t.mimeType} in ('image/png', 'image/jpeg', 'image/webp', 'image/gif')`),
    check('avatars_size', sql`octet_length(${t.bytes}) <= 1048576`),
  ],
);

/** Links a GitHub or Google identity to a member. */
export const oauthAccounts = pgTable(
  'oauth_accounts',
  {
    provider: text('provider').notNull(),
    providerAccountId: text('provider_account_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] }), index('oauth_accounts_user_idx').on(t.userId)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
