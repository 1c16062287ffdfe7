import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const EVENT_TYPES = [
  'request.sent',
  'request.accepted',
  'request.declined',
  'request.withdrawn',
  'request.expired',
  'mentorship.started',
  'mentorship.message',
  'mentorship.goal_done',
  'mentorship.goal_undone',
  'mentorship.goal_added',
  'mentorship.ended',
  'mentorship.rated',
  'follow.created',
  'follow.removed',
  'post.published',
  'comment.created',
  'reaction.added',
  'rapport.grown',
  'offer.sent',
  'offer.accepted',
  'offer.declined',
  'offer.withdrawn',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * Append-only record of every transition and interaction, written in the same transaction as
 * the change. A trigger refuses UPDATE and DELETE (db/migrations); insights are computed from it.
 * No foreign keys: history outlives the rows it mentions.
 */
export const events = pgTable(
  'events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    type: text('type').notNull(),
    actorId: uuid('actor_id'),
    mentorId: uuid('mentor_id'),
    menteeId: uuid('mentee_id'),
    requestId: uuid('request_id'),
    mentorshipId: uuid('mentorship_id'),
    data: jsonb('data').notNull().default(sql`'{}'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('events_type_created_idx').on(t.type, t.createdAt),
    index('events_mentorship_idx').on(t.mentorshipId),
    index('events_request_idx').on(t.requestId),
    // Pairs of members (rapport): the two ids in a fixed order, "lesser:greater".
    index('events_pair_idx').on(sql`(${t.data} ->> 'pair')`).where(sql`${t.type} = 'rapport.grown'`),
    // The insights' grown connections: an index-only scan instead of visiting scattered pages.
    index('events_grown_idx').on(t.createdAt).where(sql`${t.type} = 'rapport.grown'`),
  ],
);
