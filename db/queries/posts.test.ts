import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db';
import { events, posts, tags, users } from '@/db/schema';
import { createTestDatabase } from '@/db/testing/test-database';
import { parseTagList } from '@/lib/tags';
import type { PostInput } from '@/lib/validation/posts';
import { createPost, deletePost, getPost, getPostForEdit, listDrafts, makePostSlug, updatePost } from './posts';

let database: Database;
let n = 0;

async function member() {
  const name = `w${++n}`;
  const [row] = await database.db
    .insert(users)
    .values({ handle: `${name}_post`, displayName: name, email: `${name}@example.com`, passwordHash: null })
    .returning({ id: users.id });
  return row!.id;
}

const input = (change: Partial<PostInput> = {}): PostInput => ({
  title: 'What I learned from my first code review',
  body: '## Context\n\nI was nervous. **Very** nervous, and [this](https://example.com) helped.',
  tags: parseTagList('Code review, Career'),
  intent: 'draft',
  ...change,
});

async function publishedEvents(postId: string) {
  const rows = await database.db.select({ type: events.type, data: events.data }).from(events).where(eq(events.type, 'post.published'));
  return rows.filter((r) => (r.data as { postId?: string }).postId === postId);
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('slugs', () => {
  it('are made from the title with a random six-character suffix', () => {
    expect(makePostSlug('Ten things I learned about C++!')).toMatch(/^ten-things-i-learned-about-cpp-[0-9a-z]{6}$/);
    expect(makePostSlug('Café au lait')).toMatch(/^cafe-au-lait-[0-9a-z]{6}$/);
    expect(makePostSlug('🎉🎉')).toMatch(/^post-[0-9a-z]{6}$/);
    const long = makePostSlug('a'.repeat(10) + ' word'.repeat(40));
    expect(long.length).toBeLessThanOrEqual(60 + 7);
    expect(long).not.toMatch(/-wor-/);
  });

  it('differ for two posts with the same title', async () => {
    const author = await member();
    const a = await createPost(author, input());
    const b = await createPost(author, input());
    expect(a.slug).not.toBe(b.slug);
  });

  it('never change when the post is edited', async () => {
    const author = await member();
    const created = await createPost(author, input());
    const updated = await updatePost(author, created.id, input({ title: 'A completely different title', intent: 'publish' }));
    expect(updated).toMatchObject({ ok: true, slug: created.slug, status: 'published' });
    const post = await getPost(created.slug);
    expect(post?.title).toBe('A completely different title');
  });
});

describe('drafts', () => {
  it('are visible only to their author', async () => {
    const author = await member();
    const other = await member();
    const { slug, status } = await createPost(author, input());
    expect(status).toBe('draft');
    expect(await getPost(slug)).toBeUndefined();
    expect(await getPost(slug, other)).toBeUndefined();
    expect(await getPostForEdit(other, slug)).toMatchObject({ ok: false, code: 'not_found' });
    expect(await getPost(slug, author)).toMatchObject({ status: 'draft', isAuthor: true });
    expect((await listDrafts(author)).map((d) => d.slug)).toEqual([slug]);
    expect(await listDrafts(other)).toEqual([]);
  });

  it('become visible to everyone when published, with one post.published event', async () => {
    const author = await member();
    const other = await member();
    const { id, slug } = await createPost(author, input());
    expect(await publishedEvents(id)).toHaveLength(0);
    await updatePost(author, id, input({ intent: 'publish' }));
    const seen = await getPost(slug, other);
    expect(seen).toMatchObject({ status: 'published', isAuthor: false });
    expect(seen?.publishedAt).toBeInstanceOf(Date);
    // Editing again (either button) keeps it published and logs nothing new.
    await updatePost(author, id, input({ body: 'Shorter now.', intent: 'draft' }));
    expect(await getPost(slug, other)).toMatchObject({ status: 'published', body: 'Shorter now.' });
    expect(await publishedEvents(id)).toHaveLength(1);
  });

  it('published at once logs the event in the same step', async () => {
    const author = await member();
    const { id, status } = await createPost(author, input({ intent: 'publish' }));
    expect(status).toBe('published');
    expect(await publishedEvents(id)).toHaveLength(1);
  });
});

describe('editing and deleting', () => {
  it('only the author can edit: others get not_yours, or not_found for a draft', async () => {
    const author = await member();
    const other = await member();
    const published = await createPost(author, input({ intent: 'publish' }));
    const draft = await createPost(author, input());
    expect(await updatePost(other, published.id, input({ title: 'Hijacked' }))).toMatchObject({ ok: false, code: 'not_yours' });
    expect(await updatePost(other, draft.id, input({ title: 'Hijacked' }))).toMatchObject({ ok: false, code: 'not_found' });
    expect(await getPostForEdit(other, published.slug)).toMatchObject({ ok: false, code: 'not_yours' });
    expect((await getPost(published.slug))?.title).toBe(input().title);
  });

  it('only the author can delete', async () => {
    const author = await member();
    const other = await member();
    const { id, slug } = await createPost(author, input({ intent: 'publish' }));
    expect(await deletePost(other, id)).toMatchObject({ ok: false, code: 'not_yours' });
    expect(await getPost(slug)).toBeDefined();
    expect(await deletePost(author, id)).toEqual({ ok: true });
    expect(await getPost(slug)).toBeUndefined();
    expect(await deletePost(author, id)).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('keeps excerpt, reading time and tags derived from the body', async () => {
    const author = await member();
    const words = Array.from({ length: 470 }, (_, i) => `word${i}`).join(' ');
    const { id, slug } = await createPost(author, input({ body: `# Heading\n\n${words}`, tags: parseTagList('Rust, Brand New Tag'), intent: 'publish' }));
    const [row] = await database.db.select().from(posts).where(eq(posts.id, id));
    expect(row!.readingMinutes).toBe(3);
    expect([...row!.excerpt].length).toBeLessThanOrEqual(200);
    expect(row!.excerpt).toMatch(/^Heading word0 word1/);
    expect(row!.tags).toEqual(['rust', 'brand-new-tag']);
    const [registered] = await database.db.select().from(tags).where(eq(tags.slug, 'brand-new-tag'));
    expect(registered?.name).toBe('Brand New Tag');
    expect((await getPost(slug))?.tags).toContainEqual({ slug: 'brand-new-tag', name: 'Brand New Tag' });
  });
});
