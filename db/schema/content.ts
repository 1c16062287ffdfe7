import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { REACTION_KINDS } from '../../lib/reactions';
import { users } from './users';

export { REACTION_KINDS, type ReactionKind } from '../../lib/reactions';

export const POST_STATUSES = ['draft', 'published'] as const;

/** A member's writing. Rendered from markdown on the server, sanitised (lib/markdown.ts). */
export const posts = pgTable(
  'posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    // Stable: made once from the title and a random suffix, kept when the title changes.
    slug: text('slug').notNull(),
    body: text('body').notNull(),
    excerpt: text('excerpt').notNull().default(''),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    status: text('status', { enum: POST_STATUSES }).notNull().default('draft'),
    readingMinutes: integer('reading_minutes').notNull().default(1),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    // Hidden by a moderator: shown to no one but its author (with a note) and admins.
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    // Kept by triggers with their rows (migration 0009): live comments (not deleted, not hidden)
    // and reactions of any kind. Lists and pages read them instead of counting per post.
    commentCount: integer('comment_count').notNull().default(0),
    reactionCount: integer('reaction_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('posts_slug_key').on(t.slug),
    check('posts_title_length', sql`char_length(${t.title}) between 1 and 150`),
    check('posts_body_length', sql`char_length(${t.body}) between 1 and 50000`),
    check('posts_tags_count', sql`cardinality(${t.tags}) <= 4`),
    check('posts_status', sql`${t.status} in ('draft', 'published')`),
    check('posts_published', sql`(${t.status} = 'published') = (${t.publishedAt} is not null)`),
    index('posts_published_idx').on(t.publishedAt.desc(), t.id).where(sql`${t.status} = 'published'`),
    index('posts_author_idx').on(t.authorId, t.publishedAt.desc(), t.id),
    index('posts_tags_idx').using('gin', t.tags),
  ],
);

/** Threaded discussion under a post. Deleting one that has replies keeps it as "[deleted]". */
export const comments = pgTable(
  'comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    postId: uuid('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id').references((): AnyPgColumn => comments.id, { onDelete: 'cascade' }),
    // Who this comment answers — the parent comment's author, or the post's for a top-level
    // comment — so rapport reads two-way exchange from this table alone.
    repliesToId: uuid('replies_to_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    depth: integer('depth').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    // Hidden by a moderator: its place in the thread shows "[hidden by a moderator]".
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
  },
  (t) => [
    check('comments_body_length', sql`char_length(${t.body}) <= 10000 and (${t.deletedAt} is not null or char_length(${t.body}) >= 1)`),
    check('comments_depth', sql`${t.depth} between 0 and 50`),
    index('comments_post_idx').on(t.postId, t.createdAt),
    index('comments_parent_idx').on(t.parentId),
    index('comments_pair_idx').on(t.authorId, t.repliesToId, t.createdAt),
    index('comments_replies_to_idx').on(t.repliesToId, t.authorId),
  ],
);

/** One reaction of each kind per member and target (a post or a comment). */
export const reactions = pgTable(
  'reactions',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    postId: uuid('post_id').references(() => posts.id, { onDelete: 'cascade' }),
    commentId: uuid('comment_id').references(() => comments.id, { onDelete: 'cascade' }),
    // Whose writing was reacted to: rapport reads it without joining posts and comments.
    targetAuthorId: uuid('target_author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: REACTION_KINDS }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('reactions_one_target', sql`(${t.postId} is null) <> (${t.commentId} is null)`),
    check('reactions_kind', sql`${t.kind} in ('like', 'insightful', 'thanks', 'celebrate')`),
    uniqueIndex('reactions_post_key').on(t.userId, t.postId, t.kind).where(sql`${t.postId} is not null`),
    uniqueIndex('reactions_comment_key').on(t.userId, t.commentId, t.kind).where(sql`${t.commentId} is not null`),
    index('reactions_post_idx').on(t.postId),
    index('reactions_comment_idx').on(t.commentId),
    index('reactions_pair_idx').on(t.userId, t.targetAuthorId),
  ],
);

export type Post = typeof posts.$inferSelect;
export type Comment = typeof comments.$inferSelect;
