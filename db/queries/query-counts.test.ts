// No N+1 queries: each key page's loaders (called as the page calls them) send the same number of
// statements whatever the size of what they show — twelve threads or forty, twelve follows or
// forty — and few of them. Statements are counted as drizzle sends them (db/index.ts onQuery).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onQuery, type Database } from '@/db';
import { follow, member, mentor, publish } from '@/db/testing/fixtures';
import { createTestDatabase } from '@/db/testing/test-database';
import { PAGE_LOADS, type PageWorld } from '@/db/testing/page-loads';
import { addComment, listCommentPage } from './comments';
import { setReaction } from './reactions';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

async function countQueries(run: () => Promise<unknown>) {
  let count = 0;
  const stop = onQuery(() => count++);
  try {
    await run();
  } finally {
    stop();
  }
  return count;
}

/** A mentor with `size` posts and followers, one post with `size` threads (each with a reply and reactions), a reader following `size` writers. */
async function world(size: number): Promise<PageWorld> {
  const author = await mentor({ tags: ['react', 'typescript'] });
  const reader = await member('r');
  const people = await Promise.all(Array.from({ length: size }, () => member('p')));
  const post = await publish(author.id, new Date());
  for (let i = 1; i < size; i++) await publish(author.id, new Date(Date.now() - i * 60_000));
  for (const p of people) {
    await follow(p.id, author.id);
    await follow(reader.id, p.id);
    await publish(p.id, new Date(Date.now() - 3_600_000));
    const top = await addComment(p.id, { postId: post.id, body: `A thought from ${p.handle}` });
    if (!top.ok) throw new Error(top.message);
    const reply = await addComment(author.id, { postId: post.id, parentId: top.id, body: 'Thanks!' });
    if (!reply.ok) throw new Error(reply.message);
    await setReaction(reader.id, { target: 'comment', targetId: top.id, kind: 'like', on: true });
  }
  return { author, reader, post };
}

describe('statements per page do not grow with the data', () => {
  let small: PageWorld;
  let large: PageWorld;
  beforeAll(async () => {
    // Twelve fills a feed page (10) from follows alone, as forty does: the same branch of loadFeed.
    small = await world(12);
    large = await world(40);
  }, 120_000);

  for (const [name, load] of Object.entries(PAGE_LOADS)) {
    it(name, async () => {
      // Warm: the few things kept for minutes (popular tags) are not what this measures.
      await load(small);
      await load(large);
      const few = await countQueries(() => load(small));
      const many = await countQueries(() => load(large));
      expect(few).toBeGreaterThan(0);
      expect(many).toBe(few);
      expect(many).toBeLessThanOrEqual(12);
    });
  }

  it('a discussion of several pages loads one page in the same number of statements', async () => {
    const first = await countQueries(() => listCommentPage(large.post.id, { page: 1 }));
    const second = await countQueries(() => listCommentPage(large.post.id, { page: 2 }));
    expect(second).toBe(first);
  });
});
