import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

/** What a member can be told about; each kind has its own preference (lib/notifications.ts). */
export const NOTIFICATION_KINDS = [
  'request_received',
  'request_answered',
  'request_withdrawn',
  'request_expiring',
  'offer_received',
  'offer_answered',
  'message',
  'comment_reply',
  'post_comment',
  'reactions',
  'new_follower',
  'followed_post',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const CHANNELS = ['email', 'in_app', 'off'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * One row per thing a member is told about. Aggregated kinds (reactions to one post, new
 * followers on one day) share a `group_key`: while unread, a new one updates the row — latest
 * actor, count — instead of adding another. The partial unique index keeps that true under races.
 * `data` holds ids and a title snapshot, never a private message's content.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    groupKey: text('group_key'),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    // Distinct people behind an aggregated row, most recent first (for "‹name› and 4 others").
    actorIds: uuid('actor_ids').array().notNull().default(sql`'{}'::uuid[]`),
    actorCount: integer('actor_count').notNull().default(1),
    data: jsonb('data').notNull().default(sql`'{}'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
    // Set when it went into a daily digest mail, so it goes into one only.
    digestedAt: timestamp('digested_at', { withTimezone: true }),
  },
  (t) => [
    check('notifications_kind', sql`${t.kind} in (${sql.raw(NOTIFICATION_KINDS.map((k) => `'${k}'`).join(', '))})`),
    check('notifications_actor_count', sql`${t.actorCount} >= 1`),
    uniqueIndex('notifications_open_group_key').on(t.recipientId, t.groupKey).where(sql`${t.readAt} is null and ${t.groupKey} is not null`),
    index('notifications_recipient_idx').on(t.recipientId, t.updatedAt.desc()),
    index('notifications_unread_idx').on(t.recipientId).where(sql`${t.readAt} is null`),
  ],
);

/** A member's choice per kind; a missing row means the kind's default. */
export const notificationSettings = pgTable(
  'notification_settings',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.kind] }),
    check('notification_settings_channel', sql`${t.channel} in ('email', 'in_app', 'off')`),
  ],
);

export const MAIL_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;

/**
 * Mail waiting to go out, and the record of what went. `dedupe_key` is unique: a reminder, a
 * digest or a batch is written once however many job runs try. A sender claims rows with
 * `FOR UPDATE SKIP LOCKED` and a lease, so several app instances never send the same row.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    // Mails about one mentorship thread are batched: at most one per 15 minutes.
    threadKey: text('thread_key'),
    dedupeKey: text('dedupe_key').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    sendAfter: timestamp('send_after', { withTimezone: true }).notNull().defaultNow(),
    status: text('status', { enum: MAIL_STATUSES }).notNull().default('pending'),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mail_outbox_dedupe_key').on(t.dedupeKey),
    check('mail_outbox_status', sql`${t.status} in ('pending', 'sending', 'sent', 'failed')`),
    index('mail_outbox_due_idx').on(t.sendAfter).where(sql`${t.status} in ('pending', 'sending')`),
    index('mail_outbox_thread_idx').on(t.recipientId, t.threadKey, t.createdAt.desc()),
  ],
);
