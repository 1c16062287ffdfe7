import 'server-only';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { db } from '@/db';
import { mentorProfiles, posts, users } from '@/db/schema';

/** The most URLs one sitemap file may list (sitemaps.org). */
export const SITEMAP_URL_LIMIT = 50_000;

/**
 * What search engines may index beyond the fixed pages: listed mentors' profiles (active, not
 * suspended) and published posts that are neither hidden by a moderator nor by a suspended
 * author — the same rules as the directory and the post page for a visitor. Mentors come first;
 * posts fill the rest of `limit`, newest first, so the cap drops the oldest posts.
 */
export async function listSitemapEntries(limit = SITEMAP_URL_LIMIT) {
  const mentors = await db()
    .select({
      handle: users.handle,
      lastModified: sql<Date>`greatest(${users.updatedAt}, ${mentorProfiles.updatedAt})`.mapWith(users.updatedAt),
    })
    .from(mentorProfiles)
    .innerJoin(users, eq(users.id, mentorProfiles.userId))
    .where(and(eq(mentorProfiles.status, 'active'), isNull(users.suspendedAt)))
    .orderBy(desc(mentorProfiles.createdAt), desc(mentorProfiles.userId))
    .limit(Math.max(0, limit));
  const postRows = await db()
    .select({ slug: posts.slug, lastModified: posts.updatedAt })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(and(eq(posts.status, 'published'), isNull(posts.hiddenAt), isNull(users.suspendedAt)))
    .orderBy(desc(posts.publishedAt), desc(posts.id))
    .limit(Math.max(0, limit - mentors.length));
  return { mentors, posts: postRows };
}
