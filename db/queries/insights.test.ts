import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db';
import { comments, follows, mentorProfiles, mentorshipGoals, mentorships, posts, users } from '@/db/schema';
import { createTestDatabase } from '@/db/testing/test-database';
import { figuresOf, find, headline, type Cohort } from '@/lib/insights';
import type { SendRequestInput } from '@/lib/validation/requests';
import { addComment } from './comments';
import { computeInsights } from './insights';
import { endMentorship, postMessage, rateMentorship, setGoalDone } from './mentorships';
import { answerOffer, makeOffer } from './offers';
import { acceptRequest, declineRequest, sendRequest } from './requests';

let database: Database;
let n = 0;
const DAY = 24 * 3600 * 1000;
const daysAgo = (d: number) => new Date(Date.now() - d * DAY);

async function member() {
  n++;
  const [row] = await database.db
    .insert(users)
    .values({ handle: `i_member_${n}`, displayName: `Member ${n}`, email: `i${n}@example.com`, passwordHash: null })
    .returning({ id: users.id });
  return row!.id;
}

async function mentor(capacity = 20) {
  const id = await member();
  await database.db.insert(mentorProfiles).values({ userId: id, headline: 'Mentor', timezone: 'UTC', languages: ['en'], capacity });
  return id;
}

const ask = (mentorId: string): SendRequestInput => ({
  mentorId,
  message: 'Hello! I would like to learn how to lead a team well; your posts convinced me to ask you.',
  goal: ['Lead a team', 'Give feedback'],
  cadence: 'weekly',
  lengthWeeks: 8,
});

/** A request from a new member; warm when the two followed each other `warmDays` ago. */
async function request(mentorId: string, warmDays?: number) {
  const mentee = await member();
  if (warmDays !== undefined) {
    await database.db.insert(follows).values([
      { followerId: mentee, followeeId: mentorId, createdAt: daysAgo(warmDays) },
      { followerId: mentorId, followeeId: mentee, createdAt: daysAgo(warmDays) },
    ]);
  }
  const sent = await sendRequest(mentee, ask(mentorId));
  if (!sent.ok) throw new Error(sent.message);
  return { mentee, requestId: sent.id };
}

async function accepted(mentorId: string, warmDays?: number) {
  const { mentee, requestId } = await request(mentorId, warmDays);
  const result = await acceptRequest(mentorId, requestId);
  if (!result.ok) throw new Error(result.code);
  return { mentee, mentorshipId: result.mentorshipId };
}

/** `from` comments on a new post by `to`: written `at` when given, else through the real action (now). */
async function commentOn(from: string, to: string, at?: Date) {
  n++;
  const postAt = new Date((at ?? new Date()).getTime() - 60_000);
  const [post] = await database.db
    .insert(posts)
    .values({ authorId: to, title: 'A post', slug: `i-post-${n}`, body: 'Body', status: 'published', publishedAt: postAt, createdAt: postAt })
    .returning({ id: posts.id });
  if (at) await database.db.insert(comments).values({ postId: post!.id, authorId: from, repliesToId: to, body: 'Nice', createdAt: at });
  else {
    const result = await addComment(from, { postId: post!.id, body: 'Thank you for this.' });
    if (!result.ok) throw new Error('comment refused');
  }
}

/** Rapport that grows: two weeks of exchange, the last two comments through the real action. */
async function grow(a: string, b: string, firstDaysAgo = 20) {
  await commentOn(a, b, daysAgo(firstDaysAgo));
  await commentOn(b, a, daysAgo(firstDaysAgo - 1));
  await commentOn(a, b);
  await commentOn(b, a);
}

// One clock reading for both: two would put the first contact a millisecond after the start now
// and then, which the mentorships_first_contact check refuses.
const backdate = (id: string, startedDaysAgo: number, firstContactDaysAgo = startedDaysAgo) => {
  const now = Date.now();
  const at = (d: number) => new Date(now - d * DAY);
  return database.db.update(mentorships).set({ startedAt: at(startedDaysAgo), firstContactAt: at(firstContactDaysAgo) }).where(eq(mentorships.id, id));
};

let coldMentor: string;
let warmMentor: string;
let growMentor: string;

beforeAll(async () => {
  database = await createTestDatabase();
  // 10 cold asks: 3 accepted, 7 declined. 4 warm asks (the pair had followed each other 10 days
  // before), all accepted. 3 grown connections with a mentor, 2 of which became a mentorship.
  coldMentor = await mentor();
  for (let i = 0; i < 10; i++) {
    const { requestId } = await request(coldMentor);
    if (i < 3) await acceptRequest(coldMentor, requestId);
    else await declineRequest(coldMentor, { requestId, reason: i % 2 ? 'not_a_fit' : 'prefer_to_grow', note: '' });
  }
  warmMentor = await mentor();
  for (let i = 0; i < 4; i++) await accepted(warmMentor, 10);
  growMentor = await mentor();
  for (let i = 0; i < 3; i++) {
    const mentee = await member();
    await grow(growMentor, mentee);
    if (i === 2) continue;
    const offer = await makeOffer(growMentor, { kind: 'offer', partnerId: mentee, message: 'Shall we?' });
    if (!offer.ok) throw new Error(offer.code);
    const answer = await answerOffer(mentee, { offerId: offer.id, accept: true });
    if (!answer.ok) throw new Error(answer.code);
  }
  // Two members who are not mentors grow close: that cannot become a mentorship, so it is not counted.
  await grow(await member(), await member());
});
afterAll(() => database.close());

describe('insights', () => {
  it('counts conversion per path exactly, with Wilson intervals', async () => {
    // A grown connection counts once its 30 days are over: look from 31 days on.
    const { cohorts } = await computeInsights({ now: new Date(Date.now() + 31 * DAY) });
    expect(cohorts['ask-cold'].conversion).toEqual({ tried: 10, converted: 3 });
    expect(cohorts['ask-warm'].conversion).toEqual({ tried: 4, converted: 4 });
    expect(cohorts.grow.conversion).toEqual({ tried: 3, converted: 2 });
    expect([cohorts['ask-cold'].mentorships, cohorts['ask-warm'].mentorships, cohorts.grow.mentorships]).toEqual([3, 4, 2]);
    expect(cohorts['ask-cold'].answer.n).toBe(10);
    expect(cohorts['ask-cold'].answer.medianHours).toBeGreaterThanOrEqual(0);

    // Today the connections are too young to say whether they will become mentorships.
    expect((await computeInsights()).cohorts.grow.conversion).toEqual({ tried: 0, converted: 0 });
    const figures = figuresOf(await computeInsights());
    const cold = find(figures, 'conversion', 'ask-cold')!;
    expect(cold).toMatchObject({ n: 10, status: 'too-few', interval: 'wilson-95' });
    expect(cold.value).toBeCloseTo(0.3, 10);
    expect(cold.low).toBeCloseTo(0.1078, 3);
    expect(cold.high).toBeCloseTo(0.6032, 3);
    // Under 5 people: no public figure at all.
    const warm = find(figures, 'conversion', 'ask-warm')!;
    expect(warm).toMatchObject({ n: 4, status: 'hidden' });
    expect(Object.keys(warm)).not.toEqual(expect.arrayContaining(['value']));
    expect(Object.keys(warm)).not.toEqual(expect.arrayContaining(['low']));
    expect(find(figures, 'mentorships', 'grow')).toMatchObject({ status: 'hidden', n: 2 });
    expect(find(figures, 'mentorships', 'grow')).not.toHaveProperty('value');
    expect(headline(figures).kind).toBe('too-few');
  });

  it('measures time to mentorship from the pair’s first contact', async () => {
    const { cohorts } = await computeInsights();
    // Cold: the request was the first contact, accepted moments later.
    expect(cohorts['ask-cold'].timeToMentorship.n).toBe(3);
    expect(cohorts['ask-cold'].timeToMentorship.median).toBeLessThan(0.01);
    // Warm: they followed each other 10 days before the request.
    expect(cohorts['ask-warm'].timeToMentorship.median).toBeCloseTo(10, 2);
    expect(cohorts['ask-warm'].timeToMentorship.buckets).toEqual([0, 0, 4, 0, 0, 0]);
    // Grown: the first comment was 20 days before the offer was accepted.
    expect(cohorts.grow.timeToMentorship.median).toBeCloseTo(20, 2);
    expect(cohorts.grow.timeToMentorship.q1).toBeCloseTo(20, 2);
  });

  it('scopes to one mentor', async () => {
    const mine = await computeInsights({ mentorId: warmMentor });
    expect(mine.cohorts['ask-cold'].conversion.tried).toBe(0);
    expect(mine.cohorts['ask-warm'].conversion).toEqual({ tried: 4, converted: 4 });
    expect(mine.cohorts.grow.conversion.tried).toBe(0);
    const grown = await computeInsights({ mentorId: growMentor, now: new Date(Date.now() + 31 * DAY) });
    expect(grown.cohorts.grow.conversion).toEqual({ tried: 3, converted: 2 });
    expect(grown.cohorts['ask-cold'].mentorships).toBe(0);
  });

  it('counts only what started inside the time window', async () => {
    const mentorId = await mentor();
    const old = await accepted(mentorId);
    await backdate(old.mentorshipId, 200, 201);
    await accepted(mentorId);
    const all = await computeInsights({ mentorId });
    const recent = await computeInsights({ mentorId, window: '90d' });
    const year = await computeInsights({ mentorId, window: '12m' });
    expect([all.cohorts['ask-cold'].mentorships, year.cohorts['ask-cold'].mentorships, recent.cohorts['ask-cold'].mentorships]).toEqual([2, 2, 1]);
    expect(recent.window).toBe('90d');
  });

  it('estimates retention with Kaplan–Meier, treating running mentorships as censored', async () => {
    const mentorId = await mentor();
    const ids: { mentee: string; mentorshipId: string }[] = [];
    for (let i = 0; i < 4; i++) ids.push(await accepted(mentorId));
    // Started 10 weeks ago: one ends now (at 10 weeks), three run on (censored at 10 weeks).
    for (const { mentorshipId } of ids) await backdate(mentorshipId, 70);
    const [first] = ids;
    await postMessage(first!.mentee, first!.mentorshipId, 'Thank you for everything.');
    const [goal] = await database.db.select({ id: mentorshipGoals.id }).from(mentorshipGoals).where(eq(mentorshipGoals.mentorshipId, first!.mentorshipId)).limit(1);
    const goalId = goal!.id;
    await setGoalDone(first!.mentee, { mentorshipId: first!.mentorshipId, goalId, done: true });
    await endMentorship(first!.mentee, { mentorshipId: first!.mentorshipId, outcome: 'completed', reason: 'goals_met', rating: 5, comment: '' });
    await rateMentorship(mentorId, { mentorshipId: first!.mentorshipId, rating: 4, comment: '' });

    const { cohorts } = await computeInsights({ mentorId });
    const cold = cohorts['ask-cold'];
    const figures = figuresOf({ computedAt: '', window: 'all', cohorts });
    const at = (weeks: number) => find(figures, `retention_${weeks}w`, 'ask-cold' as Cohort);
    // Four mentorships: under 5, so hidden in public; the raw curve says what is known.
    expect(at(4)).toMatchObject({ status: 'hidden', n: 4 });
    expect(cold.curve.map((p) => [p.time, p.atRisk, p.events, p.censored])).toEqual([
      [71 / 7, 4, 1, 3],
    ]);
    expect(cold.curve[0]!.survival).toBe(0.75);
    expect(cold.ends).toEqual({ ended: 1, completed: 1, endedEarly: 0, reasons: { goals_met: 1 } });
    expect(cold.satisfaction).toEqual({ byMentors: { n: 1, mean: 4 }, byMentees: { n: 1, mean: 5 } });
    // One message over 10 weeks in one mentorship, none in three (which ran 10 weeks each).
    expect(cold.messagesPerActiveWeek.mean).toBeCloseTo(1 / 10 / 4, 5);
    expect(cold.goals).toEqual({ total: 8, done: 1 });
  });

  it('reads message and goal counts kept by triggers that always agree with the rows', async () => {
    const mentorId = await mentor();
    const { mentee, mentorshipId } = await accepted(mentorId);
    await Promise.all([postMessage(mentee, mentorshipId, 'One'), postMessage(mentorId, mentorshipId, 'Two'), postMessage(mentee, mentorshipId, 'Three')]);
    const goals = await database.db.select({ id: mentorshipGoals.id }).from(mentorshipGoals).where(eq(mentorshipGoals.mentorshipId, mentorshipId));
    await setGoalDone(mentee, { mentorshipId, goalId: goals[0]!.id, done: true });
    await setGoalDone(mentee, { mentorshipId, goalId: goals[1]!.id, done: true });
    await setGoalDone(mentorId, { mentorshipId, goalId: goals[1]!.id, done: false });
    const [row] = await database.db
      .select({ messages: mentorships.messageCount, goals: mentorships.goalCount, done: mentorships.goalsDoneCount })
      .from(mentorships)
      .where(eq(mentorships.id, mentorshipId));
    expect(row).toEqual({ messages: 3, goals: 2, done: 1 });
    // A bulk insert (as the seeds do) counts each row once.
    await database.db.insert(mentorshipGoals).values([
      { mentorshipId, title: 'Bulk one', position: 5, doneAt: new Date() },
      { mentorshipId, title: 'Bulk two', position: 6 },
    ]);
    await database.db.delete(mentorshipGoals).where(eq(mentorshipGoals.id, goals[0]!.id));
    const [after] = await database.db.select({ goals: mentorships.goalCount, done: mentorships.goalsDoneCount }).from(mentorships).where(eq(mentorships.id, mentorshipId));
    expect(after).toEqual({ goals: 3, done: 1 });
  });
});
