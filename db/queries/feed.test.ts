import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db';
import { follows, mentorProfiles, posts, users } from '@/db/schema';
import { createTestDatabase } from '@/db/testing/test-database';
import { encodeFeedCursor, parseFeedCursor, type FeedCursor } from '@/lib/validation/posts';
import { loadFeed } from './feed';

let database: Database;
let n = 0;

async function member() {
  const name = `f${++n}`;
  const [row] = await database.db
    .insert(users)
    .values({ handle: `${name}_feed`, displayName: name, email: `${name}@example.com`, passwordHash: null })
    .returning({ id: users.id });
  return row!.id;
}

async function mentor(profile: Partial<typeof mentorProfiles.$inferInsert> = {}) {
  const id = await member();
  await database.db.insert(mentorProfiles).values({ userId: id, headline: 'Mentor', timezone: 'UTC', languages: ['en'], ...profile });
  return id;
}

/** A published post at an exact moment (text, so microseconds survive), or a draft. */
async function publish(authorId: string, at: string | null, title = `post ${++n}`) {
  const [row] = await database.raw<{ id: string }>(
    `insert into posts (author_id, title, slug, body, status, published_at)
     values ($1, $2, $3, 'Body', $4, $5::timestamptz) returning id`,
    [authorId, title, `post-${n}-${Math.random().toString(36).slice(2, 8)}`, at ? 'published' : 'draft', at],
  );
  return row!.id;
}

const follow = (followerId: string, followeeId: string) => database.db.insert(follows).values({ followerId, followeeId });

/** Walks every page the way the "Load more" link does, calling `between` after each page. */
async function walk(viewerId: string | undefined, pageSize: number, between: (page: number) => Promise<void> = async () => {}) {
  const seen: { id: string; suggested: boolean }[] = [];
  let cursor: FeedCursor | undefined;
  for (let page = 1; page < 100; page++) {
    const result = await loadFeed(viewerId, cursor, pageSize);
    expect(result.posts.length).toBeLessThanOrEqual(pageSize);
    seen.push(...result.posts.map((p) => ({ id: p.id, suggested: p.suggested })));
    if (!result.next) break;
    // Round-trip through the URL form, as the browser does.
    cursor = parseFeedCursor(encodeFeedCursor(result.next));
    expect(cursor).toEqual(result.next);
    await between(page);
  }
  return seen;
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('feed cursors', () => {
  it('round-trip, and malformed ones are ignored', () => {
    const cursor: FeedCursor = { phase: 'suggested', at: '2026-03-01T10:00:00.123456Z', id: '0b6f8e7c-3c1a-4f53-9a49-0d2b4f1e9c11' };
    expect(parseFeedCursor(encodeFeedCursor(cursor))).toEqual(cursor);
    for (const bad of ['', 'x', 's_2026-03-01_abc', 'q_2026-03-01T10:00:00Z_0b6f8e7c-3c1a-4f53-9a49-0d2b4f1e9c11', 's_2026-13-45T99:00:00Z_0b6f8e7c-3c1a-4f53-9a49-0d2b4f1e9c11', ['a'], undefined]) {
      expect(parseFeedCursor(bad)).toBeUndefined();
    }
  });
});

describe('the feed for visitors', () => {
  it('pages through recent posts with no duplicates or gaps while new posts arrive, ties included', async () => {
    const authors = [await member(), await member(), await member()];
    for (let i = 0; i < 17; i++) await publish(authors[i % 3]!, `2025-05-${String(1 + i).padStart(2, '0')}T08:00:00Z`);
    // Several posts in the same microsecond, and neighbours one microsecond apart.
    for (let i = 0; i < 4; i++) await publish(authors[i % 3]!, '2025-06-01T12:00:00.123456Z');
    await publish(authors[0]!, '2025-06-01T12:00:00.123457Z');
    await publish(authors[1]!, '2025-06-01T12:00:00.123455Z');
    await publish(authors[2]!, null);

    const existing = await database.db.select({ id: posts.id }).from(posts).where(eq(posts.status, 'published'));
    const arrived: string[] = [];
    const seen = await walk(undefined, 4, async () => {
      arrived.push(await publish(authors[0]!, new Date().toISOString()), await publish(authors[1]!, new Date().toISOString()));
    });
    const ids = seen.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(existing.map((e) => e.id)));
    expect(arrived.length).toBeGreaterThan(0);
    // A fresh start shows the newcomers first.
    const first = await loadFeed(undefined, undefined, 2);
    expect(first.posts.map((p) => p.id).sort()).toEqual(arrived.slice(-2).sort());
  });

  it('is newest first and carries what a card shows', async () => {
    const author = await member();
    const older = await publish(author, '2030-01-01T00:00:00Z', 'Older');
    const newer = await publish(author, '2030-01-02T00:00:00Z', 'Newer');
    const { posts: page } = await loadFeed(undefined, undefined, 2);
    expect(page.map((p) => p.id)).toEqual([newer, older]);
    expect(page[0]).toMatchObject({ title: 'Newer', commentCount: 0, reactionCount: 0, author: { id: author }, suggested: false });
    await database.db.delete(posts).where(eq(posts.authorId, author));
  });
});

describe('the feed for members', () => {
  it('shows followed people’s posts first, then suggestions from matching and grow mentors', async () => {
    const viewer = await mentor({ tags: ['go', 'testing'], startPreference: 'ask' });
    const followedMember = await member();
    const followedMentor = await mentor({ startPreference: 'grow' });
    const grower = await mentor({ startPreference: 'grow', tags: ['cooking'] });
    const sameTags = await mentor({ startPreference: 'ask', tags: ['testing', 'rust'] });
    const unrelated = await mentor({ startPreference: 'ask', tags: ['cooking'] });
    const retired = await mentor({ startPreference: 'grow', status: 'retired' });
    const stranger = await member();
    await follow(viewer, followedMember);
    await follow(viewer, followedMentor);

    const at = (day: number) => `2024-02-${String(day).padStart(2, '0')}T10:00:00Z`;
    const f1 = await publish(followedMember, at(1));
    const f2 = await publish(followedMentor, at(3));
    const f3 = await publish(followedMember, at(5));
    await publish(followedMember, null);
    const s1 = await publish(grower, at(2));
    const s2 = await publish(sameTags, at(4));
    const s3 = await publish(grower, at(6));
    const s4 = await publish(sameTags, at(7));
    await publish(unrelated, at(8));
    await publish(retired, at(9));
    await publish(stranger, at(10));
    await publish(viewer, at(11));

    const seen = await walk(viewer, 2, async (page) => {
      // Arrivals while reading: a followed post lands before every cursor, so it never shows up
      // on a later page; a suggestion published before suggestions start is simply among them.
      if (page === 1) await publish(followedMember, new Date().toISOString());
    });
    expect(seen).toEqual([
      { id: f3, suggested: false },
      { id: f2, suggested: false },
      { id: f1, suggested: false },
      { id: s4, suggested: true },
      { id: s3, suggested: true },
      { id: s2, suggested: true },
      { id: s1, suggested: true },
    ]);
    // One page large enough for everything mixes both parts in order.
    const all = await loadFeed(viewer, undefined, 20);
    expect(all.posts.map((p) => p.suggested)).toEqual([false, false, false, false, true, true, true, true]);
    expect(all.next).toBeUndefined();
  });

  it('continues with suggestions on the next page when follows fill a page exactly', async () => {
    const viewer = await member();
    const followed = await member();
    const grower = await mentor({ startPreference: 'grow' });
    await follow(viewer, followed);
    await publish(followed, '2023-01-01T00:00:00Z');
    await publish(followed, '2023-01-02T00:00:00Z');
    const suggestion = await publish(grower, '2023-01-03T00:00:00Z');
    const page = await loadFeed(viewer, undefined, 2);
    expect(page.posts.map((p) => p.suggested)).toEqual([false, false]);
    expect(page.next?.phase).toBe('following');
    const rest = await loadFeed(viewer, page.next, 10);
    expect(rest.posts.length).toBeGreaterThan(0);
    expect(rest.posts.every((p) => p.suggested)).toBe(true);
    expect(rest.posts.map((p) => p.id)).toContain(suggestion);
  });
});
