import 'server-only';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { db, rowsOf } from '@/db';
import { comments, posts, reactions, users } from '@/db/schema';
import { BLOCKED } from '@/lib/blocks';
import type { CommentOrder } from '@/lib/validation/posts';
import { crossesBlock } from './blocks';
import { recordEvent, type Tx } from './events';
import { lockPostOfComment } from './locks';
import { isActiveAdmin } from './moderation';
import { noteInteraction } from './rapport';
import { emptySummary, reactionSummaries, type ReactionSummary } from './reactions';

// The schema allows depth up to 50; deeper replies are stored at 50 with their real parent, so
// the thread stays correct and only the number stops growing.
const MAX_STORED_DEPTH = 50;

export type CommentResult = { ok: true; id: string; slug: string } | { ok: false; message: string };

const postGone = { ok: false as const, message: 'That post does not exist.' };
const commentGone = { ok: false as const, message: 'That comment is no longer there.' };

/** The Postgres error code on either driver (drizzle wraps driver errors). */
function errorCode(error: unknown) {
  for (let e = error as Record<string, unknown> | undefined; e; e = e.cause as Record<string, unknown> | undefined) {
    if (typeof e.code === 'string') return e.code;
  }
  return undefined;
}

/**
 * Adds a comment to a published post, top-level or as a reply to a live comment. `replies_to_id`
 * records whom it answers (the parent's author, or the post's) so rapport can read who talks to whom.
 */
export async function addComment(viewerId: string, input: { postId: string; parentId?: string; body: string }): Promise<CommentResult> {
  try {
    return await db().transaction(async (tx) => {
      const [post] = await tx
        .select({ authorId: posts.authorId, status: posts.status, slug: posts.slug })
        .from(posts)
        .where(eq(posts.id, input.postId))
        // Not FOR SHARE: the comment's counter trigger updates this row, and two transactions
        // sharing a lock and then both updating would deadlock. This also holds off a deletion.
        .for('no key update');
      if (!post || (post.status !== 'published' && post.authorId !== viewerId)) return postGone;
      if (post.status !== 'published') return { ok: false as const, message: 'Comments open once the post is published.' };
      if (await crossesBlock(tx, viewerId, post.authorId)) return { ok: false as const, message: BLOCKED.comment };

      let repliesToId = post.authorId;
      let depth = 0;
      if (input.parentId) {
        // FOR SHARE holds off a deletion of the parent until this reply is in (deleteComment
        // locks FOR UPDATE and then sees the reply, so it leaves a placeholder).
        const [parent] = await tx
          .select({ authorId: comments.authorId, postId: comments.postId, depth: comments.depth, deletedAt: comments.deletedAt })
          .from(comments)
          .where(eq(comments.id, input.parentId))
          .for('share');
        if (!parent || parent.postId !== input.postId) return commentGone;
        if (parent.deletedAt) return { ok: false as const, message: 'That comment was deleted; reply to the post instead.' };
        if (await crossesBlock(tx, viewerId, parent.authorId)) return { ok: false as const, message: BLOCKED.reply };
        repliesToId = parent.authorId;
        depth = Math.min(parent.depth + 1, MAX_STORED_DEPTH);
      }
      const now = new Date();
      const [row] = await tx
        .insert(comments)
        .values({ postId: input.postId, authorId: viewerId, parentId: input.parentId ?? null, repliesToId, body: input.body, depth, createdAt: now })
        .returning({ id: comments.id });
      await recordEvent(tx, {
        type: 'comment.created',
        actorId: viewerId,
        data: { postId: input.postId, commentId: row!.id, parentId: input.parentId ?? null, repliesToId },
        at: now,
      });
      await noteInteraction(tx, viewerId, repliesToId);
      return { ok: true as const, id: row!.id, slug: post.slug };
    });
  } catch (error) {
    // The post or parent was deleted between the check and the insert.
    if (errorCode(error) === '23503') return commentGone;
    throw error;
  }
}

async function lockOwnComment(tx: Tx, viewerId: string, commentId: string) {
  await lockPostOfComment(tx, commentId);
  const [comment] = await tx
    .select({ authorId: comments.authorId, deletedAt: comments.deletedAt, parentId: comments.parentId, slug: posts.slug })
    .from(comments)
    .innerJoin(posts, eq(posts.id, comments.postId))
    .where(eq(comments.id, commentId))
    .for('update', { of: comments });
  if (!comment || comment.deletedAt) return { ok: false as const, message: commentGone.message };
  if (comment.authorId !== viewerId) return { ok: false as const, message: 'You can only change your own comments.' };
  return { ok: true as const, comment };
}

export async function editComment(viewerId: string, commentId: string, body: string): Promise<CommentResult> {
  return db().transaction(async (tx) => {
    const locked = await lockOwnComment(tx, viewerId, commentId);
    if (!locked.ok) return locked;
    await tx.update(comments).set({ body, editedAt: new Date() }).where(eq(comments.id, commentId));
    return { ok: true as const, id: commentId, slug: locked.comment.slug };
  });
}

const hasReplies = async (tx: Tx, commentId: string) =>
  (await tx.select({ id: comments.id }).from(comments).where(eq(comments.parentId, commentId)).limit(1)).length > 0;

/**
 * Deletes the author's comment. One with replies becomes a "[deleted]" placeholder (body
 * emptied, `deleted_at` set, its reactions removed) so the thread under it stays; one without
 * replies is removed. A placeholder left with no replies is removed too, up the chain.
 */
export async function deleteComment(viewerId: string, commentId: string): Promise<CommentResult & { placeholder?: boolean }> {
  return db().transaction(async (tx) => {
    const locked = await lockOwnComment(tx, viewerId, commentId);
    if (!locked.ok) return locked;
    if (await hasReplies(tx, commentId)) {
      await tx.update(comments).set({ body: '', deletedAt: new Date() }).where(eq(comments.id, commentId));
      await tx.delete(reactions).where(eq(reactions.commentId, commentId));
      return { ok: true as const, id: commentId, slug: locked.comment.slug, placeholder: true };
    }
    await tx.delete(comments).where(eq(comments.id, commentId));
    for (let parentId = locked.comment.parentId; parentId; ) {
      const [parent] = await tx
        .select({ deletedAt: comments.deletedAt, parentId: comments.parentId })
        .from(comments)
        .where(eq(comments.id, parentId))
        .for('update');
      if (!parent?.deletedAt || (await hasReplies(tx, parentId))) break;
      await tx.delete(comments).where(eq(comments.id, parentId));
      parentId = parent.parentId;
    }
    return { ok: true as const, id: commentId, slug: locked.comment.slug, placeholder: false };
  });
}

export type CommentNode = {
  id: string;
  parentId: string | null;
  depth: number;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  deleted: boolean;
  /**
   * Hidden by a moderator, or written by a suspended account. Everyone but its author and admins
   * gets a placeholder ("[hidden by a moderator]": empty body, no author) in its place.
   */
  hidden: boolean;
  /** Null for a deleted or concealed comment: the placeholder names no one. */
  author: { id: string; handle: string; displayName: string; avatarUpdatedAt: Date | null } | null;
  reactions: ReactionSummary;
  replies: CommentNode[];
};

type FlatComment = Omit<CommentNode, 'replies'>;

/**
 * Nests comments under their parents. `order` applies to top-level comments; replies always
 * read oldest first under their parent, as a conversation does. Input must be oldest first.
 */
export function buildCommentTree(flat: FlatComment[], order: CommentOrder): CommentNode[] {
  const nodes = new Map<string, CommentNode>(flat.map((c) => [c.id, { ...c, replies: [] }]));
  const roots: CommentNode[] = [];
  for (const c of flat) {
    const node = nodes.get(c.id)!;
    const parent = c.parentId ? nodes.get(c.parentId) : undefined;
    if (parent) parent.replies.push(node);
    else roots.push(node);
  }
  return order === 'newest' ? roots.reverse() : roots;
}

type CommentRow = {
  id: string;
  parentId: string | null;
  depth: number;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  hiddenAt: Date | null;
  authorSuspendedAt: Date | null;
  author: { id: string; handle: string; displayName: string; avatarUpdatedAt: Date | null };
};

/** Rows (oldest first) as the viewer may see them: placeholders, moderation, reactions. */
async function toTree(rows: CommentRow[], options: { viewerId?: string; order?: CommentOrder }) {
  const isHidden = (r: CommentRow) => !r.deletedAt && (r.hiddenAt !== null || r.authorSuspendedAt !== null);
  // Only asked when there is something hidden: most threads pay nothing for moderation.
  const admin = options.viewerId && rows.some(isHidden) ? await isActiveAdmin(options.viewerId) : false;
  const concealed = (r: CommentRow) => isHidden(r) && !admin && r.author.id !== options.viewerId;
  const live = rows.filter((r) => !r.deletedAt && !concealed(r)).map((r) => r.id);
  const summaries = await reactionSummaries('comment', live, options.viewerId);
  const flat: FlatComment[] = rows.map((r) => ({
    id: r.id,
    parentId: r.parentId,
    depth: r.depth,
    body: r.deletedAt || concealed(r) ? '' : r.body,
    createdAt: r.createdAt,
    editedAt: r.editedAt,
    deleted: r.deletedAt !== null,
    hidden: isHidden(r),
    author: r.deletedAt || concealed(r) ? null : r.author,
    reactions: (!concealed(r) && summaries.get(r.id)) || emptySummary(),
  }));
  return buildCommentTree(flat, options.order ?? 'oldest');
}

/** The whole discussion under a post, as a tree, with reactions and the viewer's own. */
export async function listComments(postId: string, options: { viewerId?: string; order?: CommentOrder } = {}) {
  const rows = await db()
    .select({
      id: comments.id,
      parentId: comments.parentId,
      depth: comments.depth,
      body: comments.body,
      createdAt: comments.createdAt,
      editedAt: comments.editedAt,
      deletedAt: comments.deletedAt,
      hiddenAt: comments.hiddenAt,
      authorSuspendedAt: users.suspendedAt,
      author: { id: users.id, handle: users.handle, displayName: users.displayName, avatarUpdatedAt: users.avatarUpdatedAt },
    })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(eq(comments.postId, postId))
    .orderBy(asc(comments.createdAt), asc(comments.id));
  return toTree(rows, options);
}

/** Top-level comments per page of a discussion; each comes with all its replies. */
export const THREADS_PER_PAGE = 30;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type CommentPage = { threads: CommentNode[]; page: number; pages: number; threadCount: number };

/**
 * One page of a discussion: THREADS_PER_PAGE top-level comments in the chosen order, each with
 * every reply under it, in a fixed number of statements whatever the thread's size. `focus`
 * (a comment's id, as notifications and moderation link to it) picks the page that holds it.
 */
export async function listCommentPage(
  postId: string,
  options: { viewerId?: string; order?: CommentOrder; page?: number; focus?: string } = {},
): Promise<CommentPage> {
  const order = options.order ?? 'oldest';
  const newest = order === 'newest';
  const [{ threadCount } = { threadCount: 0 }] = rowsOf<{ threadCount: number }>(
    await db().execute(sql`select count(*)::int as "threadCount" from comments where post_id = ${postId} and parent_id is null`),
  );
  const pages = Math.max(1, Math.ceil(threadCount / THREADS_PER_PAGE));
  let page = Math.min(Math.max(1, Math.floor(options.page ?? 1)), pages);
  if (options.focus && UUID.test(options.focus)) {
    // The focused comment's top-level ancestor, and how many threads come before it in this order.
    const [found] = rowsOf<{ before: number }>(await db().execute(sql`
      with recursive up as (
        select id, parent_id from comments where id = ${options.focus} and post_id = ${postId}
        union all
        select c.id, c.parent_id from comments c join up on c.id = up.parent_id
      ), root as (select c.id, c.created_at from comments c join up on up.id = c.id where up.parent_id is null)
      select (select count(*)::int from comments c, root
              where c.post_id = ${postId} and c.parent_id is null
                and ${newest ? sql`(c.created_at, c.id) > (root.created_at, root.id)` : sql`(c.created_at, c.id) < (root.created_at, root.id)`}) as "before"
      from root`));
    if (found) page = Math.floor(found.before / THREADS_PER_PAGE) + 1;
  }
  const direction = newest ? sql`desc` : sql`asc`;
  // The page's comments carry their own columns through the recursion, and their authors come by
  // primary key in a second statement: a join of the recursion's result with comments or users
  // is planned on its row estimate (thousands, for the 30–100 rows it really has), which on a
  // mid-sized table tips into hashing the whole table (45 ms on Postgres, most of a second on
  // the embedded engine, at 100,000 comments).
  const rows = rowsOf<Record<string, unknown>>(await db().execute(sql`
    with recursive roots as (
      select id from comments where post_id = ${postId} and parent_id is null
      order by created_at ${direction}, id ${direction}
      limit ${THREADS_PER_PAGE} offset ${(page - 1) * THREADS_PER_PAGE}
    ), thread as (
      select c.id, c.parent_id, c.depth, c.body, c.created_at, c.edited_at, c.deleted_at, c.hidden_at, c.author_id
      from comments c join roots r on r.id = c.id
      union all
      select c.id, c.parent_id, c.depth, c.body, c.created_at, c.edited_at, c.deleted_at, c.hidden_at, c.author_id
      from comments c join thread t on c.parent_id = t.id
    )
    select t.id, t.parent_id as "parentId", t.depth, t.body, t.created_at as "createdAt", t.edited_at as "editedAt",
           t.deleted_at as "deletedAt", t.hidden_at as "hiddenAt", t.author_id as "authorId"
    from thread t
    order by t.created_at, t.id`));
  const authorIds = [...new Set(rows.map((r) => String(r.authorId)))];
  const authors = new Map(
    (authorIds.length
      ? await db()
          .select({ id: users.id, handle: users.handle, displayName: users.displayName, avatarUpdatedAt: users.avatarUpdatedAt, suspendedAt: users.suspendedAt })
          .from(users)
          .where(inArray(users.id, authorIds))
      : []
    ).map((u) => [u.id, u]),
  );
  const date = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v)));
  const typed: CommentRow[] = rows.map((r) => {
    const author = authors.get(String(r.authorId))!;
    return {
      id: String(r.id),
      parentId: (r.parentId as string | null) ?? null,
      depth: Number(r.depth),
      body: String(r.body),
      createdAt: date(r.createdAt)!,
      editedAt: date(r.editedAt),
      deletedAt: date(r.deletedAt),
      hiddenAt: date(r.hiddenAt),
      authorSuspendedAt: author.suspendedAt,
      author: { id: author.id, handle: author.handle, displayName: author.displayName, avatarUpdatedAt: author.avatarUpdatedAt },
    };
  });
  return { threads: await toTree(typed, { viewerId: options.viewerId, order }), page, pages, threadCount };
}

/** Live comments on a post (placeholders do not count). */
export async function countComments(postId: string) {
  const [row] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(comments)
    .where(and(eq(comments.postId, postId), isNull(comments.deletedAt)));
  return Number(row?.n ?? 0);
}
