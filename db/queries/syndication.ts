import 'server-only';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { db } from '@/db';
import { posts, users } from '@/db/schema';

export const FEED_LENGTH = 50;

/**
 * The newest posts for the Atom feeds, site-wide or one author's: published, not hidden by a
 * moderator, author not suspended — what a signed-out visitor may read.
 */
export async function listSyndicatedPosts(options: { authorId?: string; limit?: number } = {}) {
  const { authorId, limit = FEED_LENGTH } = options;
  return db()
    .select({
      id: posts.id,
      slug: posts.slug,
      title: posts.title,
      excerpt: posts.excerpt,
      body: posts.body,
      publishedAt: posts.publishedAt,
      updatedAt: posts.updatedAt,
      author: { handle: users.handle, displayName: users.displayName },
    })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(
      and(
        eq(posts.status, 'published'),
        isNull(posts.hiddenAt),
        isNull(users.suspendedAt),
        authorId ? eq(posts.authorId, authorId) : undefined,
      ),
    )
    .orderBy(desc(posts.publishedAt), desc(posts.id))
    .limit(limit);
}

export type SyndicatedPost = Awaited<ReturnType<typeof listSyndicatedPosts>>[number];
