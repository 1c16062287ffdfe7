import 'server-only';
import { and, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import { db } from '@/db';
import { uniqueViolation } from '@/db/errors';
import { avatars, mentorProfiles, oauthAccounts, posts, users } from '@/db/schema';
import { mentorProfileColumns, tagNames } from './mentors';

const lower = (column: typeof users.handle | typeof users.email) => sql`lower(${column})`;

export type Taken = { field: 'handle' | 'email' };

function takenField(error: unknown): Taken | undefined {
  const constraint = uniqueViolation(error);
  if (constraint === undefined) return undefined;
  return { field: constraint.includes('email') ? 'email' : 'handle' };
}

export async function isHandleTaken(handle: string, exceptUserId?: string) {
  const rows = await db()
    .select({ id: users.id })
    .from(users)
    .where(and(eq(lower(users.handle), handle.toLowerCase()), exceptUserId ? ne(users.id, exceptUserId) : undefined))
    .limit(1);
  return rows.length > 0;
}

export async function isEmailTaken(email: string) {
  const rows = await db().select({ id: users.id }).from(users).where(eq(lower(users.email), email.toLowerCase())).limit(1);
  return rows.length > 0;
}

/** Creates a member; a concurrent sign-up with the same handle or e-mail yields `taken`. */
export async function createMember(input: {
  displayName: string;
  handle: string;
  email: string;
  passwordHash: string | null;
}): Promise<{ id: string } | Taken> {
  try {
    const [row] = await db().insert(users).values(input).returning({ id: users.id });
    return row!;
  } catch (error) {
    const taken = takenField(error);
    if (taken) return taken;
    throw error;
  }
}

/** For sign-in only: the password hash of the account with this e-mail or handle. */
export async function findCredentials(identifier: string) {
  const key = identifier.toLowerCase();
  const column = key.includes('@') ? users.email : users.handle;
  const [row] = await db()
    .select({ id: users.id, passwordHash: users.passwordHash, suspendedAt: users.suspendedAt })
    .from(users)
    .where(eq(lower(column), key))
    .limit(1);
  return row;
}

/** The signed-in member as the header and pages need them. */
export async function getSessionUser(id: string) {
  const [row] = await db()
    .select({
      id: users.id,
      handle: users.handle,
      displayName: users.displayName,
      role: users.role,
      avatarUpdatedAt: users.avatarUpdatedAt,
      // lib/session.ts treats a suspended account as signed out.
      suspendedAt: users.suspendedAt,
      // New accounts get stricter rate limits (lib/rate-limits.ts).
      createdAt: users.createdAt,
      // Until set, the home page offers onboarding (/welcome).
      onboardedAt: users.onboardedAt,
    })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return row;
}

/** The settings form's starting values; only the member themself may read these. */
export async function getOwnProfile(viewerId: string) {
  const [row] = await db()
    .select({
      id: users.id,
      handle: users.handle,
      displayName: users.displayName,
      bio: users.bio,
      email: users.email,
      avatarUpdatedAt: users.avatarUpdatedAt,
    })
    .from(users)
    .where(eq(users.id, viewerId))
    .limit(1);
  return row;
}

/** A member's public page. Never selects the e-mail address. A suspended account has none. */
export async function getMemberByHandle(handle: string) {
  const [member] = await db()
    .select({
      id: users.id,
      handle: users.handle,
      displayName: users.displayName,
      bio: users.bio,
      avatarUpdatedAt: users.avatarUpdatedAt,
      followerCount: users.followerCount,
      createdAt: users.createdAt,
      mentor: mentorProfileColumns,
    })
    .from(users)
    .leftJoin(mentorProfiles, eq(mentorProfiles.userId, users.id))
    .where(and(eq(lower(users.handle), handle.toLowerCase()), isNull(users.suspendedAt)))
    .limit(1);
  if (!member) return undefined;
  const names = await tagNames(member.mentor?.tags ?? []);
  const tagList = (member.mentor?.tags ?? []).map((slug) => ({ slug, name: names.get(slug) ?? slug }));
  return { ...member, tags: tagList };
}

export async function updateProfile(
  viewerId: string,
  input: { displayName: string; handle: string; bio: string },
): Promise<{ ok: true } | Taken> {
  try {
    await db()
      .update(users)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(users.id, viewerId));
    return { ok: true };
  } catch (error) {
    const taken = takenField(error);
    if (taken) return taken;
    throw error;
  }
}

export async function setAvatar(viewerId: string, image: { mimeType: string; bytes: Buffer }) {
  const now = new Date();
  await db().transaction(async (tx) => {
    await tx
      .insert(avatars)
      .values({ userId: viewerId, ...image, updatedAt: now })
      .onConflictDoUpdate({ target: avatars.userId, set: { ...image, updatedAt: now } });
    await tx.update(users).set({ avatarUpdatedAt: now }).where(eq(users.id, viewerId));
  });
}

export async function removeAvatar(viewerId: string) {
  await db().transaction(async (tx) => {
    await tx.delete(avatars).where(eq(avatars.userId, viewerId));
    await tx.update(users).set({ avatarUpdatedAt: null }).where(eq(users.id, viewerId));
  });
}

export async function getAvatar(userId: string) {
  const [row] = await db()
    .select({ mimeType: avatars.mimeType, bytes: avatars.bytes, updatedAt: avatars.updatedAt })
    .from(avatars)
    .where(eq(avatars.userId, userId))
    .limit(1);
  return row;
}

/**
 * The member behind a GitHub or Google identity, created on first sign-in. An e-mail that
 * already belongs to a password account is not linked automatically (that would let anyone
 * who controls a provider account with that address take the account over): `conflict`.
 */
export async function findOrCreateOAuthMember(identity: {
  provider: string;
  providerAccountId: string;
  email: string;
  name: string;
  preferredHandle: string;
}): Promise<{ id: string } | { conflict: true }> {
  const [linked] = await db()
    .select({ id: oauthAccounts.userId })
    .from(oauthAccounts)
    .where(and(eq(oauthAccounts.provider, identity.provider), eq(oauthAccounts.providerAccountId, identity.providerAccountId)))
    .limit(1);
  if (linked) return linked;
  if (await isEmailTaken(identity.email)) return { conflict: true };

  const base = identity.preferredHandle.replace(/[^A-Za-z0-9_]/g, '').slice(0, 24).padEnd(3, '_') || 'member';
  for (let attempt = 0; attempt < 20; attempt++) {
    const handle = attempt === 0 ? base : `${base}${Math.floor(Math.random() * 10_000)}`;
    try {
      return await db().transaction(async (tx) => {
        const [user] = await tx
          .insert(users)
          .values({ handle, email: identity.email, displayName: identity.name.slice(0, 60) || handle, passwordHash: null })
          .returning({ id: users.id });
        await tx.insert(oauthAccounts).values({
          provider: identity.provider,
          providerAccountId: identity.providerAccountId,
          userId: user!.id,
        });
        return { id: user!.id };
      });
    } catch (error) {
      const taken = takenField(error);
      if (taken?.field === 'email') return { conflict: true };
      if (!taken) throw error;
    }
  }
  throw new Error('Could not find a free handle for the new member.');
}

/** A member's published posts, newest first, for their page (not those a moderator hid). */
export async function listPublishedPosts(authorId: string, limit = 10) {
  return db()
    .select({ slug: posts.slug, title: posts.title, excerpt: posts.excerpt, publishedAt: posts.publishedAt, readingMinutes: posts.readingMinutes })
    .from(posts)
    .where(and(eq(posts.authorId, authorId), eq(posts.status, 'published'), isNull(posts.hiddenAt)))
    .orderBy(desc(posts.publishedAt), desc(posts.id))
    .limit(limit);
}
