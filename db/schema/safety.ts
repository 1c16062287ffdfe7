import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

/**
 * Fixed-window counters for rate limits (lib/rate-limits.ts): one row per key and window,
 * incremented with an atomic upsert, so a limit holds across every app instance.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index('rate_limits_expires_idx').on(t.expiresAt)],
);

/** A member who blocked another: nothing crosses between them (requests, offers, comments, follows, notifications). */
export const blocks = pgTable(
  'blocks',
  {
    blockerId: uuid('blocker_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    blockedId: uuid('blocked_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.blockerId, t.blockedId] }),
    check('blocks_not_self', sql`${t.blockerId} <> ${t.blockedId}`),
    index('blocks_blocked_idx').on(t.blockedId),
  ],
);

export const REPORT_TARGETS = ['post', 'comment', 'user', 'message'] as const;
export type ReportTarget = (typeof REPORT_TARGETS)[number];
export const REPORT_CATEGORIES = ['spam', 'harassment', 'hate', 'sexual', 'self_harm', 'impersonation', 'other'] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];
export const REPORT_STATUSES = ['open', 'actioned', 'dismissed'] as const;

/** Anyone signed in can report a post, comment, profile or message; admins work the queue at /admin. */
export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reporterId: uuid('reporter_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    targetType: text('target_type', { enum: REPORT_TARGETS }).notNull(),
    targetId: uuid('target_id').notNull(),
    // Whose content it is, so the queue can show and act on the account.
    targetUserId: uuid('target_user_id').references(() => users.id, { onDelete: 'cascade' }),
    category: text('category', { enum: REPORT_CATEGORIES }).notNull(),
    note: text('note').notNull().default(''),
    status: text('status', { enum: REPORT_STATUSES }).notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    check('reports_target_type', sql`${t.targetType} in ('post', 'comment', 'user', 'message')`),
    check('reports_category', sql`${t.category} in ('spam', 'harassment', 'hate', 'sexual', 'self_harm', 'impersonation', 'other')`),
    check('reports_status', sql`${t.status} in ('open', 'actioned', 'dismissed')`),
    check('reports_note_length', sql`char_length(${t.note}) <= 1000`),
    check('reports_resolved', sql`(${t.status} = 'open') = (${t.resolvedAt} is null)`),
    // One open report per member and thing: reporting twice does not stack the queue.
    uniqueIndex('reports_one_open_per_reporter').on(t.reporterId, t.targetType, t.targetId).where(sql`${t.status} = 'open'`),
    index('reports_queue_idx').on(t.status, t.createdAt),
  ],
);

/** Every moderation action, append-only (a trigger refuses UPDATE and DELETE). */
export const moderationLog = pgTable(
  'moderation_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    adminId: uuid('admin_id'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: uuid('target_id').notNull(),
    reportId: uuid('report_id'),
    note: text('note').notNull().default(''),
    data: jsonb('data').notNull().default(sql`'{}'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('moderation_log_created_idx').on(t.createdAt.desc()), index('moderation_log_target_idx').on(t.targetType, t.targetId)],
);
