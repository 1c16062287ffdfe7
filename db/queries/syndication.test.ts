import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db';
import { posts, users } from '@/db/schema';
import { createTestDatabase } from '@/db/testing/test-database';
import { GET as siteFeed } from '@/app/feed.xml/route';
import { GET as memberFeed } from '@/app/u/[handle]/feed.xml/route';
import { listSyndicatedPosts } from './syndication';

let database: Database;
let n = 0;

async function member(suspended = false) {
  const name = `s${++n}`;
  const [row] = await database.db
    .insert(users)
    .values({
      handle: `${name}_synd`,
      displayName: `Writer ${name}`,
      email: `${name}@example.com`,
      passwordHash: null,
      suspendedAt: suspended ? new Date() : null,
    })
    .returning({ id: users.id, handle: users.handle });
  return row!;
}

async function post(authorId: string, title: string, change: Partial<typeof posts.$inferInsert> = {}) {
  const publishedAt = change.status === 'draft' ? null : new Date(Date.UTC(2026, 0, 1) + ++n * 60_000);
  const [row] = await database.db
    .insert(posts)
    .values({
      authorId,
      slug: `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${n}`,
      title,
      body: `Body of ${title}`,
      excerpt: `Excerpt of ${title}`,
      readingMinutes: 1,
      tags: [],
      status: 'published',
      publishedAt,
      ...change,
    })
    .returning({ id: posts.id, slug: posts.slug });
  return row!;
}

const member1 = { id: '', handle: '' };
const suspended = { id: '', handle: '' };

beforeAll(async () => {
  database = await createTestDatabase();
  Object.assign(member1, await member());
  Object.assign(suspended, await member(true));
  await post(member1.id, `Tips <&> "quotes" 'apostrophes'`);
  await post(member1.id, 'Visible second');
  await post(member1.id, 'A draft', { status: 'draft' });
  await post(member1.id, 'Hidden by a moderator', { hiddenAt: new Date() });
  await post(suspended.id, 'By a suspended author');
});
afterAll(() => database.close());

const titles = (rows: { title: string }[]) => rows.map((r) => r.title);

describe('listSyndicatedPosts', () => {
  it('lists only published, visible posts by members in good standing, newest first', async () => {
    expect(titles(await listSyndicatedPosts())).toEqual(['Visible second', `Tips <&> "quotes" 'apostrophes'`]);
  });

  it('lists one author’s posts, and none of a suspended author’s', async () => {
    expect(titles(await listSyndicatedPosts({ authorId: member1.id }))).toHaveLength(2);
    expect(await listSyndicatedPosts({ authorId: suspended.id })).toEqual([]);
  });

  it('stops at the limit', async () => {
    expect(await listSyndicatedPosts({ limit: 1 })).toHaveLength(1);
  });
});

describe('/feed.xml', () => {
  it('is Atom, cached briefly, with escaped titles and no hidden, draft or suspended posts', async () => {
    const response = await siteFeed();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    const xml = await response.text();
    expect(xml).toContain('<title type="text">Tips &lt;&amp;&gt; &quot;quotes&quot; &apos;apostrophes&apos;</title>');
    expect(xml.match(/<entry>/g)).toHaveLength(2);
    for (const absent of ['A draft', 'Hidden by a moderator', 'By a suspended author']) expect(xml).not.toContain(absent);
  });
});

describe('/u/[handle]/feed.xml', () => {
  const get = (handle: string) =>
    memberFeed(new Request(`http://localhost/u/${handle}/feed.xml`), { params: Promise.resolve({ handle }) });

  it('lists the member’s visible posts, found by handle in any case', async () => {
    const response = await get(member1.handle.toUpperCase());
    expect(response.status).toBe(200);
    const xml = await response.text();
    expect(xml).toContain('<title type="text">Writer');
    expect(xml.match(/<entry>/g)).toHaveLength(2);
    expect(xml).not.toContain('Hidden by a moderator');
  });

  it('is not found for an unknown or suspended member, or a malformed handle', async () => {
    expect((await get('nobody_here')).status).toBe(404);
    expect((await get(suspended.handle)).status).toBe(404);
    expect((await get('%E0%A4%A')).status).toBe(404);
  });

  it('disappears when its member is suspended', async () => {
    await database.db.update(users).set({ suspendedAt: new Date() }).where(eq(users.id, member1.id));
    try {
      expect((await get(member1.handle)).status).toBe(404);
      expect(await listSyndicatedPosts()).toEqual([]);
    } finally {
      await database.db.update(users).set({ suspendedAt: null }).where(eq(users.id, member1.id));
    }
  });
});
