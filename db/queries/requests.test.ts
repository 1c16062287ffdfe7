import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db';
import { events, follows, mentorProfiles, mentorshipGoals, mentorshipRequests, mentorships, users } from '@/db/schema';
import { createTestDatabase } from '@/db/testing/test-database';
import type { SendRequestInput } from '@/lib/validation/requests';
import { setMentorStatus } from './mentors';
import { addGoal, endMentorship, getMentorship, postMessage, rateMentorship, setGoalDone } from './mentorships';
import { acceptRequest, declineRequest, expireStaleRequests, listInbox, listOutbox, sendRequest, withdrawRequest } from './requests';

let database: Database;
let n = 0;

async function member(name = `m${++n}`) {
  const [row] = await database.db
    .insert(users)
    .values({ handle: `${name}_${n}`.slice(0, 30), displayName: name, email: `${name}_${n}@example.com`, passwordHash: null })
    .returning({ id: users.id });
  return row!.id;
}

async function mentor(profile: Partial<typeof mentorProfiles.$inferInsert> = {}) {
  const id = await member(`mentor${++n}`);
  await database.db.insert(mentorProfiles).values({ userId: id, headline: 'Mentor', timezone: 'UTC', languages: ['en'], capacity: 3, ...profile });
  return id;
}

const ask = (mentorId: string, change: Partial<SendRequestInput> = {}): SendRequestInput => ({
  mentorId,
  message: 'I would love your help growing from mid-level to senior engineer over the next months.',
  goal: ['Lead a project', 'Write design docs'],
  cadence: 'fortnightly',
  lengthWeeks: 12,
  ...change,
});

async function pendingRequest(mentorId: string, menteeId?: string) {
  const mentee = menteeId ?? (await member());
  const sent = await sendRequest(mentee, ask(mentorId));
  if (!sent.ok) throw new Error(sent.message);
  return { mentee, requestId: sent.id };
}

const eventTypes = async (filter: { requestId?: string; mentorshipId?: string }) =>
  (
    await database.db
      .select({ type: events.type })
      .from(events)
      .where(filter.requestId ? eq(events.requestId, filter.requestId) : eq(events.mentorshipId, filter.mentorshipId!))
      .orderBy(events.id)
  ).map((e) => e.type);

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('sending a request', () => {
  it('creates a pending, cold request, expiring in 14 days, and logs it', async () => {
    const m = await mentor();
    const { mentee, requestId } = await pendingRequest(m);
    const [row] = await database.db.select().from(mentorshipRequests).where(eq(mentorshipRequests.id, requestId));
    expect(row).toMatchObject({ status: 'pending', warmth: 'cold', goals: ['Lead a project', 'Write design docs'], menteeId: mentee });
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(14 * 24 * 3600 * 1000);
    expect(await eventTypes({ requestId })).toEqual(['request.sent']);
  });

  it('is warm when the two already followed each other', async () => {
    const m = await mentor();
    const mentee = await member();
    const before = new Date(Date.now() - 60_000);
    await database.db.insert(follows).values([
      { followerId: mentee, followeeId: m, createdAt: before },
      { followerId: m, followeeId: mentee, createdAt: before },
    ]);
    const { requestId } = await pendingRequest(m, mentee);
    const [row] = await database.db.select({ warmth: mentorshipRequests.warmth }).from(mentorshipRequests).where(eq(mentorshipRequests.id, requestId));
    expect(row?.warmth).toBe('warm');
  });

  it('refuses: oneself, a non-mentor, a retired, a paused and a full mentor', async () => {
    const me = await mentor();
    expect(await sendRequest(me, ask(me))).toMatchObject({ ok: false, code: 'self' });
    expect(await sendRequest(me, ask(await member()))).toMatchObject({ ok: false, code: 'not_a_mentor' });
    expect(await sendRequest(me, ask(await mentor({ status: 'retired' })))).toMatchObject({ ok: false, code: 'retired' });
    expect(await sendRequest(me, ask(await mentor({ accepting: false })))).toMatchObject({ ok: false, code: 'not_accepting' });
    const full = await mentor({ capacity: 1 });
    await database.db.insert(mentorships).values({ mentorId: full, menteeId: await member(), origin: 'grow' });
    expect(await sendRequest(me, ask(full))).toMatchObject({ ok: false, code: 'at_capacity' });
  });

  it('allows one open request per pair and five pending per mentee', async () => {
    const mentee = await member();
    const mentors = await Promise.all(Array.from({ length: 6 }, () => mentor()));
    for (const m of mentors.slice(0, 5)) expect(await sendRequest(mentee, ask(m))).toMatchObject({ ok: true });
    expect(await sendRequest(mentee, ask(mentors[0]!))).toMatchObject({ ok: false, code: 'already_pending' });
    expect(await sendRequest(mentee, ask(mentors[5]!))).toMatchObject({ ok: false, code: 'too_many_pending' });
  });

  it('waits 30 days after a decline before the same mentor can be asked again', async () => {
    const m = await mentor();
    const { mentee, requestId } = await pendingRequest(m);
    expect(await declineRequest(m, { requestId, reason: 'not_a_fit', note: '' })).toEqual({ ok: true });
    const refused = await sendRequest(mentee, ask(m));
    expect(refused).toMatchObject({ ok: false, code: 'cooldown' });
    expect(!refused.ok && refused.until!.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);
    await database.db
      .update(mentorshipRequests)
      .set({ answeredAt: new Date(Date.now() - 31 * 24 * 3600 * 1000) })
      .where(eq(mentorshipRequests.id, requestId));
    expect(await sendRequest(mentee, ask(m))).toMatchObject({ ok: true });
  });

  it('refuses a request while the two already have an active mentorship', async () => {
    const m = await mentor();
    const mentee = await member();
    await database.db.insert(mentorships).values({ mentorId: m, menteeId: mentee, origin: 'grow' });
    expect(await sendRequest(mentee, ask(m))).toMatchObject({ ok: false, code: 'already_mentoring' });
  });

  it('lets exactly one of many simultaneous submits through', async () => {
    const m = await mentor();
    const mentee = await member();
    const results = await Promise.all(Array.from({ length: 6 }, () => sendRequest(mentee, ask(m))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === 'already_pending')).toHaveLength(5);
  });

  it('holds the five-pending limit when a mentee sends to many mentors at once', async () => {
    const mentee = await member();
    const mentors = await Promise.all(Array.from({ length: 9 }, () => mentor()));
    const results = await Promise.all(mentors.map((m) => sendRequest(mentee, ask(m))));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.code === 'too_many_pending')).toHaveLength(4);
  });
});

describe('answering a request', () => {
  it('accepting starts an ask-origin mentorship with the goals, and a request changes state only once', async () => {
    const m = await mentor();
    const { mentee, requestId } = await pendingRequest(m);
    const accepted = await acceptRequest(m, requestId);
    expect(accepted).toMatchObject({ ok: true });
    const mentorshipId = accepted.ok ? accepted.mentorshipId : '';
    const [row] = await database.db.select().from(mentorships).where(eq(mentorships.id, mentorshipId));
    expect(row).toMatchObject({ origin: 'ask', warmth: 'cold', status: 'active', menteeId: mentee, cadence: 'fortnightly', lengthWeeks: 12, requestId });
    const goals = await database.db.select({ title: mentorshipGoals.title }).from(mentorshipGoals).where(eq(mentorshipGoals.mentorshipId, mentorshipId)).orderBy(mentorshipGoals.position);
    expect(goals.map((g) => g.title)).toEqual(['Lead a project', 'Write design docs']);
    expect(await eventTypes({ requestId })).toEqual(['request.sent', 'request.accepted', 'mentorship.started']);
    expect(await acceptRequest(m, requestId)).toMatchObject({ ok: false, code: 'not_pending' });
    expect(await declineRequest(m, { requestId, reason: 'other', note: '' })).toMatchObject({ ok: false, code: 'not_pending' });
    expect(await withdrawRequest(mentee, requestId)).toMatchObject({ ok: false, code: 'not_pending' });
  });

  it('declines with a reason and note the mentee can read', async () => {
    const m = await mentor();
    const { mentee, requestId } = await pendingRequest(m);
    expect(await declineRequest(m, { requestId, reason: 'prefer_to_grow', note: 'Comment on my posts first!' })).toEqual({ ok: true });
    const outbox = await listOutbox(mentee);
    expect(outbox.answered[0]).toMatchObject({ id: requestId, status: 'declined', declineReason: 'prefer_to_grow', declineNote: 'Comment on my posts first!' });
    expect(await eventTypes({ requestId })).toEqual(['request.sent', 'request.declined']);
  });

  it('lets the mentee withdraw', async () => {
    const m = await mentor();
    const { mentee, requestId } = await pendingRequest(m);
    expect(await withdrawRequest(mentee, requestId)).toEqual({ ok: true });
    expect((await listInbox(m)).answered[0]).toMatchObject({ id: requestId, status: 'withdrawn' });
    expect(await eventTypes({ requestId })).toEqual(['request.sent', 'request.withdrawn']);
  });

  it('expires unanswered requests after 14 days when requests are listed, and they can no longer be accepted', async () => {
    const m = await mentor();
    const a = await pendingRequest(m);
    const b = await pendingRequest(m);
    const past = new Date(Date.now() - 1000);
    await database.db.update(mentorshipRequests).set({ expiresAt: past }).where(eq(mentorshipRequests.id, a.requestId));
    await database.db.update(mentorshipRequests).set({ expiresAt: past }).where(eq(mentorshipRequests.id, b.requestId));
    const inbox = await listInbox(m);
    expect(inbox.pending.map((r) => r.id)).not.toContain(a.requestId);
    expect(inbox.answered.find((r) => r.id === a.requestId)?.status).toBe('expired');
    expect(await eventTypes({ requestId: a.requestId })).toEqual(['request.sent', 'request.expired']);
    expect(await acceptRequest(m, b.requestId)).toMatchObject({ ok: false, code: 'not_pending' });
    expect(await expireStaleRequests()).toBe(0);
  });

  it('an expired request is refused even before any listing sweeps it', async () => {
    const m = await mentor();
    const { requestId } = await pendingRequest(m);
    await database.db.update(mentorshipRequests).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(mentorshipRequests.id, requestId));
    expect(await acceptRequest(m, requestId)).toMatchObject({ ok: false, code: 'expired' });
    expect(await eventTypes({ requestId })).toEqual(['request.sent', 'request.expired']);
  });

  it('never exceeds capacity, however many accepts run at once', async () => {
    const m = await mentor({ capacity: 2 });
    const pending = await Promise.all(Array.from({ length: 7 }, () => pendingRequest(m)));
    const results = await Promise.all(pending.map((p) => acceptRequest(m, p.requestId)));
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(results.filter((r) => !r.ok && r.code === 'at_capacity')).toHaveLength(5);
    const [profile] = await database.db.select({ active: mentorProfiles.activeMenteeCount }).from(mentorProfiles).where(eq(mentorProfiles.userId, m));
    expect(profile?.active).toBe(2);
    const [{ n: active } = { n: -1 }] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(mentorships)
      .where(sql`${mentorships.mentorId} = ${m} and ${mentorships.status} = 'active'`);
    expect(active).toBe(2);
  });

  it('accepts the same request once when it is accepted twice at the same moment', async () => {
    const m = await mentor();
    const { requestId } = await pendingRequest(m);
    const results = await Promise.all([acceptRequest(m, requestId), acceptRequest(m, requestId), acceptRequest(m, requestId)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const started = await database.db.select({ id: mentorships.id }).from(mentorships).where(eq(mentorships.requestId, requestId));
    expect(started).toHaveLength(1);
  });
});

describe('who may do what', () => {
  it('allows each request and mentorship action only to the right person', async () => {
    const m = await mentor();
    const otherMentor = await mentor();
    const stranger = await member();
    const { mentee, requestId } = await pendingRequest(m);
    const people = { mentee, stranger, mentor: m, otherMentor };

    // Answering: only the mentor. Withdrawing: only the mentee.
    for (const [who, id] of Object.entries(people)) {
      if (who !== 'mentor') {
        expect(await acceptRequest(id, requestId), `${who} accepts`).toMatchObject({ ok: false });
        expect(await declineRequest(id, { requestId, reason: 'other', note: '' }), `${who} declines`).toMatchObject({ ok: false });
      }
      if (who !== 'mentee') expect(await withdrawRequest(id, requestId), `${who} withdraws`).toMatchObject({ ok: false });
    }
    expect(await listInbox(stranger)).toEqual({ pending: [], answered: [] });
    expect((await listOutbox(otherMentor)).pending).toEqual([]);
    const accepted = await acceptRequest(m, requestId);
    const mentorshipId = accepted.ok ? accepted.mentorshipId : '';
    const goalId = (await getMentorship(mentee, mentorshipId))!.goals[0]!.id;

    for (const [who, id] of Object.entries(people)) {
      const member = who === 'mentee' || who === 'mentor';
      const seen = await getMentorship(id, mentorshipId);
      expect(Boolean(seen), `${who} reads the mentorship`).toBe(member);
      expect((await postMessage(id, mentorshipId, `hello from ${who}`)).ok, `${who} writes`).toBe(member);
      expect((await setGoalDone(id, { mentorshipId, goalId, done: true })).ok, `${who} ticks a goal`).toBe(member);
      expect((await addGoal(id, { mentorshipId, title: `goal by ${who}` })).ok, `${who} adds a goal`).toBe(member);
    }
    for (const id of [stranger, otherMentor]) {
      expect(await endMentorship(id, { mentorshipId, outcome: 'ended', reason: 'other', rating: 1, comment: '' })).toMatchObject({ ok: false, code: 'not_found' });
    }
    const space = await getMentorship(m, mentorshipId);
    expect(space?.messages.map((x) => x.body)).toEqual(['hello from mentee', 'hello from mentor']);
    expect(space?.goals.map((g) => g.title)).toEqual(['Lead a project', 'Write design docs', 'goal by mentee', 'goal by mentor']);

    expect(await endMentorship(mentee, { mentorshipId, outcome: 'completed', reason: 'goals_met', rating: 4, comment: 'Thanks!' })).toEqual({ ok: true });
    for (const id of [stranger, otherMentor]) expect(await rateMentorship(id, { mentorshipId, rating: 1, comment: '' })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await rateMentorship(mentee, { mentorshipId, rating: 5, comment: '' })).toMatchObject({ ok: false, code: 'already_rated' });
    expect(await rateMentorship(m, { mentorshipId, rating: 5, comment: 'A pleasure' })).toEqual({ ok: true });
  });
});

describe('the mentorship space', () => {
  it('records every step, refuses changes after the end, and keeps one rating per side', async () => {
    const m = await mentor();
    const { mentee, requestId } = await pendingRequest(m);
    const accepted = await acceptRequest(m, requestId);
    const mentorshipId = accepted.ok ? accepted.mentorshipId : '';
    expect(await rateMentorship(mentee, { mentorshipId, rating: 5, comment: '' })).toMatchObject({ ok: false, code: 'still_active' });
    await postMessage(mentee, mentorshipId, 'First message');
    const goalId = (await getMentorship(m, mentorshipId))!.goals[1]!.id;
    await setGoalDone(mentee, { mentorshipId, goalId, done: true });
    expect((await getMentorship(m, mentorshipId))!.goals[1]!.doneAt).toBeInstanceOf(Date);
    await setGoalDone(m, { mentorshipId, goalId, done: false });
    expect((await getMentorship(m, mentorshipId))!.goals[1]!.doneAt).toBeNull();

    expect(await endMentorship(m, { mentorshipId, outcome: 'ended', reason: 'schedule', rating: 3, comment: '' })).toEqual({ ok: true });
    expect(await endMentorship(mentee, { mentorshipId, outcome: 'completed', reason: 'goals_met', rating: 3, comment: '' })).toMatchObject({ ok: false, code: 'not_active' });
    expect(await postMessage(mentee, mentorshipId, 'too late')).toMatchObject({ ok: false, code: 'not_active' });
    expect(await rateMentorship(mentee, { mentorshipId, rating: 2, comment: 'Short.' })).toEqual({ ok: true });
    const ended = await getMentorship(mentee, mentorshipId);
    expect(ended).toMatchObject({ status: 'ended', endReason: 'schedule', endedBy: m });
    expect(ended?.ratings).toHaveLength(2);
    const [profile] = await database.db.select({ active: mentorProfiles.activeMenteeCount }).from(mentorProfiles).where(eq(mentorProfiles.userId, m));
    expect(profile?.active).toBe(0);

    expect(await eventTypes({ mentorshipId })).toEqual([
      'request.accepted',
      'mentorship.started',
      'mentorship.message',
      'mentorship.goal_done',
      'mentorship.goal_undone',
      'mentorship.ended',
      'mentorship.rated',
      'mentorship.rated',
    ]);
    const [message] = await database.db.select({ data: events.data }).from(events).where(sql`${events.mentorshipId} = ${mentorshipId} and ${events.type} = 'mentorship.message'`);
    expect(JSON.stringify(message?.data)).not.toContain('First message');
  });

  it('keeps the event log append-only', async () => {
    await expect(database.db.update(events).set({ type: 'tampered' })).rejects.toThrow();
    await expect(database.db.delete(events)).rejects.toThrow();
  });
});

describe('malformed ids', () => {
  it('are "not found", never a database error', async () => {
    const m = await mentor();
    expect(await acceptRequest(m, 'not-a-uuid')).toMatchObject({ ok: false, code: 'not_found' });
    expect(await getMentorship(m, "x' or 1=1 --")).toBeUndefined();
    expect(await postMessage(m, '123', 'hi')).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('a retired mentor cannot accept a request that was waiting', async () => {
    const m = await mentor();
    const { requestId } = await pendingRequest(m);
    await database.db.update(mentorProfiles).set({ status: 'retired' }).where(eq(mentorProfiles.userId, m));
    expect(await acceptRequest(m, requestId)).toMatchObject({ ok: false, code: 'retired' });
  });
});

describe('a mentor retiring', () => {
  it('answers the requests still waiting, so no mentee is left hanging', async () => {
    const m = await mentor();
    const { mentee, requestId } = await pendingRequest(m);
    await setMentorStatus(m, 'retired');
    const outbox = await listOutbox(mentee);
    expect(outbox.pending).toEqual([]);
    expect(outbox.answered[0]).toMatchObject({ id: requestId, status: 'declined', declineReason: 'no_capacity' });
    expect(outbox.answered[0]?.declineNote).toContain('retired');
    expect(await eventTypes({ requestId })).toEqual(['request.sent', 'request.declined']);
  });
});
