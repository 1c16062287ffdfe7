import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db';
import { comments, events, users } from '@/db/schema';
import { createTestDatabase } from '@/db/testing/test-database';
import { addComment, countComments, deleteComment, editComment, listCommentPage, listComments, THREADS_PER_PAGE, type CommentNode } from './comments';
import { createPost } from './posts';
import { rapportBetween } from './rapport';
import { setReaction } from './reactions';

let database: Database;
let n = 0;

async function member() {
  const name = `c${++n}`;
  const [row] = await database.db
    .insert(users)
    .values({ handle: `${name}_comment`, displayName: name, email: `${name}@example.com`, passwordHash: null })
    .returning({ id: users.id });
  return row!.id;
}

async function post(authorId: string, intent: 'draft' | 'publish' = 'publish') {
  return createPost(authorId, { title: 'A post to discuss', body: 'Something worth talking about.', tags: [], intent });
}

// Comments a few milliseconds apart, so "oldest first" has one right answer.
const tick = () => new Promise((r) => setTimeout(r, 5));

async function comment(authorId: string, postId: string, body: string, parentId?: string) {
  await tick();
  const result = await addComment(authorId, { postId, parentId, body });
  if (!result.ok) throw new Error(result.message);
  return result.id;
}

/** The tree as nested [body, replies] pairs, easy to compare. */
const shape = (nodes: CommentNode[]): unknown[] => nodes.map((c) => (c.replies.length ? [c.deleted ? '[deleted]' : c.body, shape(c.replies)] : c.deleted ? '[deleted]' : c.body));

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('adding comments', () => {
  it('records whom a comment answers, its depth and a comment.created event', async () => {
    const author = await member();
    const reader = await member();
    const { id: postId } = await post(author);
    const top = await comment(reader, postId, 'Great post');
    const reply = await comment(author, postId, 'Thanks!', top);
    const rows = await database.db.select().from(comments).where(eq(comments.postId, postId));
    expect(rows.find((r) => r.id === top)).toMatchObject({ repliesToId: author, depth: 0, parentId: null });
    expect(rows.find((r) => r.id === reply)).toMatchObject({ repliesToId: reader, depth: 1, parentId: top });
    const logged = await database.db.select({ actorId: events.actorId, data: events.data }).from(events).where(eq(events.type, 'comment.created'));
    expect(logged.filter((e) => (e.data as { postId: string }).postId === postId).map((e) => e.actorId)).toEqual([reader, author]);
    // Two-way exchange counts for rapport from both sides.
    expect(await rapportBetween(reader, author)).toMatchObject({ fromMe: 1, fromThem: 1 });
  });

  it('refuses comments on drafts, on unknown posts, and replies across posts', async () => {
    const author = await member();
    const draft = await post(author, 'draft');
    expect(await addComment(author, { postId: draft.id, body: 'Note to self' })).toMatchObject({ ok: false });
    expect(await addComment(author, { postId: crypto.randomUUID(), body: 'Hello' })).toMatchObject({ ok: false });
    const a = await post(author);
    const b = await post(author);
    const onA = await comment(author, a.id, 'On A');
    expect(await addComment(author, { postId: b.id, parentId: onA, body: 'Cross-post reply' })).toMatchObject({ ok: false });
  });
});

describe('the thread', () => {
  it('orders top-level comments oldest or newest first, replies always oldest first under their parent', async () => {
    const [author, a, b] = [await member(), await member(), await member()];
    const { id: postId } = await post(author);
    const first = await comment(a, postId, 'first');
    const second = await comment(b, postId, 'second');
    await comment(b, postId, 'reply 1 to first', first);
    const r2 = await comment(author, postId, 'reply 2 to first', first);
    await comment(a, postId, 'reply to reply 2', r2);
    await comment(a, postId, 'reply to second', second);
    await comment(author, postId, 'third');

    expect(shape(await listComments(postId))).toEqual([
      ['first', ['reply 1 to first', ['reply 2 to first', ['reply to reply 2']]]],
      ['second', ['reply to second']],
      'third',
    ]);
    expect(shape(await listComments(postId, { order: 'newest' }))).toEqual([
      'third',
      ['second', ['reply to second']],
      ['first', ['reply 1 to first', ['reply 2 to first', ['reply to reply 2']]]],
    ]);
    expect(await countComments(postId)).toBe(7);
  });

  it('keeps nesting past any display depth, with the real parent', async () => {
    const [author, a] = [await member(), await member()];
    const { id: postId } = await post(author);
    let parent: string | undefined;
    for (let i = 0; i < 8; i++) parent = await comment(i % 2 ? author : a, postId, `level ${i}`, parent);
    let node = (await listComments(postId))[0];
    for (let i = 0; i < 7; i++) node = node!.replies[0];
    expect(node).toMatchObject({ body: 'level 7', depth: 7, parentId: expect.any(String) });
  });
});

describe('editing and deleting comments', () => {
  it('only the author can edit or delete', async () => {
    const [author, other] = [await member(), await member()];
    const { id: postId } = await post(author);
    const id = await comment(author, postId, 'Mine');
    expect(await editComment(other, id, 'Not yours')).toMatchObject({ ok: false });
    expect(await deleteComment(other, id)).toMatchObject({ ok: false });
    expect(await editComment(author, id, 'Mine, edited')).toMatchObject({ ok: true });
    const [row] = await database.db.select().from(comments).where(eq(comments.id, id));
    expect(row).toMatchObject({ body: 'Mine, edited', editedAt: expect.any(Date) });
  });

  it('leaves a "[deleted]" placeholder when the comment has replies, and the replies stay', async () => {
    const [author, a, b] = [await member(), await member(), await member()];
    const { id: postId } = await post(author);
    const parent = await comment(a, postId, 'Parent');
    await comment(b, postId, 'Reply', parent);
    await setReaction(b, { target: 'comment', targetId: parent, kind: 'like', on: true });

    expect(await deleteComment(a, parent)).toMatchObject({ ok: true, placeholder: true });
    const tree = await listComments(postId);
    expect(shape(tree)).toEqual([['[deleted]', ['Reply']]]);
    expect(tree[0]).toMatchObject({ deleted: true, author: null, body: '' });
    expect(tree[0]!.reactions.counts.like).toBe(0);
    expect(await countComments(postId)).toBe(1);
    // A placeholder takes no replies, edits or second deletion.
    expect(await addComment(b, { postId, parentId: parent, body: 'Still there?' })).toMatchObject({ ok: false });
    expect(await editComment(a, parent, 'Back')).toMatchObject({ ok: false });
    expect(await deleteComment(a, parent)).toMatchObject({ ok: false });
  });

  it('removes a comment without replies, and a placeholder once its last reply goes', async () => {
    const [author, a, b] = [await member(), await member(), await member()];
    const { id: postId } = await post(author);
    const lonely = await comment(a, postId, 'Lonely');
    expect(await deleteComment(a, lonely)).toMatchObject({ ok: true, placeholder: false });
    expect(await listComments(postId)).toEqual([]);

    const parent = await comment(a, postId, 'Parent');
    const middle = await comment(b, postId, 'Middle', parent);
    const leaf = await comment(a, postId, 'Leaf', middle);
    await deleteComment(a, parent);
    await deleteComment(b, middle);
    expect(shape(await listComments(postId))).toEqual([['[deleted]', [['[deleted]', ['Leaf']]]]]);
    await deleteComment(a, leaf);
    expect(await listComments(postId)).toEqual([]);
    const left = await database.db.select().from(comments).where(and(eq(comments.postId, postId)));
    expect(left).toEqual([]);
  });
});

describe('a discussion of several pages', () => {
  it('shows THREADS_PER_PAGE top-level comments per page with all their replies, in either order', async () => {
    const [author, reader] = [await member(), await member()];
    const { id: postId } = await post(author);
    const tops: string[] = [];
    for (let i = 0; i < THREADS_PER_PAGE + 5; i++) {
      const result = await addComment(reader, { postId, body: `thread ${i}` });
      if (!result.ok) throw new Error(result.message);
      tops.push(result.id);
    }
    // A reply two levels down, under the 33rd thread.
    const reply = await comment(author, postId, 'reply', tops[32]);
    await comment(reader, postId, 'deeper', reply);

    const first = await listCommentPage(postId);
    expect(first).toMatchObject({ page: 1, pages: 2, threadCount: THREADS_PER_PAGE + 5 });
    expect(first.threads.map((t) => t.body)).toEqual(Array.from({ length: THREADS_PER_PAGE }, (_, i) => `thread ${i}`));
    const second = await listCommentPage(postId, { page: 2 });
    expect(shape(second.threads)).toEqual(['thread 30', 'thread 31', ['thread 32', [['reply', ['deeper']]]], 'thread 33', 'thread 34']);
    // Newest first: the last five threads lead page 1.
    const newest = await listCommentPage(postId, { order: 'newest' });
    expect(newest.threads.slice(0, 3).map((t) => t.body)).toEqual(['thread 34', 'thread 33', 'thread 32']);
    // A page past the end shows the last; nonsense shows the first.
    expect((await listCommentPage(postId, { page: 99 })).page).toBe(2);
    expect((await listCommentPage(postId, { page: -3 })).page).toBe(1);
  });

  it('opens the page that holds a linked comment, and ignores a link to something else', async () => {
    const [author, reader] = [await member(), await member()];
    const { id: postId } = await post(author);
    const tops: string[] = [];
    for (let i = 0; i < THREADS_PER_PAGE + 2; i++) {
      const result = await addComment(reader, { postId, body: `thread ${i}` });
      if (!result.ok) throw new Error(result.message);
      tops.push(result.id);
    }
    const reply = await comment(author, postId, 'the reply a notification links to', tops[31]);
    expect((await listCommentPage(postId, { focus: reply })).page).toBe(2);
    expect((await listCommentPage(postId, { focus: tops[0] })).page).toBe(1);
    // Newest first, the oldest thread is on the last page.
    expect((await listCommentPage(postId, { focus: tops[0], order: 'newest' })).page).toBe(2);
    const other = await post(author);
    const elsewhere = await comment(reader, other.id, 'on another post');
    expect((await listCommentPage(postId, { focus: elsewhere, page: 2 })).page).toBe(2);
    expect((await listCommentPage(postId, { focus: 'not-a-uuid' })).page).toBe(1);
  });
});

describe('the counts kept on each post', () => {
  it('counts live comments and reactions as they come and go, in bulk too', async () => {
    const [author, reader] = [await member(), await member()];
    const { id: postId } = await post(author);
    const counts = async () => {
      const [row] = await database.raw<{ comment_count: number; reaction_count: number }>('select comment_count, reaction_count from posts where id = $1', [postId]);
      const [truth] = await database.raw<{ comments: number; reactions: number }>(
        `select (select count(*)::int from comments where post_id = $1 and deleted_at is null and hidden_at is null) as comments,
                (select count(*)::int from reactions where post_id = $1) as reactions`,
        [postId],
      );
      expect({ comments: row!.comment_count, reactions: row!.reaction_count }).toEqual(truth);
      return truth!;
    };
    const a = await comment(reader, postId, 'one');
    const b = await comment(author, postId, 'two', a);
    await comment(reader, postId, 'three', b);
    expect(await counts()).toEqual({ comments: 3, reactions: 0 });
    await setReaction(reader, { target: 'post', targetId: postId, kind: 'like', on: true });
    await setReaction(reader, { target: 'post', targetId: postId, kind: 'thanks', on: true });
    await setReaction(author, { target: 'comment', targetId: a, kind: 'like', on: true });
    expect(await counts()).toEqual({ comments: 3, reactions: 2 });
    await setReaction(reader, { target: 'post', targetId: postId, kind: 'like', on: false });
    await deleteComment(author, b);
    expect(await counts()).toEqual({ comments: 2, reactions: 1 });
    await database.raw('update comments set hidden_at = now() where id = $1', [a]);
    expect(await counts()).toEqual({ comments: 1, reactions: 1 });
    await database.raw('update comments set hidden_at = null where id = $1', [a]);
    // Many rows in one statement, and concurrent comments.
    await database.raw(
      `insert into comments (post_id, author_id, replies_to_id, body) select $1, $2, $3, 'bulk ' || g from generate_series(1, 25) g`,
      [postId, reader, author],
    );
    await Promise.all(Array.from({ length: 8 }, (_, i) => addComment(reader, { postId, body: `at once ${i}` })));
    expect(await counts()).toEqual({ comments: 35, reactions: 1 });
    await database.raw('delete from comments where post_id = $1 and body like $2', [postId, 'bulk %']);
    expect(await counts()).toEqual({ comments: 10, reactions: 1 });
  });
});
