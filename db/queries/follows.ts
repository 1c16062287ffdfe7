import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import { follows, mentorProfiles, users } from '@/db/schema';
import { BLOCKED } from '@/lib/blocks';
import { crossesBlock } from './blocks';
import { recordEvent } from './events';
import { noteInteraction } from './rapport';

export type FollowResult = { ok: true } | { ok: false; message: string };

/** Follow a member; following twice is not an error (the pair is unique in the database). */
export async function followMember(viewerId: string, targetId: string): Promise<FollowResult> {
  if (viewerId === targetId) return { ok: false, message: 'You cannot follow yourself.' };
  return db().transaction(async (tx) => {
    const [target] = await tx.select({ id: users.id }).from(users).where(eq(users.id, targetId));
    if (!target) return { ok: false, message: 'That member does not exist.' };
    if (await crossesBlock(tx, viewerId, targetId)) return { ok: false, message: BLOCKED.follow };
    const inserted = await tx
      .insert(follows)
      .values({ followerId: viewerId, followeeId: targetId })
      .onConflictDoNothing()
      .returning({ createdAt: follows.createdAt });
    if (inserted.length) {
      await recordEvent(tx, { type: 'follow.created', actorId: viewerId, data: { followeeId: targetId } });
      await noteInteraction(tx, viewerId, targetId);
    }
    return { ok: true as const };
  });
}

export async function unfollowMember(viewerId: string, targetId: string): Promise<FollowResult> {
  return db().transaction(async (tx) => {
    const removed = await tx
      .delete(follows)
      .where(and(eq(follows.followerId, viewerId), eq(follows.followeeId, targetId)))
      .returning({ followeeId: follows.followeeId });
    if (removed.length) await recordEvent(tx, { type: 'follow.removed', actorId: viewerId, data: { followeeId: targetId } });
    return { ok: true as const };
  });
}

export async function isFollowing(viewerId: string, targetId: string) {
  const [row] = await db()
    .select({ at: follows.createdAt })
    .from(follows)
    .where(and(eq(follows.followerId, viewerId), eq(follows.followeeId, targetId)));
  return Boolean(row);
}

const FOLLOW_LIST_LIMIT = 100;
const person = {
  id: users.id,
  handle: users.handle,
  displayName: users.displayName,
  avatarUpdatedAt: users.avatarUpdatedAt,
  isMentor: sql<boolean>`${mentorProfiles.status} = 'active'`,
};

/** Who follows a member, newest first (the first hundred) and how many in all. */
export async function listFollowers(memberId: string) {
  const [people, [total]] = await Promise.all([
    db()
      .select(person)
      .from(follows)
      .innerJoin(users, eq(users.id, follows.followerId))
      .leftJoin(mentorProfiles, eq(mentorProfiles.userId, users.id))
      .where(eq(follows.followeeId, memberId))
      .orderBy(desc(follows.createdAt))
      .limit(FOLLOW_LIST_LIMIT),
    db().select({ n: sql<number>`count(*)::int` }).from(follows).where(eq(follows.followeeId, memberId)),
  ]);
  return { people, total: total?.n ?? 0 };
}

/** Whom a member follows, newest first (the first hundred) and how many in all. */
export async function listFollowing(memberId: string) {
  const [people, [total]] = await Promise.all([
    db()
      .select(person)
      .from(follows)
      .innerJoin(users, eq(users.id, follows.followeeId))
      .leftJoin(mentorProfiles, eq(mentorProfiles.userId, users.id))
      .where(eq(follows.followerId, memberId))
      .orderBy(desc(follows.createdAt))
      .limit(FOLLOW_LIST_LIMIT),
    db().select({ n: sql<number>`count(*)::int` }).from(follows).where(eq(follows.followerId, memberId)),
  ]);
  return { people, total: total?.n ?? 0 };
}
