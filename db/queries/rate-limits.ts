import 'server-only';
import { and, eq, lt, sql } from 'drizzle-orm';
import { db, type Db } from '@/db';
import { rateLimits } from '@/db/schema';
import { limitFor, RATE_LIMITS, secondsLeft, tooManyAttempts, windowStart, type MemberRateLimit, type RateLimit } from '@/lib/rate-limits';

export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number; message: string };

const keyOf = (limit: RateLimit, subject: string) => `${limit.name}:${subject}`;

/**
 * Counts one attempt against `limit` for `subject` (an account, an address, a member) and says
 * whether it is within the limit. One upsert: concurrent attempts on any number of app
 * instances each get their own count, so exactly `max` of them pass. Refused attempts count
 * too; in a fixed window that changes nothing but the figure.
 */
export async function hit(limit: RateLimit, subject: string, now = new Date(), database: Db = db()): Promise<RateLimitResult> {
  const start = windowStart(limit, now);
  const [row] = await database
    .insert(rateLimits)
    .values({ key: keyOf(limit, subject), windowStart: start, count: 1, expiresAt: new Date(start.getTime() + limit.windowSeconds * 1000) })
    .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: sql`${rateLimits.count} + 1` } })
    .returning({ count: rateLimits.count });
  if (row!.count <= limit.max) return { ok: true };
  const retryAfterSeconds = secondsLeft(limit, now);
  return { ok: false, retryAfterSeconds, message: tooManyAttempts(retryAfterSeconds, limit.reason) };
}

/** Forgets the attempts counted against `subject` in the current window. */
export async function clearHits(limit: RateLimit, subject: string, now = new Date()) {
  await db()
    .delete(rateLimits)
    .where(and(eq(rateLimits.key, keyOf(limit, subject)), eq(rateLimits.windowStart, windowStart(limit, now))));
}

/** Counts a member's action, with the stricter limit while their account is new. */
export function limitMember(limit: MemberRateLimit, member: { id: string; createdAt: Date }, now = new Date()) {
  return hit(limitFor(limit, member.createdAt, now), member.id, now);
}

/** Counts an attempt from an address; passes when the address is unknown (see lib/client-address.ts). */
export async function limitAddress(limit: RateLimit, address: string | undefined, now = new Date()): Promise<RateLimitResult> {
  return address ? hit(limit, address, now) : { ok: true };
}

/**
 * Counts a sign-in attempt against the account (its id, or the identifier typed when there is
 * no such account) and the address. Both are counted even when one refuses, so an attacker
 * cannot spend one limit's budget without the other's. The longer wait is the one reported.
 */
export async function limitSignIn(account: { id: string } | { identifier: string }, address: string | undefined, now = new Date()) {
  const subject = 'id' in account ? `id:${account.id}` : `name:${account.identifier.toLowerCase()}`;
  const results = await Promise.all([hit(RATE_LIMITS.signInAccount, subject, now), limitAddress(RATE_LIMITS.signInAddress, address, now)]);
  const refused = results.filter((r) => !r.ok);
  if (!refused.length) return { ok: true as const };
  return refused.reduce((a, b) => (b.retryAfterSeconds > a.retryAfterSeconds ? b : a));
}

/** After a successful sign-in: the member's own mistakes no longer count against them. */
export const forgiveSignIn = (accountId: string, now = new Date()) => clearHits(RATE_LIMITS.signInAccount, `id:${accountId}`, now);

/** Deletes counters whose window is over (run periodically by db/jobs.ts). */
export async function cleanupRateLimits(now = new Date()): Promise<number> {
  const deleted = await db().delete(rateLimits).where(lt(rateLimits.expiresAt, now)).returning({ key: rateLimits.key });
  return deleted.length;
}
