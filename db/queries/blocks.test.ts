import { and, eq, or } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db';
import {
  blocks,
  comments,
  events,
  follows,
  mentorProfiles,
  mentorshipMessages,
  mentorshipOffers,
  mentorshipRequests,
  mentorships,
  notifications,
  posts,
  reports,
  users,
} from '@/db/schema';
import { createTestDatabase } from '@/db/testing/test-database';
import { BLOCKED } from '@/lib/blocks';
import { REPORT_REFUSALS } from '@/lib/reports';
import { reportSchema } from '@/lib/validation/reports';
import { blockMember, hasBlocked, isBlockedEitherWay, listBlocked, unblockMember } from './blocks';
import { addComment } from './comments';
import { followMember } from './follows';
import { notify } from './notifications';
import { answerOffer, makeOffer } from './offers';
import { createPost } from './posts';
import { setReaction } from './reactions';
import { reportContent } from './reports';
import { acceptRequest, getAskContext, sendRequest } from './requests';

let database: Database;
let n = 0;

async function member(name = `Member ${n + 1}`) {
  n++;
  const [row] = await database.db
    .insert(users)
    .values({ handle: `b_member_${n}`, displayName: name, email: `b${n}@example.com`, passwordHash: null })
    .returning({ id: users.id });
  return row!.id;
}

async function mentor() {
  const id = await member();
  await database.db.insert(mentorProfiles).values({ userId: id, headline: 'Mentor', timezone: 'UTC', languages: ['en'], capacity: 10 });
  return id;
}

const ask = (mentorId: string) => ({
  mentorId,
  message: 'Hello! I would like to learn how to lead a team well; your posts convinced me to ask you.',
  goal: ['Lead a team'],
  cadence: 'weekly' as const,
  lengthWeeks: 8,
});

const post = (authorId: string, title = 'On feedback') =>
  createPost(authorId, { title, body: 'Some thoughts on giving feedback.', tags: [], intent: 'publish' });

async function comment(authorId: string, postId: string, parentId?: string) {
  const result = await addComment(authorId, { postId, parentId, body: 'A thought.' });
  if (!result.ok) throw new Error(result.message);
  return result.id;
}

const daysAgo = (d: number) => new Date(Date.now() - d * 24 * 3600 * 1000);

/** Two weeks of two-way comments between a and b, written directly (rapport that has grown). */
async function grow(a: string, b: string) {
  for (const [from, to, days] of [[a, b, 15], [b, a, 14], [a, b, 3], [b, a, 2]] as const) {
    n++;
    const [p] = await database.db
      .insert(posts)
      .values({ authorId: to, title: 'A post', slug: `b-post-${n}`, body: 'Body', status: 'published', publishedAt: daysAgo(days + 1), createdAt: daysAgo(days + 1) })
      .returning({ id: posts.id });
    await database.db.insert(comments).values({ postId: p!.id, authorId: from, repliesToId: to, body: 'Nice', createdAt: daysAgo(days) });
  }
}

const kindsFor = async (userId: string) =>
  (await database.db.select({ kind: notifications.kind }).from(notifications).where(eq(notifications.recipientId, userId))).map((r) => r.kind);

const followsBetween = (a: string, b: string) =>
  database.db
    .select()
    .from(follows)
    .where(or(and(eq(follows.followerId, a), eq(follows.followeeId, b)), and(eq(follows.followerId, b), eq(follows.followeeId, a))));

const followerCount = async (id: string) =>
  (await database.db.select({ n: users.followerCount }).from(users).where(eq(users.id, id)))[0]!.n;

/** Blocks straight in the table, past blockMember's clean-up: to test each crossing's own check. */
const rawBlock = (blockerId: string, blockedId: string) => database.db.insert(blocks).values({ blockerId, blockedId });
const rawUnblock = (blockerId: string, blockedId: string) =>
  database.db.delete(blocks).where(and(eq(blocks.blockerId, blockerId), eq(blocks.blockedId, blockedId)));

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('blocking a member', () => {
  it('removes follows both ways, keeps follower counts right, and is idempotent', async () => {
    const a = await member();
    const b = await member();
    const fan = await member();
    for (const [x, y] of [[a, b], [b, a], [fan, a], [fan, b]] as const) expect(await followMember(x, y)).toEqual({ ok: true });
    expect([await followerCount(a), await followerCount(b)]).toEqual([2, 2]);

    expect(await blockMember(a, b)).toEqual({ ok: true });
    expect(await followsBetween(a, b)).toEqual([]);
    expect([await followerCount(a), await followerCount(b)]).toEqual([1, 1]);
    expect(await blockMember(a, b)).toEqual({ ok: true });
    expect(await isBlockedEitherWay(database.db, a, b)).toBe(true);
    expect(await isBlockedEitherWay(database.db, b, a)).toBe(true);
    expect([await hasBlocked(a, b), await hasBlocked(b, a)]).toEqual([true, false]);
    const removed = await database.db.select({ actorId: events.actorId, data: events.data }).from(events).where(eq(events.type, 'follow.removed'));
    expect(removed.filter((e) => (e.data as { byBlock?: string }).byBlock === a).map((e) => e.actorId).sort()).toEqual([a, b].sort());
  });

  it('refuses oneself, an unknown member, and a partner in an active mentorship until it has ended', async () => {
    const a = await mentor();
    const b = await member();
    expect(await blockMember(a, a)).toMatchObject({ ok: false, code: 'self' });
    expect(await blockMember(a, '00000000-0000-4000-8000-000000000000')).toMatchObject({ ok: false, code: 'not_found' });
    const [m] = await database.db.insert(mentorships).values({ mentorId: a, menteeId: b, origin: 'grow' }).returning({ id: mentorships.id });
    expect(await blockMember(b, a)).toMatchObject({ ok: false, code: 'mentoring' });
    expect(await blockMember(a, b)).toMatchObject({ ok: false, code: 'mentoring' });
    expect(await isBlockedEitherWay(database.db, a, b)).toBe(false);
    await database.db.update(mentorships).set({ status: 'ended', endedAt: new Date() }).where(eq(mentorships.id, m!.id));
    expect(await blockMember(b, a)).toEqual({ ok: true });
  });

  it('closes requests and offers waiting between the two, without telling the other', async () => {
    const m = await mentor();
    const asker = await member();
    const sent = await sendRequest(asker, ask(m));
    if (!sent.ok) throw new Error(sent.message);
    // The mentor blocks the one who asked: a decline, and no answer reaches the mentee.
    expect(await blockMember(m, asker)).toEqual({ ok: true });
    const [declined] = await database.db.select().from(mentorshipRequests).where(eq(mentorshipRequests.id, sent.id));
    expect(declined).toMatchObject({ status: 'declined', declineReason: 'other' });
    expect(await kindsFor(asker)).not.toContain('request_answered');

    const m2 = await mentor();
    const asker2 = await member();
    const sent2 = await sendRequest(asker2, ask(m2));
    if (!sent2.ok) throw new Error(sent2.message);
    // The one who asked blocks the mentor: withdrawn, and the mentor is not told.
    expect(await blockMember(asker2, m2)).toEqual({ ok: true });
    expect((await database.db.select().from(mentorshipRequests).where(eq(mentorshipRequests.id, sent2.id)))[0]?.status).toBe('withdrawn');
    expect(await kindsFor(m2)).toEqual(['request_received']);

    const m3 = await mentor();
    const partner = await member();
    await grow(m3, partner);
    const offered = await makeOffer(m3, { kind: 'offer', partnerId: partner, message: 'Shall we make it a mentorship?' });
    if (!offered.ok) throw new Error(offered.message);
    expect(await blockMember(partner, m3)).toEqual({ ok: true });
    expect((await database.db.select().from(mentorshipOffers).where(eq(mentorshipOffers.id, offered.id)))[0]?.status).toBe('declined');
    expect(await kindsFor(m3)).not.toContain('offer_answered');
  });

  it('lifts only the viewer’s own block, and lists whom the viewer blocked', async () => {
    const a = await member('Ann');
    const b = await member('Bo');
    const c = await member('Cy');
    await blockMember(a, b);
    await blockMember(b, a);
    await blockMember(a, c);
    expect((await listBlocked(a)).map((p) => p.displayName).sort()).toEqual(['Bo', 'Cy']);
    expect(await unblockMember(a, b)).toEqual({ ok: true });
    expect((await listBlocked(a)).map((p) => p.displayName)).toEqual(['Cy']);
    // Bo's block still stands.
    expect(await followMember(a, b)).toEqual({ ok: false, message: BLOCKED.follow });
    await unblockMember(b, a);
    expect(await followMember(a, b)).toEqual({ ok: true });
  });
});

// Every crossing is refused whichever of the two made the block, and allowed again once lifted.
describe.each([
  { who: 'the actor blocked the other', blocker: 'actor' as const },
  { who: 'the other blocked the actor', blocker: 'other' as const },
])('across a block ($who)', ({ blocker }) => {
  const block = (actor: string, other: string) => (blocker === 'actor' ? blockMember(actor, other) : blockMember(other, actor));
  const unblock = (actor: string, other: string) => (blocker === 'actor' ? unblockMember(actor, other) : unblockMember(other, actor));
  const raw = (actor: string, other: string) => (blocker === 'actor' ? rawBlock(actor, other) : rawBlock(other, actor));
  const unraw = (actor: string, other: string) => (blocker === 'actor' ? rawUnblock(actor, other) : rawUnblock(other, actor));

  it('no request', async () => {
    const actor = await member();
    const other = await mentor();
    await block(actor, other);
    expect(await sendRequest(actor, ask(other))).toMatchObject({ ok: false, code: 'blocked', message: BLOCKED.request });
    expect((await getAskContext(actor, other)).blocked).toBe(true);
    await unblock(actor, other);
    expect((await getAskContext(actor, other)).blocked).toBe(false);
    expect(await sendRequest(actor, ask(other))).toMatchObject({ ok: true });
  });

  it('no accepting a request left waiting', async () => {
    const actor = await mentor();
    const other = await member();
    const sent = await sendRequest(other, ask(actor));
    if (!sent.ok) throw new Error(sent.message);
    await raw(actor, other);
    expect(await acceptRequest(actor, sent.id)).toMatchObject({ ok: false, code: 'blocked' });
    await unraw(actor, other);
    expect(await acceptRequest(actor, sent.id)).toMatchObject({ ok: true });
  });

  it('no offer or proposal, and no accepting one left waiting', async () => {
    const actor = await mentor();
    const other = await member();
    await grow(actor, other);
    await block(actor, other);
    expect(await makeOffer(actor, { kind: 'offer', partnerId: other, message: 'Shall we?' })).toMatchObject({ ok: false, code: 'blocked', message: BLOCKED.offer });
    expect(await makeOffer(other, { kind: 'proposal', partnerId: actor, message: 'Shall we?' })).toMatchObject({ ok: false, code: 'blocked' });
    await unblock(actor, other);
    const offered = await makeOffer(actor, { kind: 'offer', partnerId: other, message: 'Shall we?' });
    expect(offered).toMatchObject({ ok: true });
    if (!offered.ok) return;
    await raw(actor, other);
    expect(await answerOffer(other, { offerId: offered.id, accept: true })).toMatchObject({ ok: false, code: 'blocked' });
    await unraw(actor, other);
    expect(await answerOffer(other, { offerId: offered.id, accept: true })).toMatchObject({ ok: true });
  });

  it('no comment on the other’s post', async () => {
    const actor = await member();
    const other = await member();
    const { id: postId } = await post(other);
    await block(actor, other);
    expect(await addComment(actor, { postId, body: 'Hello' })).toEqual({ ok: false, message: BLOCKED.comment });
    await unblock(actor, other);
    expect(await addComment(actor, { postId, body: 'Hello' })).toMatchObject({ ok: true });
  });

  it('no reply to the other’s comment, even under someone else’s post', async () => {
    const actor = await member();
    const other = await member();
    const host = await member();
    const { id: postId } = await post(host);
    const theirs = await comment(other, postId);
    await block(actor, other);
    expect(await addComment(actor, { postId, parentId: theirs, body: 'Hello' })).toEqual({ ok: false, message: BLOCKED.reply });
    // The rest of the discussion stays open.
    expect(await addComment(actor, { postId, body: 'Hello' })).toMatchObject({ ok: true });
    await unblock(actor, other);
    expect(await addComment(actor, { postId, parentId: theirs, body: 'Hello' })).toMatchObject({ ok: true });
  });

  it('no follow', async () => {
    const actor = await member();
    const other = await member();
    await block(actor, other);
    expect(await followMember(actor, other)).toEqual({ ok: false, message: BLOCKED.follow });
    expect(await followsBetween(actor, other)).toEqual([]);
    await unblock(actor, other);
    expect(await followMember(actor, other)).toEqual({ ok: true });
  });

  it('no reaction to the other’s post or comment; taking one back still works', async () => {
    const actor = await member();
    const other = await member();
    const { id: postId } = await post(other);
    const commentId = await comment(other, postId);
    expect(await setReaction(actor, { target: 'post', targetId: postId, kind: 'like', on: true })).toMatchObject({ ok: true, added: true });
    await block(actor, other);
    expect(await setReaction(actor, { target: 'post', targetId: postId, kind: 'thanks', on: true })).toEqual({ ok: false, message: BLOCKED.reaction });
    expect(await setReaction(actor, { target: 'comment', targetId: commentId, kind: 'like', on: true })).toEqual({ ok: false, message: BLOCKED.reaction });
    expect(await setReaction(actor, { target: 'post', targetId: postId, kind: 'like', on: false })).toMatchObject({ ok: true, added: false });
    await unblock(actor, other);
    expect(await setReaction(actor, { target: 'comment', targetId: commentId, kind: 'like', on: true })).toMatchObject({ ok: true, added: true });
  });

  it('no notification', async () => {
    const actor = await member();
    const other = await member();
    await block(actor, other);
    const send = () => database.db.transaction((tx) => notify(tx, { recipientId: other, actorId: actor, kind: 'new_follower' }));
    expect(await send()).toBeUndefined();
    expect(await kindsFor(other)).toEqual([]);
    await unblock(actor, other);
    expect(await send()).toMatchObject({ recipientId: other, kind: 'new_follower' });
  });

  it('no new-post notification, even for a follow that predates the block', async () => {
    const author = await member();
    const reader = await member();
    // A follow row the block's clean-up never saw (made before blocks existed).
    await raw(author, reader);
    await database.db.insert(follows).values({ followerId: reader, followeeId: author });
    await post(author, 'First');
    expect(await kindsFor(reader)).toEqual([]);
    await unraw(author, reader);
    await post(author, 'Second');
    expect(await kindsFor(reader)).toEqual(['followed_post']);
  });
});

describe('under races', () => {
  it('a follow racing a block never leaves a follow across it', async () => {
    const pairs = await Promise.all(Array.from({ length: 12 }, async () => [await member(), await member()] as const));
    await Promise.all(pairs.flatMap(([a, b]) => [blockMember(a, b), followMember(b, a), followMember(a, b)]));
    for (const [a, b] of pairs) {
      expect(await followsBetween(a, b)).toEqual([]);
      expect([await followerCount(a), await followerCount(b)]).toEqual([0, 0]);
    }
  });

  it('an accept racing a block ends with one of the two, never a mentorship across a block', async () => {
    const pairs = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const m = await mentor();
        const mentee = await member();
        const sent = await sendRequest(mentee, ask(m));
        if (!sent.ok) throw new Error(sent.message);
        return { m, mentee, requestId: sent.id };
      }),
    );
    const results = await Promise.all(pairs.map((p) => Promise.all([acceptRequest(p.m, p.requestId), blockMember(p.mentee, p.m)])));
    for (const [i, p] of pairs.entries()) {
      const [accepted, blocked] = results[i]!;
      const active = await database.db
        .select({ id: mentorships.id })
        .from(mentorships)
        .where(and(eq(mentorships.mentorId, p.m), eq(mentorships.menteeId, p.mentee), eq(mentorships.status, 'active')));
      expect(accepted.ok !== blocked.ok).toBe(true);
      expect(active.length === 1).toBe(accepted.ok);
      expect(await isBlockedEitherWay(database.db, p.m, p.mentee)).toBe(blocked.ok);
    }
  });
});

describe('reporting', () => {
  async function scene() {
    const reporter = await mentor();
    const author = await member();
    const { id: postId } = await post(author);
    const commentId = await comment(author, postId);
    const [m] = await database.db.insert(mentorships).values({ mentorId: reporter, menteeId: author, origin: 'grow' }).returning({ id: mentorships.id });
    const [msg] = await database.db
      .insert(mentorshipMessages)
      .values({ mentorshipId: m!.id, authorId: author, body: 'Something unkind.' })
      .returning({ id: mentorshipMessages.id });
    return { reporter, author, postId, commentId, messageId: msg!.id };
  }

  it('files every kind of target with whose it is, once while open', async () => {
    const s = await scene();
    const targets = [
      ['post', s.postId],
      ['comment', s.commentId],
      ['user', s.author],
      ['message', s.messageId],
    ] as const;
    for (const [targetType, targetId] of targets) {
      const filed = await reportContent(s.reporter, { targetType, targetId, category: 'harassment', note: 'Please look.' });
      expect(filed).toMatchObject({ ok: true });
      if (!filed.ok) continue;
      const [row] = await database.db.select().from(reports).where(eq(reports.id, filed.id));
      expect(row).toMatchObject({ reporterId: s.reporter, targetType, targetId, targetUserId: s.author, category: 'harassment', note: 'Please look.', status: 'open' });
      expect(await reportContent(s.reporter, { targetType, targetId, category: 'spam', note: '' })).toEqual({
        ok: false,
        code: 'duplicate',
        message: REPORT_REFUSALS.duplicate,
      });
    }
    // Once a moderator has dealt with it, the same thing can be reported again.
    await database.db.update(reports).set({ status: 'dismissed', resolvedAt: new Date() }).where(eq(reports.targetId, s.postId));
    expect(await reportContent(s.reporter, { targetType: 'post', targetId: s.postId, category: 'spam', note: '' })).toMatchObject({ ok: true });
  });

  it('refuses what the reporter cannot see as not found', async () => {
    const s = await scene();
    const outsider = await member();
    const stranger = { targetId: s.messageId, category: 'spam' as const, note: '' };
    expect(await reportContent(outsider, { targetType: 'message', ...stranger })).toMatchObject({ ok: false, code: 'not_found' });
    const draft = await createPost(s.author, { title: 'Draft', body: 'Not yet.', tags: [], intent: 'draft' });
    expect(await reportContent(outsider, { targetType: 'post', targetId: draft.id, category: 'spam', note: '' })).toMatchObject({ ok: false, code: 'not_found' });
    await database.db.update(comments).set({ deletedAt: new Date(), body: '' }).where(eq(comments.id, s.commentId));
    expect(await reportContent(outsider, { targetType: 'comment', targetId: s.commentId, category: 'spam', note: '' })).toMatchObject({ ok: false, code: 'not_found' });
    // An id of another kind does not find anything either.
    expect(await reportContent(outsider, { targetType: 'user', targetId: s.postId, category: 'spam', note: '' })).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('refuses reporting oneself or one’s own writing', async () => {
    const s = await scene();
    for (const [targetType, targetId] of [['user', s.author], ['post', s.postId], ['comment', s.commentId], ['message', s.messageId]] as const) {
      expect(await reportContent(s.author, { targetType, targetId, category: 'other', note: '' })).toEqual({ ok: false, code: 'own', message: REPORT_REFUSALS.own });
    }
  });

  it('is allowed across a block', async () => {
    const s = await scene();
    const other = await member();
    await blockMember(s.author, other);
    expect(await reportContent(other, { targetType: 'post', targetId: s.postId, category: 'harassment', note: '' })).toMatchObject({ ok: true });
  });

  it('takes only a known category and a note of at most 1000 characters, trimmed', () => {
    const base = { targetType: 'post', targetId: '00000000-0000-4000-8000-000000000000' };
    const bad = reportSchema.safeParse({ ...base, category: 'rude', note: '' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['category']);
    expect(reportSchema.safeParse({ ...base, category: 'spam', note: 'x'.repeat(1001) }).success).toBe(false);
    expect(reportSchema.safeParse({ ...base, targetType: 'mentorship', category: 'spam' }).success).toBe(false);
    expect(reportSchema.parse({ ...base, category: 'spam', note: '  why  ' })).toMatchObject({ category: 'spam', note: 'why' });
    expect(reportSchema.parse({ ...base, category: 'spam' }).note).toBe('');
  });
});
