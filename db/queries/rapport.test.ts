import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db';
import { comments, events, follows, mentorProfiles, mentorships, posts, reactions, users } from '@/db/schema';
import { createTestDatabase } from '@/db/testing/test-database';
import { GROWN_SCORE, HALF_LIFE_DAYS, isGrown, MIN_EXCHANGES_EACH, pairKey } from '@/lib/rapport';
import { followMember, listFollowers, listFollowing, unfollowMember } from './follows';
import { answerOffer, listPendingOffers, makeOffer, withdrawOffer } from './offers';
import { listConnections, noteInteraction, rapportBetween } from './rapport';

let database: Database;
let n = 0;
const DAY = 24 * 3600 * 1000;
const daysAgo = (d: number) => new Date(Date.now() - d * DAY);

async function member() {
  n++;
  const [row] = await database.db
    .insert(users)
    .values({ handle: `r_member_${n}`, displayName: `Member ${n}`, email: `r${n}@example.com`, passwordHash: null })
    .returning({ id: users.id });
  return row!.id;
}

async function mentor(capacity = 3) {
  const id = await member();
  await database.db.insert(mentorProfiles).values({ userId: id, headline: 'Mentor', timezone: 'UTC', languages: ['en'], capacity });
  return id;
}

async function postBy(authorId: string, at: Date) {
  const [row] = await database.db
    .insert(posts)
    .values({ authorId, title: 'A post', slug: `post-${++n}`, body: 'Body', status: 'published', publishedAt: at, createdAt: at })
    .returning({ id: posts.id });
  return row!.id;
}

/** `from` comments on a post by `to`, `at` some time. */
async function commentOn(from: string, to: string, at: Date) {
  const postId = await postBy(to, new Date(at.getTime() - 1000));
  await database.db.insert(comments).values({ postId, authorId: from, repliesToId: to, body: 'Nice', createdAt: at });
}

async function reactTo(from: string, to: string, at: Date) {
  const postId = await postBy(to, new Date(at.getTime() - 1000));
  await database.db.insert(reactions).values({ userId: from, postId, targetAuthorId: to, kind: 'like', createdAt: at });
}

/** A two-way exchange that satisfies the written rule: both sides, twice, across two weeks. */
async function grow(a: string, b: string) {
  await commentOn(a, b, daysAgo(15));
  await commentOn(b, a, daysAgo(14));
  await commentOn(a, b, daysAgo(3));
  await commentOn(b, a, daysAgo(2));
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('follows', () => {
  it('are unique per pair, counted, listed both ways, and never of oneself', async () => {
    const [a, b] = [await member(), await member()];
    expect(await followMember(a, b)).toEqual({ ok: true });
    expect(await followMember(a, b)).toEqual({ ok: true });
    await Promise.all(Array.from({ length: 5 }, () => followMember(a, b)));
    expect(await followMember(a, a)).toMatchObject({ ok: false });
    const rows = await database.db.select().from(follows).where(and(eq(follows.followerId, a), eq(follows.followeeId, b)));
    expect(rows).toHaveLength(1);
    expect((await listFollowers(b)).people.map((p) => p.id)).toEqual([a]);
    expect((await listFollowing(a)).total).toBe(1);
    const [count] = await database.db.select({ n: users.followerCount }).from(users).where(eq(users.id, b));
    expect(count?.n).toBe(1);
    expect(await unfollowMember(a, b)).toEqual({ ok: true });
    expect((await listFollowers(b)).total).toBe(0);
    await expect(database.db.insert(follows).values([{ followerId: a, followeeId: b }, { followerId: a, followeeId: b }])).rejects.toThrow();
  });
});

describe('rapport', () => {
  it('rises with two-way exchange and not with one-way fandom', async () => {
    const [fan, star] = [await member(), await member()];
    for (let i = 0; i < 12; i++) await commentOn(fan, star, daysAgo(i * 3));
    await followMember(fan, star);
    const oneWay = await rapportBetween(fan, star);
    expect(oneWay.score).toBeGreaterThan(GROWN_SCORE);
    expect(oneWay).toMatchObject({ fromMe: 12, fromThem: 0 });
    expect(isGrown(oneWay)).toBe(false);

    const [a, b] = [await member(), await member()];
    const before = await rapportBetween(a, b);
    await grow(a, b);
    const after = await rapportBetween(a, b);
    expect(after.score).toBeGreaterThan(before.score);
    expect(after).toMatchObject({ fromMe: 2, fromThem: 2 });
    expect(after.weeks).toBeGreaterThanOrEqual(2);
    expect(isGrown(after)).toBe(true);
    expect(await rapportBetween(b, a)).toMatchObject({ fromMe: 2, fromThem: 2 });
  });

  it('decays with time: a half-life later, half the score', async () => {
    const [a, b] = [await member(), await member()];
    await grow(a, b);
    const today = await rapportBetween(a, b);
    const later = await rapportBetween(a, b, { now: new Date(Date.now() + HALF_LIFE_DAYS * DAY) });
    expect(later.score).toBeCloseTo(today.score / 2, 1);
    expect(isGrown(later)).toBe(false);
  });

  it('grows exactly where the written rule says', async () => {
    const [a, b] = [await member(), await member()];
    // Both sides, but only within one week: not yet.
    await commentOn(a, b, daysAgo(1));
    await commentOn(b, a, daysAgo(1));
    await commentOn(a, b, daysAgo(1));
    await commentOn(b, a, daysAgo(1));
    expect(isGrown(await rapportBetween(a, b))).toBe(false);
    // One more exchange from each, a week and more earlier: now both rules hold.
    await commentOn(a, b, daysAgo(9));
    const one = await rapportBetween(a, b);
    expect(one.weeks).toBe(2);
    expect(one.fromThem).toBe(MIN_EXCHANGES_EACH);
    expect(isGrown(one)).toBe(one.score >= GROWN_SCORE);
    await reactTo(b, a, daysAgo(9));
    expect(isGrown(await rapportBetween(a, b))).toBe(true);
  });

  it('writes "rapport.grown" once, when an interaction makes it grow', async () => {
    const [a, b] = [await member(), await member()];
    await grow(a, b);
    await database.db.transaction(async (tx) => {
      await noteInteraction(tx, a, b);
      await noteInteraction(tx, b, a);
    });
    const logged = await database.db
      .select({ id: events.id })
      .from(events)
      .where(and(eq(events.type, 'rapport.grown'), sql`${events.data} ->> 'pair' = ${pairKey(a, b)}`));
    expect(logged).toHaveLength(1);
  });

  it('lists connections strongest first, saying whether each has grown', async () => {
    const [me, close, fan] = [await member(), await mentor(), await member()];
    await grow(me, close);
    await commentOn(fan, me, daysAgo(1));
    const list = await listConnections(me);
    expect(list.map((c) => c.partner.id)).toEqual([close, fan]);
    expect(list[0]).toMatchObject({ grown: true, partner: { isMentor: true } });
    expect(list[1]).toMatchObject({ grown: false, fromThem: 1, fromMe: 0 });
  });
});

describe('offers and proposals', () => {
  it('need grown rapport, and accepting starts a grow-origin mentorship', async () => {
    const [m, mentee, stranger] = [await mentor(), await member(), await member()];
    expect(await makeOffer(m, { kind: 'offer', partnerId: stranger, message: '' })).toMatchObject({ ok: false, code: 'not_grown' });
    await grow(m, mentee);
    expect(await makeOffer(mentee, { kind: 'offer', partnerId: m, message: '' })).toMatchObject({ ok: false, code: 'not_a_mentor' });
    const made = await makeOffer(m, { kind: 'offer', partnerId: mentee, message: 'Shall we?' });
    expect(made).toMatchObject({ ok: true });
    const offerId = made.ok ? made.id : '';
    expect(await makeOffer(mentee, { kind: 'proposal', partnerId: m, message: '' })).toMatchObject({ ok: false, code: 'already_pending' });
    expect((await listPendingOffers(mentee))[0]).toMatchObject({ id: offerId, madeByViewer: false, kind: 'offer' });
    expect(await answerOffer(m, { offerId, accept: true })).toMatchObject({ ok: false, code: 'other_side_only' });
    expect(await answerOffer(stranger, { offerId, accept: true })).toMatchObject({ ok: false, code: 'not_found' });
    const accepted = await answerOffer(mentee, { offerId, accept: true });
    expect(accepted).toMatchObject({ ok: true });
    const [row] = await database.db.select().from(mentorships).where(eq(mentorships.id, accepted.ok ? accepted.mentorshipId! : ''));
    expect(row).toMatchObject({ origin: 'grow', warmth: null, status: 'active', mentorId: m, menteeId: mentee });
    expect(await answerOffer(mentee, { offerId, accept: true })).toMatchObject({ ok: false, code: 'not_pending' });
  });

  it('a proposal can be declined or withdrawn by the right side only', async () => {
    const [m, mentee] = [await mentor(), await member()];
    await grow(m, mentee);
    const made = await makeOffer(mentee, { kind: 'proposal', partnerId: m, message: 'Would you mentor me?' });
    const offerId = made.ok ? made.id : '';
    expect(await withdrawOffer(m, offerId)).toMatchObject({ ok: false, code: 'initiator_only' });
    expect(await answerOffer(m, { offerId, accept: false })).toEqual({ ok: true });
    const again = await makeOffer(mentee, { kind: 'proposal', partnerId: m, message: '' });
    expect(await withdrawOffer(mentee, again.ok ? again.id : '')).toEqual({ ok: true });
  });

  it('respect capacity, even when several are accepted at once', async () => {
    const m = await mentor(1);
    const mentees = [await member(), await member(), await member()];
    const offerIds: string[] = [];
    for (const mentee of mentees) {
      await grow(m, mentee);
      const made = await makeOffer(m, { kind: 'offer', partnerId: mentee, message: '' });
      offerIds.push(made.ok ? made.id : '');
    }
    const results = await Promise.all(mentees.map((mentee, i) => answerOffer(mentee, { offerId: offerIds[i]!, accept: true })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === 'at_capacity')).toHaveLength(2);
    const other = await member();
    await grow(other, m);
    expect(await makeOffer(other, { kind: 'proposal', partnerId: m, message: '' })).toMatchObject({ ok: false, code: 'at_capacity' });
  });
});
