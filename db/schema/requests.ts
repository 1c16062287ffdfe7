import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { mentorProfiles } from './mentorship';
import { users } from './users';

export const CADENCES = ['weekly', 'fortnightly', 'monthly'] as const;
export type Cadence = (typeof CADENCES)[number];
export const REQUEST_STATUSES = ['pending', 'accepted', 'declined', 'withdrawn', 'expired'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const DECLINE_REASONS = ['no_capacity', 'not_a_fit', 'prefer_to_grow', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** The Ask path: a mentee's formal request to a mentor. Rules: lib/requests.ts. */
export const mentorshipRequests = pgTable(
  'mentorship_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    menteeId: uuid('mentee_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    mentorId: uuid('mentor_id')
      .notNull()
      .references(() => mentorProfiles.userId, { onDelete: 'cascade' }),
    message: text('message').notNull(),
    goals: text('goals').array().notNull(),
    cadence: text('cadence', { enum: CADENCES }).notNull(),
    lengthWeeks: integer('length_weeks').notNull(),
    status: text('status', { enum: REQUEST_STATUSES }).notNull().default('pending'),
    declineReason: text('decline_reason', { enum: DECLINE_REASONS }),
    declineNote: text('decline_note'),
    // "cold" or "warm", fixed when the request is sent: was there two-way interaction before?
    warmth: text('warmth', { enum: ['cold', 'warm'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    mentorshipId: uuid('mentorship_id'),
  },
  (t) => [
    check('mentorship_requests_not_self', sql`${t.menteeId} <> ${t.mentorId}`),
    check('mentorship_requests_message_length', sql`char_length(${t.message}) between 50 and 2000`),
    check('mentorship_requests_goals_count', sql`cardinality(${t.goals}) between 1 and 5`),
    check('mentorship_requests_cadence', sql`${t.cadence} in ('weekly', 'fortnightly', 'monthly')`),
    check('mentorship_requests_length', sql`${t.lengthWeeks} between 4 and 52`),
    check('mentorship_requests_status', sql`${t.status} in ('pending', 'accepted', 'declined', 'withdrawn', 'expired')`),
    check(
      'mentorship_requests_decline',
      sql`(${t.status} = 'declined') = (${t.declineReason} is not null) and ${t.declineReason} in ('no_capacity', 'not_a_fit', 'prefer_to_grow', 'other')
        or ${t.declineReason} is null and ${t.status} <> 'declined'`,
    ),
    check('mentorship_requests_answered', sql`(${t.status} = 'pending') = (${t.answeredAt} is null)`),
    check('mentorship_requests_accepted', sql`(${t.status} = 'accepted') = (${t.mentorshipId} is not null)`),
    // One open request per mentee–mentor pair, however many submits race.
    uniqueIndex('mentorship_requests_one_pending_per_pair').on(t.menteeId, t.mentorId).where(sql`${t.status} = 'pending'`),
    index('mentorship_requests_mentor_idx').on(t.mentorId, t.status, t.createdAt),
    index('mentorship_requests_mentee_idx').on(t.menteeId, t.status, t.createdAt),
    index('mentorship_requests_expiry_idx').on(t.expiresAt).where(sql`${t.status} = 'pending'`),
  ],
);

export type MentorshipRequest = typeof mentorshipRequests.$inferSelect;

export const OFFER_KINDS = ['offer', 'proposal'] as const;
export const OFFER_STATUSES = ['pending', 'accepted', 'declined', 'withdrawn'] as const;

/**
 * The Grow path's turning point: once rapport has grown, the mentor offers a mentorship or the
 * member proposes one; the other side answers.
 */
export const mentorshipOffers = pgTable(
  'mentorship_offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: OFFER_KINDS }).notNull(),
    mentorId: uuid('mentor_id')
      .notNull()
      .references(() => mentorProfiles.userId, { onDelete: 'cascade' }),
    menteeId: uuid('mentee_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    message: text('message').notNull().default(''),
    status: text('status', { enum: OFFER_STATUSES }).notNull().default('pending'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    mentorshipId: uuid('mentorship_id'),
  },
  (t) => [
    check('mentorship_offers_not_self', sql`${t.mentorId} <> ${t.menteeId}`),
    check('mentorship_offers_kind', sql`${t.kind} in ('offer', 'proposal')`),
    check('mentorship_offers_status', sql`${t.status} in ('pending', 'accepted', 'declined', 'withdrawn')`),
    check('mentorship_offers_message_length', sql`char_length(${t.message}) <= 1000`),
    check('mentorship_offers_answered', sql`(${t.status} = 'pending') = (${t.answeredAt} is null)`),
    uniqueIndex('mentorship_offers_one_pending_per_pair').on(t.mentorId, t.menteeId).where(sql`${t.status} = 'pending'`),
    index('mentorship_offers_mentor_idx').on(t.mentorId, t.status),
    index('mentorship_offers_mentee_idx').on(t.menteeId, t.status),
  ],
);

export type MentorshipOffer = typeof mentorshipOffers.$inferSelect;
