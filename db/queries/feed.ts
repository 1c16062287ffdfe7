import 'server-only';
import { and, asc, eq, gt, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db';
import { follows, mentorProfiles, posts, users } from '@/db/schema';
import type { FeedCursor, FeedPhase } from '@/lib/validation/posts';
import { tagNames } from './mentors';

export const FEED_PAGE_SIZE = 10;

const columns = {
  id: posts.id,
  slug: posts.slug,
  title: posts.title,
  excerpt: posts.excerpt,
  tags: posts.tags,
  readingMinutes: posts.readingMinutes,
  publishedAt: posts.publishedAt,
  // The exact value, microseconds included, for the cursor (a JS Date keeps only milliseconds,
  // and two posts in one millisecond would then be skipped or repeated).
  cursorAt: sql<string>`to_char(${posts.publishedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
  author: { id: users.id, handle: users.handle, displayName: users.displayName, avatarUpdatedAt: users.avatarUpdatedAt },
  // Kept with their rows by triggers (migration 0009).
  commentCount: posts.commentCount,
  reactionCount: posts.reactionCount,
};

/**
 * Newest first; ties on the publishing moment broken by id ascending — exactly the order of the
 * `posts_published_idx` index (drizzle's .desc() there is DESC NULLS LAST), so a page is an
 * index range scan. Plain DESC means NULLS FIRST, which the index cannot give: on 200,000
 * posts that was a sort of all of them per page (300 ms) — bench/results/plans-postgres.txt.
 */
const newestFirst = [sql`${posts.publishedAt} desc nulls last`, asc(posts.id)];

/** Strictly after the cursor's post in that order. */
function after(cursor: FeedCursor | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const at = sql`${cursor.at}::timestamptz`;
  return or(lt(posts.publishedAt, at), and(eq(posts.publishedAt, at), gt(posts.id, cursor.id)));
}

// Not hidden by a moderator, nor by a suspended author: columns of rows each part reads anyway
// (posts from the index walk, users by primary key), so pages stay index range scans.
const published = and(eq(posts.status, 'published'), isNull(posts.hiddenAt), isNull(users.suspendedAt));

function recent(cursor: FeedCursor | undefined, limit: number) {
  return db()
    .select(columns)
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(and(published, after(cursor)))
    .orderBy(...newestFirst)
    .limit(limit);
}

function following(viewerId: string, cursor: FeedCursor | undefined, limit: number) {
  return db()
    .select(columns)
    .from(posts)
    .innerJoin(follows, and(eq(follows.followeeId, posts.authorId), eq(follows.followerId, viewerId)))
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(and(published, after(cursor)))
    .orderBy(...newestFirst)
    .limit(limit);
}

/**
 * Posts from mentors the viewer may want to meet: their expertise overlaps the viewer's own
 * mentor tags, or they prefer mentorships that grow. Never the viewer's own posts, nor posts
 * of people they follow (those were in the first part of the feed).
 */
function suggested(viewerId: string, cursor: FeedCursor | undefined, limit: number) {
  const viewerTags = sql`coalesce((select ${mentorProfiles.tags} from ${mentorProfiles} where ${mentorProfiles.userId} = ${viewerId}), '{}'::text[])`;
  return db()
    .select(columns)
    .from(posts)
    .innerJoin(mentorProfiles, eq(mentorProfiles.userId, posts.authorId))
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(
      and(
        published,
        ne(posts.authorId, viewerId),
        eq(mentorProfiles.status, 'active'),
        or(eq(mentorProfiles.startPreference, 'grow'), sql`${mentorProfiles.tags} && ${viewerTags}`),
        sql`not exists (select 1 from ${follows} where ${follows.followerId} = ${viewerId} and ${follows.followeeId} = ${posts.authorId})`,
        after(cursor),
      ),
    )
    .orderBy(...newestFirst)
    .limit(limit);
}

type Row = Awaited<ReturnType<typeof recent>>[number];

const cursorOf = (row: Row, phase: FeedPhase): FeedCursor => ({ phase, at: row.cursorAt, id: row.id });

async function present(rows: (Row & { suggested: boolean })[]) {
  const names = await tagNames(rows.flatMap((r) => r.tags));
  return rows.map((row) => ({
    ...row,
    publishedAt: row.publishedAt!,
    commentCount: Number(row.commentCount),
    reactionCount: Number(row.reactionCount),
    tags: row.tags.map((slug) => ({ slug, name: names.get(slug) ?? slug })),
  }));
}

export type FeedPost = Awaited<ReturnType<typeof present>>[number];
export type FeedPage = { posts: FeedPost[]; next?: FeedCursor };

/**
 * One page of the feed, after `cursor`. Signed in: posts by the people the viewer follows,
 * newest first, then — once those run out, possibly within the same page — suggestions.
 * Signed out: recent posts. Keyset pagination: a post published after the first page was read
 * sorts before every cursor, so it never pushes a later page's posts into duplicates or gaps.
 */
export async function loadFeed(viewerId: string | undefined, cursor?: FeedCursor, pageSize = FEED_PAGE_SIZE): Promise<FeedPage> {
  if (!viewerId) {
    const rows = await recent(cursor?.phase === 'recent' ? cursor : undefined, pageSize + 1);
    const page = rows.slice(0, pageSize);
    return {
      posts: await present(page.map((r) => ({ ...r, suggested: false }))),
      next: rows.length > pageSize ? cursorOf(page.at(-1)!, 'recent') : undefined,
    };
  }

  const out: (Row & { suggested: boolean })[] = [];
  let suggestionsFrom: FeedCursor | undefined;
  if (cursor?.phase === 'suggested') {
    suggestionsFrom = cursor;
  } else {
    // A visitor's cursor ('recent') means nothing once signed in: start over.
    const rows = await following(viewerId, cursor?.phase === 'following' ? cursor : undefined, pageSize + 1);
    if (rows.length > pageSize) {
      const page = rows.slice(0, pageSize);
      return { posts: await present(page.map((r) => ({ ...r, suggested: false }))), next: cursorOf(page.at(-1)!, 'following') };
    }
    out.push(...rows.map((r) => ({ ...r, suggested: false })));
  }

  const room = pageSize - out.length;
  // One more than fits tells whether there is a next page.
  const more = await suggested(viewerId, suggestionsFrom, room + 1);
  out.push(...more.slice(0, room).map((r) => ({ ...r, suggested: true })));
  let next: FeedCursor | undefined;
  if (more.length > room) {
    const last = out.at(-1)!;
    next = cursorOf(last, last.suggested ? 'suggested' : 'following');
  }
  return { posts: await present(out), next };
}
