import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fromPostgres, type Database } from '@/db';
import { withDatabase } from '@/db/testing/global-setup';
import { rows } from '@/db/testing/rows';
import { createTestDatabase } from '@/db/testing/test-database';
import { RATE_LIMITS, type RateLimit } from '@/lib/rate-limits';
import { cleanupRateLimits, clearHits, forgiveSignIn, hit, limitAddress, limitMember, limitSignIn } from './rate-limits';

let database: Database;
let n = 0;
/** A fresh subject per test, so tests never share a counter. */
const subject = () => `subject-${++n}`;

const MINUTE_LIMIT: RateLimit = { name: 'test:minute', max: 3, windowSeconds: 60 };
// 2026-03-02 10:00:00 UTC: a whole minute, hour and day.
const T0 = new Date('2026-03-02T10:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const DAY_MS = 24 * 3600 * 1000;

const allowed = (results: { ok: boolean }[]) => results.filter((r) => r.ok).length;

async function counters(key: string) {
  return rows<{ count: number; window_start: string | Date }>(
    database,
    sql`select count, window_start from rate_limits where key = ${key} order by window_start`,
  );
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('hit', () => {
  it('allows exactly max attempts in a window and refuses the next, saying how long to wait', async () => {
    const who = subject();
    for (let i = 1; i <= 3; i++) expect(await hit(MINUTE_LIMIT, who, at(i)), `attempt ${i}`).toEqual({ ok: true });
    const refused = await hit(MINUTE_LIMIT, who, at(18));
    expect(refused).toEqual({ ok: false, retryAfterSeconds: 42, message: 'Too many attempts. Try again in 42 seconds.' });
    // Still refused in the window's last millisecond, with at least a second to wait.
    expect(await hit(MINUTE_LIMIT, who, at(59.999))).toMatchObject({ ok: false, retryAfterSeconds: 1 });
    expect(await counters(`test:minute:${who}`)).toEqual([expect.objectContaining({ count: 5 })]);
  });

  it('starts over when the window rolls over', async () => {
    const who = subject();
    for (let i = 0; i < 4; i++) await hit(MINUTE_LIMIT, who, at(50 + i));
    expect(await hit(MINUTE_LIMIT, who, at(59))).toMatchObject({ ok: false });
    expect(await hit(MINUTE_LIMIT, who, at(60))).toEqual({ ok: true });
    expect(await hit(MINUTE_LIMIT, who, at(61))).toEqual({ ok: true });
    expect(await hit(MINUTE_LIMIT, who, at(62))).toEqual({ ok: true });
    expect(await hit(MINUTE_LIMIT, who, at(63))).toMatchObject({ ok: false, retryAfterSeconds: 57 });
  });

  it('keeps separate counts per subject and per limit', async () => {
    const [a, b] = [subject(), subject()];
    const other: RateLimit = { name: 'test:other', max: 1, windowSeconds: 60 };
    for (let i = 0; i < 3; i++) await hit(MINUTE_LIMIT, a, at(1));
    expect(await hit(MINUTE_LIMIT, a, at(2))).toMatchObject({ ok: false });
    expect(await hit(MINUTE_LIMIT, b, at(2))).toEqual({ ok: true });
    expect(await hit(other, a, at(2))).toEqual({ ok: true });
  });

  it('lets exactly max of 20 simultaneous attempts through', async () => {
    const who = subject();
    const limit: RateLimit = { name: 'test:burst', max: 9, windowSeconds: 30 };
    const results = await Promise.all(Array.from({ length: 20 }, () => hit(limit, who, at(5))));
    expect(allowed(results)).toBe(9);
    expect(await counters(`test:burst:${who}`)).toEqual([expect.objectContaining({ count: 20 })]);
  });

  it('says minutes or hours when the wait is long', async () => {
    const who = subject();
    const daily: RateLimit = { name: 'test:daily', max: 1, windowSeconds: 24 * 3600, reason: 'One a day.' };
    await hit(daily, who, at(0));
    expect(await hit(daily, who, at(0))).toMatchObject({ message: 'Too many attempts. One a day. Try again in 14 hours.' });
    const hourly: RateLimit = { name: 'test:hourly', max: 1, windowSeconds: 3600 };
    await hit(hourly, who, at(0));
    expect(await hit(hourly, who, at(60 * 45 + 1))).toMatchObject({ message: 'Too many attempts. Try again in 15 minutes.' });
  });
});

// Each instance of the app holds its own connection pool; the counts must add up across them.
// PGlite is one process's embedded database, so this is defined only in the suite's Postgres run.
const templateUrl = inject('templateDatabaseUrl');
(templateUrl ? describe : () => {})('two app instances', () => {
  it('count together: of 20 attempts spread over two pools, exactly 9 pass', async () => {
    const [{ name }] = (await database.raw<{ name: string }>('select current_database() as name')) as [{ name: string }];
    const second = fromPostgres(withDatabase(templateUrl, name), { max: 5 });
    try {
      const who = subject();
      const limit: RateLimit = { name: 'test:instances', max: 9, windowSeconds: 30 };
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => hit(limit, who, at(5), i % 2 ? second.db : database.db)),
      );
      expect(allowed(results)).toBe(9);
      // And each sees the other's attempts afterwards.
      expect(await hit(limit, who, at(6), second.db)).toMatchObject({ ok: false });
      expect(await hit(limit, who, at(6), database.db)).toMatchObject({ ok: false });
    } finally {
      await second.close();
    }
  });
});

describe('limits on members', () => {
  const member = (ageDays: number, now = T0) => ({ id: subject(), createdAt: new Date(now.getTime() - ageDays * DAY_MS) });

  it('holds accounts younger than three days to the stricter comment limit', async () => {
    const newcomer = member(2.9);
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await limitMember(RATE_LIMITS.comments, newcomer, at(i)));
    expect(allowed(results)).toBe(5);
    expect(results[5]).toMatchObject({ ok: false, message: expect.stringMatching(/^Too many attempts\. New accounts can post 5 comments every 10 minutes.* Try again in 10 minutes\.$/) });
  });

  it('gives established accounts Forem’s 9 comments per 30 seconds', async () => {
    const regular = member(3);
    const results = [];
    for (let i = 0; i < 10; i++) results.push(await limitMember(RATE_LIMITS.comments, regular, at(1)));
    expect(allowed(results)).toBe(9);
    expect(results[9]).toMatchObject({ ok: false, retryAfterSeconds: 29 });
    expect(await limitMember(RATE_LIMITS.comments, regular, at(30))).toEqual({ ok: true });
  });

  it('lets a new account start one post an hour, an established one five', async () => {
    const [newcomer, regular] = [member(1), member(30)];
    expect(await limitMember(RATE_LIMITS.posts, newcomer, at(0))).toEqual({ ok: true });
    expect(await limitMember(RATE_LIMITS.posts, newcomer, at(10))).toMatchObject({ ok: false });
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await limitMember(RATE_LIMITS.posts, regular, at(i)));
    expect(allowed(results)).toBe(5);
  });

  it('counts follows per day: 50 for a new account', async () => {
    const newcomer = member(0);
    const results = await Promise.all(Array.from({ length: 55 }, () => limitMember(RATE_LIMITS.follows, newcomer, at(0))));
    expect(allowed(results)).toBe(50);
  });
});

describe('limits on sign-in', () => {
  it('refuses the 11th attempt on one account, whichever addresses it comes from', async () => {
    const account = { id: subject() };
    for (let i = 0; i < 10; i++) expect(await limitSignIn(account, `198.51.100.${i}`, at(i))).toEqual({ ok: true });
    expect(await limitSignIn(account, '198.51.100.99', at(20))).toMatchObject({ ok: false, retryAfterSeconds: 15 * 60 - 20 });
  });

  it('counts an unknown account by the identifier typed, in any letter case', async () => {
    const name = `${subject()}@example.com`;
    for (let i = 0; i < 10; i++) await limitSignIn({ identifier: i % 2 ? name.toUpperCase() : name }, undefined, at(i));
    expect(await limitSignIn({ identifier: name }, undefined, at(11))).toMatchObject({ ok: false });
  });

  it('refuses the 31st attempt from one address, whichever accounts it tries', async () => {
    const address = `203.0.113.${++n % 250}`;
    const results = [];
    for (let i = 0; i < 31; i++) results.push(await limitSignIn({ identifier: `${subject()}` }, address, at(i)));
    expect(allowed(results)).toBe(30);
    expect(results[30]).toMatchObject({ ok: false });
  });

  it('skips the address limit when the address is unknown, and writes nothing for it', async () => {
    expect(await limitAddress(RATE_LIMITS.signUpAddress, undefined, at(0))).toEqual({ ok: true });
    expect(await rows(database, sql`select 1 from rate_limits where key like 'sign-up:address:%'`)).toEqual([]);
  });

  it('forgives an account its failed attempts once it signs in', async () => {
    const account = { id: subject() };
    for (let i = 0; i < 10; i++) await limitSignIn(account, undefined, at(i));
    await forgiveSignIn(account.id, at(10));
    for (let i = 0; i < 10; i++) expect(await limitSignIn(account, undefined, at(11 + i))).toEqual({ ok: true });
    expect(await limitSignIn(account, undefined, at(30))).toMatchObject({ ok: false });
  });

  it('clears only the counter asked for', async () => {
    const [a, b] = [subject(), subject()];
    await hit(MINUTE_LIMIT, a, at(0));
    await hit(MINUTE_LIMIT, b, at(0));
    await clearHits(MINUTE_LIMIT, a, at(1));
    expect(await counters(`test:minute:${a}`)).toEqual([]);
    expect(await counters(`test:minute:${b}`)).toHaveLength(1);
  });
});

describe('cleanupRateLimits', () => {
  it('deletes the counters whose window is over, and only those', async () => {
    const who = subject();
    const limit: RateLimit = { name: 'test:cleanup', max: 5, windowSeconds: 60 };
    await hit(limit, who, at(0));
    await hit(limit, who, at(60));
    await cleanupRateLimits(at(61));
    const left = await counters(`test:cleanup:${who}`);
    expect(left).toHaveLength(1);
    expect(new Date(left[0]!.window_start).toISOString()).toBe(at(60).toISOString());
  });
});
