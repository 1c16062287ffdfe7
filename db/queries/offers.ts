import 'server-only';
import { and, desc, eq, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db } from '@/db';
import { uniqueViolation } from '@/db/errors';
import { mentorProfiles, mentorshipOffers, mentorships, users } from '@/db/schema';
import { isGrown } from '@/lib/rapport';
import { BLOCKED } from '@/lib/blocks';
import { isUuid } from '@/lib/ids';
import { crossesBlock } from './blocks';
import { recordEvent, type Tx } from './events';
import { firstContactAt, rapportBetween } from './rapport';

export const OFFER_REFUSALS = {
  not_grown: 'Your connection has not grown enough yet: keep the conversation going on both sides.',
  not_a_mentor: 'Only a mentor can offer a mentorship, and only to someone who is not.',
  partner_not_mentor: 'This member is not a listed mentor, so there is nothing to propose.',
  not_accepting: 'This mentor has paused new mentorships right now.',
  at_capacity: 'The mentor has no open slots right now.',
  already_pending: 'There is already an offer or proposal waiting between the two of you.',
  already_mentoring: 'The two of you already have an active mentorship.',
  not_found: 'That offer does not exist, or it is not yours to answer.',
  not_pending: 'This offer has already been answered or withdrawn.',
  initiator_only: 'Only the one who made it can withdraw it.',
  other_side_only: 'Only the other person can answer it.',
  blocked: BLOCKED.offer,
} as const;
type OfferRefusal = keyof typeof OFFER_REFUSALS;
const refuse = (code: OfferRefusal) => ({ ok: false as const, code, message: OFFER_REFUSALS[code] });
export type OfferRefused = ReturnType<typeof refuse>;

async function mentorRoom(tx: Tx, mentorId: string, lock: boolean) {
  const query = tx
    .select({ status: mentorProfiles.status, accepting: mentorProfiles.accepting, capacity: mentorProfiles.capacity, active: mentorProfiles.activeMenteeCount })
    .from(mentorProfiles)
    .where(eq(mentorProfiles.userId, mentorId));
  const [row] = await (lock ? query.for('no key update') : query);
  return row;
}

/**
 * Once rapport has grown, the mentor offers a mentorship ("offer") or the member proposes one
 * ("proposal"); the other side answers with answerOffer.
 */
export async function makeOffer(
  viewerId: string,
  input: { kind: 'offer' | 'proposal'; partnerId: string; message: string },
): Promise<{ ok: true; id: string } | OfferRefused> {
  const [mentorId, menteeId] = input.kind === 'offer' ? [viewerId, input.partnerId] : [input.partnerId, viewerId];
  if (mentorId === menteeId) return refuse('not_a_mentor');
  try {
    return await db().transaction(async (tx) => {
      if (await crossesBlock(tx, viewerId, input.partnerId)) return refuse('blocked');
      const mentor = await mentorRoom(tx, mentorId, false);
      if (!mentor || mentor.status !== 'active') return refuse(input.kind === 'offer' ? 'not_a_mentor' : 'partner_not_mentor');
      if (input.kind === 'proposal' && !mentor.accepting) return refuse('not_accepting');
      if (mentor.active >= mentor.capacity) return refuse('at_capacity');
      if (!isGrown(await rapportBetween(viewerId, input.partnerId, { tx }))) return refuse('not_grown');
      const [active] = await tx
        .select({ id: mentorships.id })
        .from(mentorships)
        .where(and(eq(mentorships.mentorId, mentorId), eq(mentorships.menteeId, menteeId), eq(mentorships.status, 'active')));
      if (active) return refuse('already_mentoring');
      const [created] = await tx
        .insert(mentorshipOffers)
        .values({ kind: input.kind, mentorId, menteeId, message: input.message })
        .returning({ id: mentorshipOffers.id });
      await recordEvent(tx, { type: 'offer.sent', actorId: viewerId, mentorId, menteeId, data: { offerId: created!.id, kind: input.kind } });
      return { ok: true as const, id: created!.id };
    });
  } catch (error) {
    if (uniqueViolation(error) === 'mentorship_offers_one_pending_per_pair') return refuse('already_pending');
    throw error;
  }
}

async function lockOffer(tx: Tx, viewerId: string, offerId: string) {
  const [offer] = await tx.select().from(mentorshipOffers).where(eq(mentorshipOffers.id, offerId)).for('no key update');
  if (!offer || (offer.mentorId !== viewerId && offer.menteeId !== viewerId)) return refuse('not_found');
  if (offer.status !== 'pending') return refuse('not_pending');
  const initiator = offer.kind === 'offer' ? offer.mentorId : offer.menteeId;
  return { ok: true as const, offer, initiator };
}

/** The other side accepts (a grow-origin mentorship starts, within capacity) or declines. */
export async function answerOffer(
  viewerId: string,
  input: { offerId: string; accept: boolean },
): Promise<{ ok: true; mentorshipId?: string } | OfferRefused> {
  try {
    return await db().transaction(async (tx) => {
      // The pair's lock before the offer's row lock, the order blocking takes them in. Declining
      // crosses nothing, so only accepting is checked.
      const [pair] = input.accept && isUuid(input.offerId)
        ? await tx
            .select({ mentorId: mentorshipOffers.mentorId, menteeId: mentorshipOffers.menteeId })
            .from(mentorshipOffers)
            .where(and(eq(mentorshipOffers.id, input.offerId), or(eq(mentorshipOffers.mentorId, viewerId), eq(mentorshipOffers.menteeId, viewerId))))
        : [];
      if (pair && (await crossesBlock(tx, pair.mentorId, pair.menteeId))) return refuse('blocked');
      const locked = await lockOffer(tx, viewerId, input.offerId);
      if (!locked.ok) return locked;
      const { offer, initiator } = locked;
      if (initiator === viewerId) return refuse('other_side_only');
      const now = new Date();
      const ids = { mentorId: offer.mentorId, menteeId: offer.menteeId };
      if (!input.accept) {
        await tx.update(mentorshipOffers).set({ status: 'declined', answeredAt: now }).where(eq(mentorshipOffers.id, offer.id));
        await recordEvent(tx, { type: 'offer.declined', actorId: viewerId, ...ids, data: { offerId: offer.id, kind: offer.kind } });
        return { ok: true as const };
      }
      // The same capacity rule as the Ask path: the mentor's row is locked while it is checked.
      const mentor = await mentorRoom(tx, offer.mentorId, true);
      if (!mentor || mentor.active >= mentor.capacity) return refuse('at_capacity');
      const [mentorship] = await tx
        .insert(mentorships)
        .values({
          mentorId: offer.mentorId,
          menteeId: offer.menteeId,
          origin: 'grow',
          startedAt: now,
          firstContactAt: await firstContactAt(tx, offer.mentorId, offer.menteeId, now),
        })
        .returning({ id: mentorships.id });
      await tx
        .update(mentorshipOffers)
        .set({ status: 'accepted', answeredAt: now, mentorshipId: mentorship!.id })
        .where(eq(mentorshipOffers.id, offer.id));
      await recordEvent(tx, { type: 'offer.accepted', actorId: viewerId, ...ids, mentorshipId: mentorship!.id, data: { offerId: offer.id, kind: offer.kind } });
      await recordEvent(tx, { type: 'mentorship.started', actorId: viewerId, ...ids, mentorshipId: mentorship!.id, data: { origin: 'grow', via: offer.kind } });
      return { ok: true as const, mentorshipId: mentorship!.id };
    });
  } catch (error) {
    if (uniqueViolation(error) === 'mentorships_one_active_per_pair') return refuse('already_mentoring');
    const e = error as { cause?: { code?: string } ; code?: string };
    if ((e.cause?.code ?? e.code) === '23514') return refuse('at_capacity');
    throw error;
  }
}

export async function withdrawOffer(viewerId: string, offerId: string): Promise<{ ok: true } | OfferRefused> {
  return db().transaction(async (tx) => {
    const locked = await lockOffer(tx, viewerId, offerId);
    if (!locked.ok) return locked;
    if (locked.initiator !== viewerId) return refuse('initiator_only');
    await tx.update(mentorshipOffers).set({ status: 'withdrawn', answeredAt: new Date() }).where(eq(mentorshipOffers.id, offerId));
    await recordEvent(tx, {
      type: 'offer.withdrawn',
      actorId: viewerId,
      mentorId: locked.offer.mentorId,
      menteeId: locked.offer.menteeId,
      data: { offerId, kind: locked.offer.kind },
    });
    return { ok: true as const };
  });
}

const mentor = alias(users, 'offer_mentor');
const mentee = alias(users, 'offer_mentee');

/** Pending offers and proposals the viewer made or received. */
export async function listPendingOffers(viewerId: string) {
  const rows = await db()
    .select({
      id: mentorshipOffers.id,
      kind: mentorshipOffers.kind,
      message: mentorshipOffers.message,
      createdAt: mentorshipOffers.createdAt,
      mentor: { id: mentor.id, handle: mentor.handle, displayName: mentor.displayName },
      mentee: { id: mentee.id, handle: mentee.handle, displayName: mentee.displayName },
    })
    .from(mentorshipOffers)
    .innerJoin(mentor, eq(mentor.id, mentorshipOffers.mentorId))
    .innerJoin(mentee, eq(mentee.id, mentorshipOffers.menteeId))
    .where(and(eq(mentorshipOffers.status, 'pending'), or(eq(mentorshipOffers.mentorId, viewerId), eq(mentorshipOffers.menteeId, viewerId))))
    .orderBy(desc(mentorshipOffers.createdAt));
  return rows.map((r) => {
    const initiator = r.kind === 'offer' ? r.mentor.id : r.mentee.id;
    return { ...r, madeByViewer: initiator === viewerId, partner: r.mentor.id === viewerId ? r.mentee : r.mentor };
  });
}

