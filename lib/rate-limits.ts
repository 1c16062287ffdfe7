import { plural } from '@/lib/format';

/**
 * How often a thing may be done: at most `max` times per fixed window of `windowSeconds`.
 * Windows start at multiples of their length since the Unix epoch (a day's at 00:00 UTC), so
 * every app instance agrees on them; the counters live in Postgres (db/queries/rate-limits.ts).
 * A fixed window lets a burst straddling its boundary reach twice `max`: fine for limits meant
 * to stop scripts and floods, not to meter people exactly.
 */
export type RateLimit = {
  /** Prefix of the counter's key in rate_limits; renaming it starts the counts over. */
  name: string;
  max: number;
  windowSeconds: number;
  /** Said before "Try again in …" when the limit is not self-explanatory. */
  reason?: string;
};

/** A limit on what members do, stricter while their account is new. */
export type MemberRateLimit = RateLimit & { newAccount?: RateLimit };

/** Accounts younger than this get the `newAccount` limits: the age of most throwaway spam accounts. */
export const NEW_ACCOUNT_DAYS = 3;

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Every rate limit, in one place. Forem's defaults were the reference (9 comments per 30 s,
 * 1 per 5 minutes for new accounts, 500 follows a day). Each is keyed by what it names:
 * the account tried, the client's address, or the member acting.
 */
export const RATE_LIMITS = {
  /**
   * Guessing one account's password, from however many addresses. Counted before the password
   * is checked, so parallel guesses cannot slip past; a successful sign-in clears it, so a
   * member who mistypes a few times is not held to it afterwards. Key: the account's id, or
   * the lower-cased identifier when no such account exists.
   */
  signInAccount: { name: 'sign-in:account', max: 10, windowSeconds: 15 * MINUTE },
  /**
   * One address trying many accounts (credential stuffing). Never cleared by a success (one
   * account of the attacker's own would reset it). 30 leaves room for an office behind one NAT.
   * Key: the client's address, when it can be known (lib/client-address.ts).
   */
  signInAddress: { name: 'sign-in:address', max: 30, windowSeconds: 15 * MINUTE },
  /** Accounts made from one address; also bounds probing which e-mails have accounts. */
  signUpAddress: { name: 'sign-up:address', max: 5, windowSeconds: HOUR },
  /**
   * Mentorship requests, and offers or proposals, sent by one member (each its own counter).
   * Each lands in a person's inbox; ten a day is plenty for someone really looking.
   */
  requests: { name: 'requests', max: 10, windowSeconds: DAY, reason: 'You can send 10 requests a day.' },
  offers: { name: 'offers', max: 10, windowSeconds: DAY, reason: 'You can send 10 offers or proposals a day.' },
  /**
   * Comments and replies. New accounts: Forem's 1 per 5 minutes would stop a newcomer's first
   * back-and-forth; 5 per 10 minutes keeps the same order of pace (one per two minutes) while
   * letting them answer a couple of replies in a row.
   */
  comments: {
    name: 'comments',
    max: 9,
    windowSeconds: 30,
    reason: 'You are commenting faster than we allow.',
    newAccount: {
      name: 'comments:new',
      max: 5,
      windowSeconds: 10 * MINUTE,
      reason: `New accounts can post 5 comments every 10 minutes for their first ${NEW_ACCOUNT_DAYS} days.`,
    },
  },
  /**
   * Posts created (draft or published at once). Every published post was created first, so
   * this bounds publishing too, and editing a published post is not counted.
   */
  posts: {
    name: 'posts',
    max: 5,
    windowSeconds: HOUR,
    reason: 'You can start 5 posts an hour.',
    newAccount: {
      name: 'posts:new',
      max: 1,
      windowSeconds: HOUR,
      reason: `New accounts can start 1 post an hour for their first ${NEW_ACCOUNT_DAYS} days.`,
    },
  },
  /** Follows (unfollows are free). Each notifies the person followed. */
  follows: {
    name: 'follows',
    max: 500,
    windowSeconds: DAY,
    reason: 'You can follow 500 people a day.',
    newAccount: {
      name: 'follows:new',
      max: 50,
      windowSeconds: DAY,
      reason: `New accounts can follow 50 people a day for their first ${NEW_ACCOUNT_DAYS} days.`,
    },
  },
  /** Reports filed by one member; past this, reports are more likely noise than help. */
  reports: { name: 'reports', max: 20, windowSeconds: DAY, reason: 'You can send 20 reports a day.' },
} as const satisfies Record<string, MemberRateLimit>;

/** The limit that applies to a member whose account was created at `accountCreatedAt`. */
export function limitFor(limit: MemberRateLimit, accountCreatedAt: Date, now = new Date()): RateLimit {
  const isNew = now.getTime() - accountCreatedAt.getTime() < NEW_ACCOUNT_DAYS * DAY * 1000;
  return isNew && limit.newAccount ? limit.newAccount : limit;
}

/** The start of the window `now` falls in. */
export function windowStart(limit: RateLimit, now: Date): Date {
  const length = limit.windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / length) * length);
}

/** Whole seconds until the window `now` falls in ends: at least 1. */
export function secondsLeft(limit: RateLimit, now: Date): number {
  const end = windowStart(limit, now).getTime() + limit.windowSeconds * 1000;
  return Math.max(1, Math.ceil((end - now.getTime()) / 1000));
}

/** "42 seconds", "15 minutes", "7 hours": rounded up, so the wait is never longer than said. */
export function waitText(seconds: number): string {
  if (seconds <= 90) return plural(seconds, 'second');
  const minutes = Math.ceil(seconds / MINUTE);
  if (minutes <= 90) return plural(minutes, 'minute');
  return plural(Math.ceil(seconds / HOUR), 'hour');
}

/** What the form says when a limit is reached. */
export function tooManyAttempts(retryAfterSeconds: number, reason?: string): string {
  return ['Too many attempts.', reason, `Try again in ${waitText(retryAfterSeconds)}.`].filter(Boolean).join(' ');
}
