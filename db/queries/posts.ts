import 'server-only';
import { randomInt } from 'node:crypto';
import { and, desc, eq, isNull, or } from 'drizzle-orm';
import { db } from '@/db';
import { uniqueViolation } from '@/db/errors';
import { posts, tags, users } from '@/db/schema';
import { markdownToPlainText } from '@/lib/markdown';
import { readingMinutes } from '@/lib/reading-time';
import type { PostInput } from '@/lib/validation/posts';
import { recordEvent } from './events';
import { tagNames } from './mentors';
import { viewerIsAdmin } from './moderation';

export const EXCERPT_LENGTH = 200;
const SLUG_BASE_LENGTH = 60;
const SLUG_SUFFIX_LENGTH = 6;
const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * "Ten Things I Learned About C++!" → "ten-things-i-learned-about-cpp-k3x9q2". Made once, when the
 * post is created: the random suffix keeps two posts with one title apart and lets the title
 * change later without breaking links.
 */
export function makePostSlug(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\+\+/g, 'pp')
    .replace(/#/g, 'sharp')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // Cut at a word boundary so the URL does not end in half a word.
  let base = words;
  if (base.length > SLUG_BASE_LENGTH) {
    const cut = base.slice(0, SLUG_BASE_LENGTH + 1);
    const lastDash = cut.lastIndexOf('-');
    base = lastDash > 0 ? cut.slice(0, lastDash) : base.slice(0, SLUG_BASE_LENGTH);
  }
  let suffix = '';
  for (let i = 0; i < SLUG_SUFFIX_LENGTH; i++) suffix += BASE36[randomInt(36)];
  return `${base || 'post'}-${suffix}`;
}

export type PostRefusal = { ok: false; code: 'not_found' | 'not_yours'; message: string };
export type PostSaved = { ok: true; id: string; slug: string; status: 'draft' | 'published' };

const notFound: PostRefusal = { ok: false, code: 'not_found', message: 'That post does not exist.' };
const notYours: PostRefusal = { ok: false, code: 'not_yours', message: 'You can only change your own posts.' };

function derived(input: PostInput) {
  return {
    title: input.title,
    body: input.body,
    excerpt: markdownToPlainText(input.body, EXCERPT_LENGTH),
    readingMinutes: readingMinutes(input.body),
    tags: input.tags.map((t) => t.slug),
  };
}

/** Creates a post, as a draft or published at once; new tags join the registry. */
export async function createPost(viewerId: string, input: PostInput): Promise<PostSaved> {
  const publish = input.intent === 'publish';
  for (let attempt = 0; ; attempt++) {
    try {
      return await db().transaction(async (tx) => {
        if (input.tags.length) await tx.insert(tags).values(input.tags).onConflictDoNothing({ target: tags.slug });
        const now = new Date();
        const [row] = await tx
          .insert(posts)
          .values({
            authorId: viewerId,
            slug: makePostSlug(input.title),
            ...derived(input),
            status: publish ? 'published' : 'draft',
            publishedAt: publish ? now : null,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: posts.id, slug: posts.slug, status: posts.status });
        if (publish) await recordEvent(tx, { type: 'post.published', actorId: viewerId, data: { postId: row!.id }, at: now });
        return { ok: true as const, ...row! };
      });
    } catch (error) {
      // 36⁶ suffixes make a clash unlikely, not impossible.
      if (uniqueViolation(error) === 'posts_slug_key' && attempt < 3) continue;
      throw error;
    }
  }
}

/**
 * Saves the author's changes. The slug never changes. A draft becomes published with
 * intent 'publish'; a published post stays published (it may already be linked and discussed).
 */
export async function updatePost(viewerId: string, postId: string, input: PostInput): Promise<PostSaved | PostRefusal> {
  return db().transaction(async (tx) => {
    const [post] = await tx
      .select({ authorId: posts.authorId, status: posts.status })
      .from(posts)
      .where(eq(posts.id, postId))
      .for('update');
    if (!post) return notFound;
    // Someone else's draft does not exist as far as they can tell.
    if (post.authorId !== viewerId) return post.status === 'draft' ? notFound : notYours;
    if (input.tags.length) await tx.insert(tags).values(input.tags).onConflictDoNothing({ target: tags.slug });
    const now = new Date();
    const publishing = post.status === 'draft' && input.intent === 'publish';
    const [row] = await tx
      .update(posts)
      .set({ ...derived(input), updatedAt: now, ...(publishing ? { status: 'published' as const, publishedAt: now } : {}) })
      .where(eq(posts.id, postId))
      .returning({ id: posts.id, slug: posts.slug, status: posts.status });
    if (publishing) await recordEvent(tx, { type: 'post.published', actorId: viewerId, data: { postId }, at: now });
    return { ok: true as const, ...row! };
  });
}

/** Deletes the author's post with its comments and reactions (the event log keeps its history). */
export async function deletePost(viewerId: string, postId: string): Promise<{ ok: true } | PostRefusal> {
  return db().transaction(async (tx) => {
    const [post] = await tx.select({ authorId: posts.authorId, status: posts.status }).from(posts).where(eq(posts.id, postId)).for('update');
    if (!post) return notFound;
    if (post.authorId !== viewerId) return post.status === 'draft' ? notFound : notYours;
    await tx.delete(posts).where(eq(posts.id, postId));
    return { ok: true as const };
  });
}

/** Posts visible to the viewer: everything published, and their own drafts. */
const visibleTo = (viewerId: string | undefined) =>
  viewerId ? or(eq(posts.status, 'published'), eq(posts.authorId, viewerId)) : eq(posts.status, 'published');

/**
 * A post a moderator hid, or any post of a suspended account, exists only for its author and
 * for admins. Cheap: two columns of rows already read, and one primary-key lookup of the viewer.
 */
const unmoderatedOr = (viewerId: string | undefined) => {
  const open = and(isNull(posts.hiddenAt), isNull(users.suspendedAt));
  return viewerId ? or(open, and(eq(posts.authorId, viewerId), isNull(users.suspendedAt)), viewerIsAdmin(viewerId)) : open;
};

/** A post as its page shows it, or undefined when it does not exist or is someone else's draft. */
export async function getPost(slug: string, viewerId?: string) {
  const [row] = await db()
    .select({
      id: posts.id,
      slug: posts.slug,
      title: posts.title,
      body: posts.body,
      excerpt: posts.excerpt,
      tags: posts.tags,
      status: posts.status,
      readingMinutes: posts.readingMinutes,
      publishedAt: posts.publishedAt,
      createdAt: posts.createdAt,
      updatedAt: posts.updatedAt,
      // Set only for the author and admins (everyone else never gets the row).
      hiddenAt: posts.hiddenAt,
      author: {
        id: users.id,
        handle: users.handle,
        displayName: users.displayName,
        avatarUpdatedAt: users.avatarUpdatedAt,
        followerCount: users.followerCount,
        suspendedAt: users.suspendedAt,
      },
      commentCount: posts.commentCount,
    })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(and(eq(posts.slug, slug), visibleTo(viewerId), unmoderatedOr(viewerId)))
    .limit(1);
  if (!row) return undefined;
  const names = await tagNames(row.tags);
  return {
    ...row,
    commentCount: Number(row.commentCount),
    tags: row.tags.map((s) => ({ slug: s, name: names.get(s) ?? s })),
    isAuthor: row.author.id === viewerId,
  };
}

export type PostPage = NonNullable<Awaited<ReturnType<typeof getPost>>>;

/** The post as its edit form needs it: only for its author. */
export async function getPostForEdit(viewerId: string, slug: string) {
  const post = await getPost(slug, viewerId);
  if (!post) return { ok: false as const, code: 'not_found' as const };
  if (!post.isAuthor) return { ok: false as const, code: 'not_yours' as const, post };
  return { ok: true as const, post };
}

/** The viewer's drafts, last changed first. */
export async function listDrafts(viewerId: string, limit = 20) {
  return db()
    .select({ id: posts.id, slug: posts.slug, title: posts.title, updatedAt: posts.updatedAt })
    .from(posts)
    .where(and(eq(posts.authorId, viewerId), eq(posts.status, 'draft')))
    .orderBy(desc(posts.updatedAt))
    .limit(limit);
}
