import 'server-only';
import { and, asc, count, desc, eq, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db } from '@/db';
import { uniqueViolation } from '@/db/errors';
import { mentorshipGoals, mentorshipMessages, mentorshipRatings, mentorships, users } from '@/db/schema';
import { MAX_GOALS, refuse, type EndOutcome, type EndReason, type Refused } from '@/lib/requests';
import { isUuid } from '@/lib/ids';
import { recordEvent, type Tx } from './events';

const mentor = alias(users, 'mentor');
const mentee = alias(users, 'mentee');
const personOf = (u: typeof mentor | typeof mentee) => ({
  id: u.id,
  handle: u.handle,
  displayName: u.displayName,
  avatarUpdatedAt: u.avatarUpdatedAt,
});

/** A mentorship as lists show it: the two people, how it started, where it stands. */
const summaryColumns = {
  id: mentorships.id,
  origin: mentorships.origin,
  warmth: mentorships.warmth,
  status: mentorships.status,
  startedAt: mentorships.startedAt,
  endedAt: mentorships.endedAt,
  cadence: mentorships.cadence,
  lengthWeeks: mentorships.lengthWeeks,
  mentor: personOf(mentor),
  mentee: personOf(mentee),
};

const isMember = (viewerId: string) => or(eq(mentorships.mentorId, viewerId), eq(mentorships.menteeId, viewerId));

/** The viewer's mentorships, as mentor and as mentee: active first, then the most recent. */
export async function listMentorships(viewerId: string) {
  return db()
    .select(summaryColumns)
    .from(mentorships)
    .innerJoin(mentor, eq(mentor.id, mentorships.mentorId))
    .innerJoin(mentee, eq(mentee.id, mentorships.menteeId))
    .where(isMember(viewerId))
    .orderBy(desc(eq(mentorships.status, 'active')), desc(mentorships.startedAt))
    .limit(200);
}

/**
 * A mentorship's private space. Only its two members may see it: for anyone else this returns
 * undefined, exactly as for a mentorship that does not exist.
 */
export async function getMentorship(viewerId: string, mentorshipId: string) {
  if (!isUuid(mentorshipId)) return undefined;
  const [row] = await db()
    .select({ ...summaryColumns, endReason: mentorships.endReason, endedBy: mentorships.endedBy })
    .from(mentorships)
    .innerJoin(mentor, eq(mentor.id, mentorships.mentorId))
    .innerJoin(mentee, eq(mentee.id, mentorships.menteeId))
    .where(and(eq(mentorships.id, mentorshipId), isMember(viewerId)))
    .limit(1);
  if (!row) return undefined;
  const [messages, goals, ratings] = await Promise.all([
    db()
      .select({ id: mentorshipMessages.id, authorId: mentorshipMessages.authorId, body: mentorshipMessages.body, createdAt: mentorshipMessages.createdAt })
      .from(mentorshipMessages)
      .where(eq(mentorshipMessages.mentorshipId, mentorshipId))
      .orderBy(asc(mentorshipMessages.createdAt), asc(mentorshipMessages.id))
      .limit(1000),
    db()
      .select({ id: mentorshipGoals.id, title: mentorshipGoals.title, doneAt: mentorshipGoals.doneAt, doneBy: mentorshipGoals.doneBy })
      .from(mentorshipGoals)
      .where(eq(mentorshipGoals.mentorshipId, mentorshipId))
      .orderBy(asc(mentorshipGoals.position), asc(mentorshipGoals.createdAt)),
    db()
      .select({ raterId: mentorshipRatings.raterId, rating: mentorshipRatings.rating, comment: mentorshipRatings.comment })
      .from(mentorshipRatings)
      .where(eq(mentorshipRatings.mentorshipId, mentorshipId)),
  ]);
  const role: 'mentor' | 'mentee' = row.mentor.id === viewerId ? 'mentor' : 'mentee';
  return { ...row, role, messages, goals, ratings };
}

/** Locks the mentorship for a change by one of its members. */
async function lockMentorship(tx: Tx, viewerId: string, mentorshipId: string, needsActive: boolean) {
  if (!isUuid(mentorshipId)) return refuse('not_found');
  const [row] = await tx
    .select({ id: mentorships.id, mentorId: mentorships.mentorId, menteeId: mentorships.menteeId, status: mentorships.status })
    .from(mentorships)
    .where(and(eq(mentorships.id, mentorshipId), isMember(viewerId)))
    .for('no key update');
  if (!row) return refuse('not_found');
  if (needsActive && row.status !== 'active') return refuse('not_active');
  return { ok: true as const, mentorship: row };
}

const ids = (m: { id: string; mentorId: string; menteeId: string }) => ({ mentorshipId: m.id, mentorId: m.mentorId, menteeId: m.menteeId });

export async function postMessage(viewerId: string, mentorshipId: string, body: string): Promise<{ ok: true } | Refused> {
  return db().transaction(async (tx) => {
    const locked = await lockMentorship(tx, viewerId, mentorshipId, true);
    if (!locked.ok) return locked;
    const [message] = await tx.insert(mentorshipMessages).values({ mentorshipId, authorId: viewerId, body }).returning({ id: mentorshipMessages.id });
    // The event says a message was sent, never what it said.
    await recordEvent(tx, { type: 'mentorship.message', actorId: viewerId, ...ids(locked.mentorship), data: { messageId: message!.id, length: [...body].length } });
    return { ok: true as const };
  });
}

export async function setGoalDone(viewerId: string, input: { mentorshipId: string; goalId: string; done: boolean }): Promise<{ ok: true } | Refused> {
  return db().transaction(async (tx) => {
    const locked = await lockMentorship(tx, viewerId, input.mentorshipId, true);
    if (!locked.ok) return locked;
    const changed = await tx
      .update(mentorshipGoals)
      .set(input.done ? { doneAt: new Date(), doneBy: viewerId } : { doneAt: null, doneBy: null })
      .where(and(eq(mentorshipGoals.id, input.goalId), eq(mentorshipGoals.mentorshipId, input.mentorshipId)))
      .returning({ id: mentorshipGoals.id });
    if (!changed.length) return refuse('not_found');
    await recordEvent(tx, {
      type: input.done ? 'mentorship.goal_done' : 'mentorship.goal_undone',
      actorId: viewerId,
      ...ids(locked.mentorship),
      data: { goalId: input.goalId },
    });
    return { ok: true as const };
  });
}

export async function addGoal(viewerId: string, input: { mentorshipId: string; title: string }): Promise<{ ok: true } | Refused> {
  return db().transaction(async (tx) => {
    const locked = await lockMentorship(tx, viewerId, input.mentorshipId, true);
    if (!locked.ok) return locked;
    const [{ goals } = { goals: 0 }] = await tx
      .select({ goals: count() })
      .from(mentorshipGoals)
      .where(eq(mentorshipGoals.mentorshipId, input.mentorshipId));
    if (goals >= MAX_GOALS) return refuse('too_many_goals');
    const [goal] = await tx
      .insert(mentorshipGoals)
      .values({ mentorshipId: input.mentorshipId, title: input.title, position: goals })
      .returning({ id: mentorshipGoals.id });
    await recordEvent(tx, { type: 'mentorship.goal_added', actorId: viewerId, ...ids(locked.mentorship), data: { goalId: goal!.id } });
    return { ok: true as const };
  });
}

async function insertRating(tx: Tx, viewerId: string, m: { id: string; mentorId: string; menteeId: string }, rating: number, comment: string) {
  await tx.insert(mentorshipRatings).values({ mentorshipId: m.id, raterId: viewerId, rating, comment });
  await recordEvent(tx, {
    type: 'mentorship.rated',
    actorId: viewerId,
    ...ids(m),
    data: { rating, by: viewerId === m.mentorId ? 'mentor' : 'mentee' },
  });
}

/** Either side ends an active mentorship, with an outcome, a reason and their own rating. */
export async function endMentorship(
  viewerId: string,
  input: { mentorshipId: string; outcome: EndOutcome; reason: EndReason; rating: number; comment: string },
): Promise<{ ok: true } | Refused> {
  return db().transaction(async (tx) => {
    const locked = await lockMentorship(tx, viewerId, input.mentorshipId, true);
    if (!locked.ok) return locked;
    const now = new Date();
    await tx
      .update(mentorships)
      .set({ status: input.outcome, endedAt: now, endReason: input.reason, endedBy: viewerId })
      .where(eq(mentorships.id, input.mentorshipId));
    await recordEvent(tx, {
      type: 'mentorship.ended',
      actorId: viewerId,
      ...ids(locked.mentorship),
      at: now,
      data: { outcome: input.outcome, reason: input.reason, by: viewerId === locked.mentorship.mentorId ? 'mentor' : 'mentee' },
    });
    await insertRating(tx, viewerId, locked.mentorship, input.rating, input.comment);
    return { ok: true as const };
  });
}

/** The other side's rating, once the mentorship has ended; one per member. */
export async function rateMentorship(
  viewerId: string,
  input: { mentorshipId: string; rating: number; comment: string },
): Promise<{ ok: true } | Refused> {
  try {
    return await db().transaction(async (tx) => {
      const locked = await lockMentorship(tx, viewerId, input.mentorshipId, false);
      if (!locked.ok) return locked;
      if (locked.mentorship.status === 'active') return refuse('still_active');
      await insertRating(tx, viewerId, locked.mentorship, input.rating, input.comment);
      return { ok: true as const };
    });
  } catch (error) {
    if (uniqueViolation(error)) return refuse('already_rated');
    throw error;
  }
}
