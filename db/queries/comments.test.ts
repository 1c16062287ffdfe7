import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db';
import { comments, events, users } from '@/db/schema';
import { createTestDatabase } from '@/db/testing/test-database';
import { addComment, countComments, deleteComment, editComment, listComments, type CommentNode } from './comments';
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
