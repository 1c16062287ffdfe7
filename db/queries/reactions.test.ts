import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db';
import { events, reactions, users } from '@/db/schema';
import { createTestDatabase } from '@/db/testing/test-database';
import { addComment, deleteComment } from './comments';
import { createPost } from './posts';
import { rapportBetween } from './rapport';
import { reactionSummaries, setReaction } from './reactions';

let database: Database;
let n = 0;

async function member() {
  const name = `r${++n}`;
  const [row] = await database.db
    .insert(users)
    .values({ handle: `${name}_react`, displayName: name, email: `${name}@example.com`, passwordHash: null })
    .returning({ id: users.id });
  return row!.id;
}

const post = (authorId: string, intent: 'draft' | 'publish' = 'publish') =>
  createPost(authorId, { title: 'Worth a reaction', body: 'Some words.', tags: [], intent });

const addedEvents = async (actorId: string) =>
  database.db.select({ data: events.data }).from(events).where(and(eq(events.type, 'reaction.added'), eq(events.actorId, actorId)));

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('reactions', () => {
  it('ten simultaneous identical adds make one reaction, one event and no error', async () => {
    const [author, fan] = [await member(), await member()];
    const { id } = await post(author);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => setReaction(fan, { target: 'post', targetId: id, kind: 'like', on: true })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && r.added)).toHaveLength(1);
    const rows = await database.db.select().from(reactions).where(eq(reactions.postId, id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: fan, targetAuthorId: author, kind: 'like' });
    expect(await addedEvents(fan)).toHaveLength(1);
    expect(await rapportBetween(fan, author)).toMatchObject({ fromMe: 1, fromThem: 0 });
  });

  it('one of each kind per member; toggling off removes it; counts and the viewer’s own', async () => {
    const [author, a, b] = [await member(), await member(), await member()];
    const { id } = await post(author);
    await setReaction(a, { target: 'post', targetId: id, kind: 'like', on: true });
    await setReaction(a, { target: 'post', targetId: id, kind: 'insightful', on: true });
    await setReaction(b, { target: 'post', targetId: id, kind: 'like', on: true });
    let summary = (await reactionSummaries('post', [id], a)).get(id)!;
    expect(summary.counts).toEqual({ like: 2, insightful: 1, thanks: 0, celebrate: 0 });
    expect(summary.mine.sort()).toEqual(['insightful', 'like']);

    expect(await setReaction(a, { target: 'post', targetId: id, kind: 'like', on: false })).toMatchObject({ ok: true, added: false });
    // Taking back twice is as harmless as adding twice.
    expect(await setReaction(a, { target: 'post', targetId: id, kind: 'like', on: false })).toMatchObject({ ok: true });
    summary = (await reactionSummaries('post', [id], a)).get(id)!;
    expect(summary.counts.like).toBe(1);
    expect(summary.mine).toEqual(['insightful']);
    expect((await reactionSummaries('post', [id])).get(id)!.mine).toEqual([]);
  });

  it('work on comments, with the comment’s author as the target', async () => {
    const [author, commenter, fan] = [await member(), await member(), await member()];
    const { id: postId } = await post(author);
    const c = await addComment(commenter, { postId, body: 'A comment' });
    if (!c.ok) throw new Error(c.message);
    const result = await setReaction(fan, { target: 'comment', targetId: c.id, kind: 'thanks', on: true });
    expect(result).toMatchObject({ ok: true, added: true });
    const [row] = await database.db.select().from(reactions).where(eq(reactions.commentId, c.id));
    expect(row).toMatchObject({ targetAuthorId: commenter, postId: null });
    expect((await reactionSummaries('comment', [c.id], fan)).get(c.id)).toMatchObject({ counts: { thanks: 1 }, mine: ['thanks'] });
  });

  it('are refused on drafts, deleted comments and unknown targets; allowed on one’s own post', async () => {
    const author = await member();
    const draft = await post(author, 'draft');
    expect(await setReaction(author, { target: 'post', targetId: draft.id, kind: 'like', on: true })).toMatchObject({ ok: false });
    expect(await setReaction(author, { target: 'post', targetId: crypto.randomUUID(), kind: 'like', on: true })).toMatchObject({ ok: false });

    const { id: postId } = await post(author);
    const other = await member();
    const c = await addComment(other, { postId, body: 'Soon gone' });
    if (!c.ok) throw new Error(c.message);
    await addComment(author, { postId, parentId: c.id, body: 'A reply keeps it as a placeholder' });
    await deleteComment(other, c.id);
    expect(await setReaction(author, { target: 'comment', targetId: c.id, kind: 'like', on: true })).toMatchObject({ ok: false });

    expect(await setReaction(author, { target: 'post', targetId: postId, kind: 'celebrate', on: true })).toMatchObject({ ok: true, added: true });
  });
});
