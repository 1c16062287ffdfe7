import 'server-only';
import { and, desc, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import { db } from '@/db';
import { uniqueViolation } from '@/db/errors';
import { follows, mentorProfiles, mentorshipGoals, mentorshipRequests, mentorships, users } from '@/db/schema';
import type { DeclineReason } from '@/db/schema/requests';
import {
  DECLINE_COOLDOWN_DAYS,
  MAX_PENDING_REQUESTS,
  refuse,
  requestExpiry,
  type Refused,
} from '@/lib/requests';
import type { SendRequestInput } from '@/lib/validation/requests';
import { isUuid } from '@/lib/ids';
import { crossesBlock, isBlockedEitherWay } from './blocks';
import { recordEvent, type Tx } from './events';
import { firstContactAt, hadTwoWayInteraction, rapportBetween } from './rapport';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Marks pending requests past their 14 days as expired (and logs it). Called before requests
 * are read or listed, so correctness needs no background job.
 */
export async function expireStaleRequests(now = new Date()) {
  return db().transaction(async (tx) => {
    const expired = await tx
      .update(mentorshipRequests)
      .set({ status: 'expired', answeredAt: sql`${mentorshipRequests.expiresAt}` })
      .where(and(eq(mentorshipRequests.status, 'pending'), lt(mentorshipRequests.expiresAt, now)))
      .returning({ id: mentorshipRequests.id, mentorId: mentorshipRequests.mentorId, menteeId: mentorshipRequests.menteeId, at: mentorshipRequests.expiresAt });
    for (const r of expired) {
      await recordEvent(tx, { type: 'request.expired', requestId: r.id, mentorId: r.mentorId, menteeId: r.menteeId, at: r.at });
    }
    return expired.length;
  });
}

export async function sendRequest(viewerId: string, input: SendRequestInput): Promise<{ ok: true; id: string } | Refused> {
  if (viewerId === input.mentorId) return refuse('self');
  try {
    return await db().transaction(async (tx) => {
      // The pair's lock comes before any row lock (db/queries/blocks.ts).
      if (await crossesBlock(tx, viewerId, input.mentorId)) return refuse('blocked');
      // The mentee's row lock serialises their sends: the 5-pending limit holds under double
      // submits. NO KEY UPDATE, so foreign-key checks on that row (an accept inserting a
      // mentorship for this mentee) are not blocked and cannot deadlock with it.
      await tx.select({ id: users.id }).from(users).where(eq(users.id, viewerId)).for('no key update');
      const [mentor] = await tx
        .select({ status: mentorProfiles.status, accepting: mentorProfiles.accepting, open: mentorProfiles.openForRequests })
        .from(mentorProfiles)
        .where(eq(mentorProfiles.userId, input.mentorId))
        .for('share');
      if (!mentor) return refuse('not_a_mentor');
      if (mentor.status !== 'active') return refuse('retired');
      if (!mentor.accepting) return refuse('not_accepting');
      if (!mentor.open) return refuse('at_capacity');

      const now = new Date();
      const [active] = await tx
        .select({ id: mentorships.id })
        .from(mentorships)
        .where(and(eq(mentorships.mentorId, input.mentorId), eq(mentorships.menteeId, viewerId), eq(mentorships.status, 'active')));
      if (active) return refuse('already_mentoring');

      const recent = await tx
        .select({ status: mentorshipRequests.status, mentorId: mentorshipRequests.mentorId, answeredAt: mentorshipRequests.answeredAt, expiresAt: mentorshipRequests.expiresAt })
        .from(mentorshipRequests)
        .where(
          and(
            eq(mentorshipRequests.menteeId, viewerId),
            or(
              eq(mentorshipRequests.status, 'pending'),
              and(
                eq(mentorshipRequests.mentorId, input.mentorId),
                eq(mentorshipRequests.status, 'declined'),
                gte(mentorshipRequests.answeredAt, new Date(now.getTime() - DECLINE_COOLDOWN_DAYS * DAY_MS)),
              ),
            ),
          ),
        );
      // Pending ones past their time count as expired, even before the sweep marks them.
      const pending = recent.filter((r) => r.status === 'pending' && r.expiresAt > now);
      if (pending.some((r) => r.mentorId === input.mentorId)) return refuse('already_pending');
      const declined = recent.find((r) => r.status === 'declined');
      if (declined?.answeredAt) return refuse('cooldown', new Date(declined.answeredAt.getTime() + DECLINE_COOLDOWN_DAYS * DAY_MS));
      if (pending.length >= MAX_PENDING_REQUESTS) return refuse('too_many_pending');

      // A request still marked pending but past its time must not block the new one.
      await tx
        .update(mentorshipRequests)
        .set({ status: 'expired', answeredAt: sql`${mentorshipRequests.expiresAt}` })
        .where(
          and(
            eq(mentorshipRequests.menteeId, viewerId),
            eq(mentorshipRequests.mentorId, input.mentorId),
            eq(mentorshipRequests.status, 'pending'),
            lt(mentorshipRequests.expiresAt, now),
          ),
        );
      // Warm: the two had already interacted both ways (comments, replies, reactions, follows).
      const warmth = (await hadTwoWayInteraction(tx, viewerId, input.mentorId)) ? 'warm' : 'cold';
      const [created] = await tx
        .insert(mentorshipRequests)
        .values({
          menteeId: viewerId,
          mentorId: input.mentorId,
          message: input.message,
          goals: input.goal,
          cadence: input.cadence,
          lengthWeeks: input.lengthWeeks,
          warmth,
          createdAt: now,
          expiresAt: requestExpiry(now),
        })
        .returning({ id: mentorshipRequests.id });
      await recordEvent(tx, {
        type: 'request.sent',
        actorId: viewerId,
        menteeId: viewerId,
        mentorId: input.mentorId,
        requestId: created!.id,
        data: { warmth, goals: input.goal.length, cadence: input.cadence, lengthWeeks: input.lengthWeeks },
        at: now,
      });
      return { ok: true as const, id: created!.id };
    });
  } catch (error) {
    // The partial unique index caught a request sent at the same moment.
    if (uniqueViolation(error) === 'mentorship_requests_one_pending_per_pair') return refuse('already_pending');
    throw error;
  }
}

/** Locks a request for a state change by `viewerId`, checking it is theirs to change. */
async function lockRequest(tx: Tx, viewerId: string, requestId: string, role: 'mentor' | 'mentee') {
  if (!isUuid(requestId)) return refuse('not_found');
  const [request] = await tx.select().from(mentorshipRequests).where(eq(mentorshipRequests.id, requestId)).for('no key update');
  if (!request || (request.mentorId !== viewerId && request.menteeId !== viewerId)) return refuse('not_found');
  if (role === 'mentor' && request.mentorId !== viewerId) return refuse('mentor_only');
  if (role === 'mentee' && request.menteeId !== viewerId) return refuse('mentee_only');
  if (request.status === 'pending' && request.expiresAt <= new Date()) {
    await tx
      .update(mentorshipRequests)
      .set({ status: 'expired', answeredAt: request.expiresAt })
      .where(eq(mentorshipRequests.id, requestId));
    await recordEvent(tx, { type: 'request.expired', requestId, mentorId: request.mentorId, menteeId: request.menteeId, at: request.expiresAt });
    return refuse('expired');
  }
  if (request.status !== 'pending') return refuse('not_pending');
  return { ok: true as const, request };
}

/**
 * Accepts a pending request and starts the mentorship, in one transaction. The mentor's row is
 * locked while capacity is checked, and the within-capacity CHECK refuses the one too many even
 * if that were ever bypassed: simultaneous accepts never exceed capacity, and a request changes
 * state once.
 */
export async function acceptRequest(viewerId: string, requestId: string): Promise<{ ok: true; mentorshipId: string } | Refused> {
  try {
    return await db().transaction(async (tx) => {
      // The pair's lock before the request's row lock, the order blocking takes them in.
      const [pair] = isUuid(requestId)
        ? await tx
            .select({ menteeId: mentorshipRequests.menteeId })
            .from(mentorshipRequests)
            .where(and(eq(mentorshipRequests.id, requestId), eq(mentorshipRequests.mentorId, viewerId)))
        : [];
      if (pair && (await crossesBlock(tx, viewerId, pair.menteeId))) return refuse('blocked');
      const locked = await lockRequest(tx, viewerId, requestId, 'mentor');
      if (!locked.ok) return locked;
      const { request } = locked;
      const [mentor] = await tx
        .select({ capacity: mentorProfiles.capacity, active: mentorProfiles.activeMenteeCount, status: mentorProfiles.status })
        .from(mentorProfiles)
        .where(eq(mentorProfiles.userId, viewerId))
        .for('no key update');
      // A paused mentor may still take a request that was already waiting; a retired one may not.
      if (mentor?.status === 'retired') return refuse('retired');
      if (!mentor || mentor.active >= mentor.capacity) return refuse('at_capacity');
      const now = new Date();
      const [mentorship] = await tx
        .insert(mentorships)
        .values({
          mentorId: request.mentorId,
          menteeId: request.menteeId,
          origin: 'ask',
          warmth: request.warmth,
          startedAt: now,
          requestId: request.id,
          cadence: request.cadence,
          lengthWeeks: request.lengthWeeks,
          firstContactAt: await firstContactAt(tx, request.mentorId, request.menteeId, now),
        })
        .returning({ id: mentorships.id });
      await tx
        .update(mentorshipRequests)
        .set({ status: 'accepted', answeredAt: now, mentorshipId: mentorship!.id })
        .where(eq(mentorshipRequests.id, request.id));
      await tx.insert(mentorshipGoals).values(request.goals.map((title, position) => ({ mentorshipId: mentorship!.id, title, position })));
      const ids = { mentorId: request.mentorId, menteeId: request.menteeId, requestId: request.id, mentorshipId: mentorship!.id };
      await recordEvent(tx, { type: 'request.accepted', actorId: viewerId, ...ids, at: now, data: { waitedMs: now.getTime() - request.createdAt.getTime() } });
      await recordEvent(tx, { type: 'mentorship.started', actorId: viewerId, ...ids, at: now, data: { origin: 'ask', warmth: request.warmth } });
      return { ok: true as const, mentorshipId: mentorship!.id };
    });
  } catch (error) {
    const constraint = uniqueViolation(error);
    if (constraint === 'mentorships_one_active_per_pair') return refuse('already_mentoring');
    if (constraint === 'mentorships_request_key') return refuse('not_pending');
    if (checkViolation(error) === 'mentor_profiles_within_capacity') return refuse('at_capacity');
    throw error;
  }
}

function checkViolation(error: unknown): string | undefined {
  for (let e = error as Record<string, unknown> | undefined; e; e = e.cause as Record<string, unknown> | undefined) {
    if (e.code === '23514') return String(e.constraint_name ?? e.constraint ?? '');
  }
  return undefined;
}

export async function declineRequest(
  viewerId: string,
  input: { requestId: string; reason: DeclineReason; note: string },
): Promise<{ ok: true } | Refused> {
  return db().transaction(async (tx) => {
    const locked = await lockRequest(tx, viewerId, input.requestId, 'mentor');
    if (!locked.ok) return locked;
    const now = new Date();
    await tx
      .update(mentorshipRequests)
      .set({ status: 'declined', declineReason: input.reason, declineNote: input.note || null, answeredAt: now })
      .where(eq(mentorshipRequests.id, input.requestId));
    await recordEvent(tx, {
      type: 'request.declined',
      actorId: viewerId,
      mentorId: locked.request.mentorId,
      menteeId: locked.request.menteeId,
      requestId: input.requestId,
      at: now,
      data: { reason: input.reason, waitedMs: now.getTime() - locked.request.createdAt.getTime() },
    });
    return { ok: true as const };
  });
}

export async function withdrawRequest(viewerId: string, requestId: string): Promise<{ ok: true } | Refused> {
  return db().transaction(async (tx) => {
    const locked = await lockRequest(tx, viewerId, requestId, 'mentee');
    if (!locked.ok) return locked;
    const now = new Date();
    await tx.update(mentorshipRequests).set({ status: 'withdrawn', answeredAt: now }).where(eq(mentorshipRequests.id, requestId));
    await recordEvent(tx, {
      type: 'request.withdrawn',
      actorId: viewerId,
      mentorId: locked.request.mentorId,
      menteeId: locked.request.menteeId,
      requestId,
      at: now,
    });
    return { ok: true as const };
  });
}

const requestColumns = {
  id: mentorshipRequests.id,
  message: mentorshipRequests.message,
  goals: mentorshipRequests.goals,
  cadence: mentorshipRequests.cadence,
  lengthWeeks: mentorshipRequests.lengthWeeks,
  status: mentorshipRequests.status,
  declineReason: mentorshipRequests.declineReason,
  declineNote: mentorshipRequests.declineNote,
  warmth: mentorshipRequests.warmth,
  createdAt: mentorshipRequests.createdAt,
  expiresAt: mentorshipRequests.expiresAt,
  answeredAt: mentorshipRequests.answeredAt,
  mentorshipId: mentorshipRequests.mentorshipId,
};

const person = {
  id: users.id,
  handle: users.handle,
  displayName: users.displayName,
  bio: users.bio,
  avatarUpdatedAt: users.avatarUpdatedAt,
};

const HISTORY_LIMIT = 30;

/** Requests the viewer received as a mentor: pending first (oldest first), then recent answers. */
export async function listInbox(viewerId: string) {
  await expireStaleRequests();
  const rows = await db()
    .select({ ...requestColumns, mentee: person })
    .from(mentorshipRequests)
    .innerJoin(users, eq(users.id, mentorshipRequests.menteeId))
    .where(eq(mentorshipRequests.mentorId, viewerId))
    .orderBy(desc(mentorshipRequests.createdAt))
    .limit(200);
  const pending = rows.filter((r) => r.status === 'pending').reverse();
  const answered = rows.filter((r) => r.status !== 'pending').slice(0, HISTORY_LIMIT);
  const [exchanges, rapport] = await Promise.all([
    exchangesWith(viewerId, pending.map((r) => r.mentee.id)),
    Promise.all(pending.map((r) => rapportBetween(viewerId, r.mentee.id))),
  ]);
  return {
    pending: pending.map((r, i) => ({
      ...r,
      // Follows both ways, and comments, replies and reactions counted each way (rapport).
      exchange: { ...exchanges.get(r.mentee.id)!, fromMentee: rapport[i]!.fromThem, fromYou: rapport[i]!.fromMe, rapport: rapport[i]! },
    })),
    answered,
  };
}

/** Requests the viewer sent as a mentee. */
export async function listOutbox(viewerId: string) {
  await expireStaleRequests();
  const rows = await db()
    .select({ ...requestColumns, mentor: person })
    .from(mentorshipRequests)
    .innerJoin(users, eq(users.id, mentorshipRequests.mentorId))
    .where(eq(mentorshipRequests.menteeId, viewerId))
    .orderBy(desc(mentorshipRequests.createdAt))
    .limit(200);
  return { pending: rows.filter((r) => r.status === 'pending'), answered: rows.filter((r) => r.status !== 'pending').slice(0, HISTORY_LIMIT) };
}

/**
 * Who follows whom between the mentor and each mentee. One query for the whole inbox.
 */
async function exchangesWith(mentorId: string, menteeIds: string[]) {
  const result = new Map(menteeIds.map((id) => [id, { menteeFollowsYou: null as Date | null, youFollowMentee: null as Date | null }]));
  if (!menteeIds.length) return result;
  const rows = await db()
    .select({ followerId: follows.followerId, followeeId: follows.followeeId, createdAt: follows.createdAt })
    .from(follows)
    .where(
      or(
        and(eq(follows.followeeId, mentorId), inArray(follows.followerId, menteeIds)),
        and(eq(follows.followerId, mentorId), inArray(follows.followeeId, menteeIds)),
      ),
    );
  for (const row of rows) {
    if (row.followeeId === mentorId) result.get(row.followerId)!.menteeFollowsYou = row.createdAt;
    else result.get(row.followeeId)!.youFollowMentee = row.createdAt;
  }
  return result;
}

/** Everything the request form needs to know before someone writes. */
export async function getAskContext(viewerId: string, mentorId: string) {
  await expireStaleRequests();
  const now = new Date();
  const [pendingHere] = await db()
    .select({ id: mentorshipRequests.id })
    .from(mentorshipRequests)
    .where(and(eq(mentorshipRequests.menteeId, viewerId), eq(mentorshipRequests.mentorId, mentorId), eq(mentorshipRequests.status, 'pending')));
  const [declined] = await db()
    .select({ answeredAt: mentorshipRequests.answeredAt })
    .from(mentorshipRequests)
    .where(
      and(
        eq(mentorshipRequests.menteeId, viewerId),
        eq(mentorshipRequests.mentorId, mentorId),
        eq(mentorshipRequests.status, 'declined'),
        gte(mentorshipRequests.answeredAt, new Date(now.getTime() - DECLINE_COOLDOWN_DAYS * DAY_MS)),
      ),
    )
    .orderBy(desc(mentorshipRequests.answeredAt))
    .limit(1);
  const [{ pending } = { pending: 0 }] = await db()
    .select({ pending: sql<number>`count(*)::int` })
    .from(mentorshipRequests)
    .where(and(eq(mentorshipRequests.menteeId, viewerId), eq(mentorshipRequests.status, 'pending')));
  const [active] = await db()
    .select({ id: mentorships.id })
    .from(mentorships)
    .where(and(eq(mentorships.mentorId, mentorId), eq(mentorships.menteeId, viewerId), eq(mentorships.status, 'active')));
  return {
    pendingRequestId: pendingHere?.id,
    cooldownUntil: declined?.answeredAt ? new Date(declined.answeredAt.getTime() + DECLINE_COOLDOWN_DAYS * DAY_MS) : undefined,
    pendingCount: pending,
    activeMentorshipId: active?.id,
    blocked: await isBlockedEitherWay(db(), viewerId, mentorId),
  };
}
