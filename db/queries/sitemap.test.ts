import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db';
import { mentorProfiles, posts, users } from '@/db/schema';
import { createTestDatabase } from '@/db/testing/test-database';
import sitemap from '@/app/sitemap';
import { listSitemapEntries } from './sitemap';

let database: Database;
let n = 0;

async function member(options: { suspended?: boolean; mentor?: 'active' | 'retired' } = {}) {
  const name = `m${++n}`;
  const [row] = await database.db
    .insert(users)
    .values({
      handle: `${name}_map`,
      displayName: name,
      email: `${name}@example.com`,
      passwordHash: null,
      suspendedAt: options.suspended ? new Date() : null,
    })
    .returning({ id: users.id, handle: users.handle });
  if (options.mentor) {
    await database.db
      .insert(mentorProfiles)
      .values({ userId: row!.id, headline: 'Engineer', timezone: 'Europe/Berlin', languages: ['en'], status: options.mentor });
  }
  return row!;
}

async function post(authorId: string, slug: string, change: Partial<typeof posts.$inferInsert> = {}) {
  await database.db.insert(posts).values({
    authorId,
    slug,
    title: slug,
    body: slug,
    excerpt: slug,
    readingMinutes: 1,
    tags: [],
    status: 'published',
    publishedAt: change.status === 'draft' ? null : new Date(Date.UTC(2026, 0, 1) + ++n * 60_000),
    ...change,
  });
}

let mentor: { id: string; handle: string };
let retired: { id: string; handle: string };
let suspendedMentor: { id: string; handle: string };
let writer: { id: string; handle: string };

beforeAll(async () => {
  database = await createTestDatabase();
  mentor = await member({ mentor: 'active' });
  retired = await member({ mentor: 'retired' });
  suspendedMentor = await member({ mentor: 'active', suspended: true });
  writer = await member();
  await post(writer.id, 'older-post');
  await post(mentor.id, 'newer-post');
  await post(writer.id, 'a-draft', { status: 'draft' });
  await post(writer.id, 'hidden-post', { hiddenAt: new Date() });
  await post(suspendedMentor.id, 'suspended-authors-post');
});
afterAll(() => database.close());

describe('listSitemapEntries', () => {
  it('lists active mentors in good standing and visible published posts, with their dates', async () => {
    const { mentors, posts: postList } = await listSitemapEntries();
    expect(mentors.map((m) => m.handle)).toEqual([mentor.handle]);
    expect(postList.map((p) => p.slug)).toEqual(['newer-post', 'older-post']);
    expect(mentors[0]!.lastModified).toBeInstanceOf(Date);
    expect(postList[0]!.lastModified).toBeInstanceOf(Date);
  });

  it('never lists more than the limit, keeping mentors and the newest posts', async () => {
    const capped = await listSitemapEntries(2);
    expect(capped.mentors).toHaveLength(1);
    expect(capped.posts.map((p) => p.slug)).toEqual(['newer-post']);
    const none = await listSitemapEntries(0);
    expect(none.mentors.length + none.posts.length).toBe(0);
  });

  it('drops a mentor and their posts once suspended', async () => {
    await database.db.update(users).set({ suspendedAt: new Date() }).where(eq(users.id, mentor.id));
    try {
      const { mentors, posts: postList } = await listSitemapEntries();
      expect(mentors).toEqual([]);
      expect(postList.map((p) => p.slug)).toEqual(['older-post']);
    } finally {
      await database.db.update(users).set({ suspendedAt: null }).where(eq(users.id, mentor.id));
    }
  });
});

describe('/sitemap.xml', () => {
  it('lists the public pages, then profiles and posts as absolute URLs', async () => {
    const urls = (await sitemap()).map((e) => new URL(e.url));
    const paths = urls.map((u) => u.pathname);
    expect(paths.slice(0, 4)).toEqual(['/', '/mentors', '/insights', '/feed']);
    expect(paths).toContain(`/u/${mentor.handle}`);
    expect(paths).toContain('/posts/newer-post');
    for (const absent of [retired.handle, suspendedMentor.handle, writer.handle, 'a-draft', 'hidden-post', 'suspended-authors-post']) {
      expect(paths.join(' ')).not.toContain(absent);
    }
  });
});
