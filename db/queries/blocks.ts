import 'server-only';
import { and, desc, eq, or, sql } from 'drizzle-orm';
import { db } from '@/db';
import { blocks, follows, mentorshipOffers, mentorshipRequests, mentorships, users } from '@/db/schema';
import { BLOCK_REFUSALS, type BlockRefusal } from '@/lib/blocks';
import { recordEvent, type Tx } from './events';

type Queryable = Pick<Tx, 'select'>;

// The advisory-lock namespace for pairs of members ("blk"); the second key is the pair's hash.
const PAIR_LOCK_CLASS = 0x626c6b;

/**
 * Serialises a block with everything that could cross it. Every action between two members
 * (request, offer, comment, reply, follow, reaction, accepting) takes this lock SHARED before
 * its check, and blocking takes it EXCLUSIVE: a follow racing a block either commits first
 * (and the block then removes it) or waits and sees the block. Shared holders never wait for
 * one another. It must be the transaction's first lock that blocking can also want (rows of
 * follows, users, requests, offers), so the order is the same everywhere and nothing deadlocks.
 * An advisory lock rather than the users' rows: the follower-count trigger updates those rows,
 * so share-locking them would make two people following one member deadlock.
 */
export async function lockPair(tx: Pick<Tx, 'execute'>, a: string, b: string, mode: 'shared' | 'exclusive' = 'shared') {
  const key = a < b ? `${a}:${b}` : `${b}:${a}`;
  await tx.execute(
    mode === 'shared'
      ? sql`select pg_advisory_xact_lock_shared(${PAIR_LOCK_CLASS}::int, hashtext(${key}))`
      : sql`select pg_advisory_xact_lock(${PAIR_LOCK_CLASS}::int, hashtext(${key}))`,
  );
}

const between = (a: string, b: string) =>
  or(and(eq(blocks.blockerId, a), eq(blocks.blockedId, b)), and(eq(blocks.blockerId, b), eq(blocks.blockedId, a)));

/** Whether either of the two has blocked the other. */
export async function isBlockedEitherWay(q: Queryable, a: string, b: string): Promise<boolean> {
  if (a === b) return false;
  const [row] = await q.select({ at: blocks.createdAt }).from(blocks).where(between(a, b)).limit(1);
  return Boolean(row);
}

/**
 * The check every crossing makes inside its transaction: takes the pair's lock, then says
 * whether a block stands between them. Call it before taking row locks of your own.
 */
export async function crossesBlock(tx: Tx, a: string, b: string): Promise<boolean> {
  if (a === b) return false;
  await lockPair(tx, a, b);
  return isBlockedEitherWay(tx, a, b);
}

export type BlockResult = { ok: true } | { ok: false; code: BlockRefusal; message: string };
const refuse = (code: BlockRefusal): BlockResult => ({ ok: false, code, message: BLOCK_REFUSALS[code] });

/**
 * Blocks a member. In one transaction: the block, both follows removed (the follower-count
 * triggers keep counts right), and whatever was waiting between the two closed silently — a
 * request or offer the viewer made is withdrawn, one made to the viewer is declined (the
 * block is in place first, so neither side is notified). Someone you are in an active
 * mentorship with cannot be blocked: ending it is a decision of its own, with its rating.
 */
export async function blockMember(viewerId: string, targetId: string): Promise<BlockResult> {
  if (viewerId === targetId) return refuse('self');
  return db().transaction(async (tx) => {
    const [target] = await tx.select({ id: users.id }).from(users).where(eq(users.id, targetId));
    if (!target) return refuse('not_found');
    await lockPair(tx, viewerId, targetId, 'exclusive');
    const [active] = await tx
      .select({ id: mentorships.id })
      .from(mentorships)
      .where(
        and(
          eq(mentorships.status, 'active'),
          or(
            and(eq(mentorships.mentorId, viewerId), eq(mentorships.menteeId, targetId)),
            and(eq(mentorships.mentorId, targetId), eq(mentorships.menteeId, viewerId)),
          ),
        ),
      );
    if (active) return refuse('mentoring');

    const now = new Date();
    await tx.insert(blocks).values({ blockerId: viewerId, blockedId: targetId, createdAt: now }).onConflictDoNothing();

    const unfollowed = await tx
      .delete(follows)
      .where(
        or(and(eq(follows.followerId, viewerId), eq(follows.followeeId, targetId)), and(eq(follows.followerId, targetId), eq(follows.followeeId, viewerId))),
      )
      .returning({ followerId: follows.followerId, followeeId: follows.followeeId });
    for (const f of unfollowed) {
      await recordEvent(tx, { type: 'follow.removed', actorId: f.followerId, data: { followeeId: f.followeeId, byBlock: viewerId }, at: now });
    }

    const requests = await tx
      .select({ id: mentorshipRequests.id, mentorId: mentorshipRequests.mentorId, menteeId: mentorshipRequests.menteeId, createdAt: mentorshipRequests.createdAt })
      .from(mentorshipRequests)
      .where(
        and(
          eq(mentorshipRequests.status, 'pending'),
          or(
            and(eq(mentorshipRequests.mentorId, viewerId), eq(mentorshipRequests.menteeId, targetId)),
            and(eq(mentorshipRequests.mentorId, targetId), eq(mentorshipRequests.menteeId, viewerId)),
          ),
        ),
      )
      .for('no key update');
    for (const r of requests) {
      const ids = { mentorId: r.mentorId, menteeId: r.menteeId, requestId: r.id };
      if (r.menteeId === viewerId) {
        await tx.update(mentorshipRequests).set({ status: 'withdrawn', answeredAt: now }).where(eq(mentorshipRequests.id, r.id));
        await recordEvent(tx, { type: 'request.withdrawn', actorId: viewerId, ...ids, at: now, data: { byBlock: true } });
      } else {
        await tx.update(mentorshipRequests).set({ status: 'declined', declineReason: 'other', answeredAt: now }).where(eq(mentorshipRequests.id, r.id));
        await recordEvent(tx, {
          type: 'request.declined',
          actorId: viewerId,
          ...ids,
          at: now,
          data: { reason: 'other', byBlock: true, waitedMs: now.getTime() - r.createdAt.getTime() },
        });
      }
    }

    const offers = await tx
      .select({ id: mentorshipOffers.id, kind: mentorshipOffers.kind, mentorId: mentorshipOffers.mentorId, menteeId: mentorshipOffers.menteeId })
      .from(mentorshipOffers)
      .where(
        and(
          eq(mentorshipOffers.status, 'pending'),
          or(
            and(eq(mentorshipOffers.mentorId, viewerId), eq(mentorshipOffers.menteeId, targetId)),
            and(eq(mentorshipOffers.mentorId, targetId), eq(mentorshipOffers.menteeId, viewerId)),
          ),
        ),
      )
      .for('no key update');
    for (const o of offers) {
      const initiator = o.kind === 'offer' ? o.mentorId : o.menteeId;
      const status = initiator === viewerId ? 'withdrawn' : 'declined';
      await tx.update(mentorshipOffers).set({ status, answeredAt: now }).where(eq(mentorshipOffers.id, o.id));
      await recordEvent(tx, {
        type: status === 'withdrawn' ? 'offer.withdrawn' : 'offer.declined',
        actorId: viewerId,
        mentorId: o.mentorId,
        menteeId: o.menteeId,
        at: now,
        data: { offerId: o.id, kind: o.kind, byBlock: true },
      });
    }
    return { ok: true as const };
  });
}

/** Lifts the viewer's own block; a block the other member made stays. */
export async function unblockMember(viewerId: string, targetId: string): Promise<BlockResult> {
  await db()
    .delete(blocks)
    .where(and(eq(blocks.blockerId, viewerId), eq(blocks.blockedId, targetId)));
  return { ok: true };
}

/** Whether the viewer has blocked this member (whether they blocked the viewer is not shown). */
export async function hasBlocked(viewerId: string, targetId: string) {
  const [row] = await db()
    .select({ at: blocks.createdAt })
    .from(blocks)
    .where(and(eq(blocks.blockerId, viewerId), eq(blocks.blockedId, targetId)));
  return Boolean(row);
}

/** The members the viewer has blocked, most recent first. */
export async function listBlocked(viewerId: string) {
  return db()
    .select({
      id: users.id,
      handle: users.handle,
      displayName: users.displayName,
      avatarUpdatedAt: users.avatarUpdatedAt,
      blockedAt: blocks.createdAt,
    })
    .from(blocks)
    .innerJoin(users, eq(users.id, blocks.blockedId))
    .where(eq(blocks.blockerId, viewerId))
    .orderBy(desc(blocks.createdAt))
    .limit(500);
}
