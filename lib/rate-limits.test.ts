import { describe, expect, it } from 'vitest';
import { limitFor, RATE_LIMITS, secondsLeft, tooManyAttempts, waitText, windowStart, type MemberRateLimit } from './rate-limits';

const DAY_MS = 24 * 3600 * 1000;

describe('rate limit rules', () => {
  it('gives accounts younger than three days the stricter variant, and then the regular one', () => {
    const now = new Date('2026-03-02T10:00:00Z');
    const created = (days: number) => new Date(now.getTime() - days * DAY_MS);
    expect(limitFor(RATE_LIMITS.comments, created(0), now)).toBe(RATE_LIMITS.comments.newAccount);
    expect(limitFor(RATE_LIMITS.comments, created(2.99), now)).toBe(RATE_LIMITS.comments.newAccount);
    expect(limitFor(RATE_LIMITS.comments, created(3), now)).toBe(RATE_LIMITS.comments);
    // A limit without a new-account variant applies to everyone.
    expect(limitFor(RATE_LIMITS.requests, created(0), now)).toBe(RATE_LIMITS.requests);
  });

  it('keeps every new-account variant stricter than the regular limit, under a counter of its own', () => {
    const limits: MemberRateLimit[] = Object.values(RATE_LIMITS);
    for (const limit of limits.filter((l) => l.newAccount)) {
      const strict = limit.newAccount!;
      expect(strict.max / strict.windowSeconds, limit.name).toBeLessThan(limit.max / limit.windowSeconds);
      expect(strict.name, limit.name).not.toBe(limit.name);
    }
    const names = limits.flatMap((l) => [l.name, l.newAccount?.name]).filter(Boolean);
    expect(new Set(names).size).toBe(names.length);
  });

  it('aligns windows to multiples of their length, the same on every instance', () => {
    const limit = { name: 'x', max: 1, windowSeconds: 15 * 60 };
    expect(windowStart(limit, new Date('2026-03-02T10:14:59.999Z')).toISOString()).toBe('2026-03-02T10:00:00.000Z');
    expect(windowStart(limit, new Date('2026-03-02T10:15:00.000Z')).toISOString()).toBe('2026-03-02T10:15:00.000Z');
    expect(windowStart({ ...limit, windowSeconds: 86_400 }, new Date('2026-03-02T23:59:00Z')).toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(secondsLeft(limit, new Date('2026-03-02T10:14:18.200Z'))).toBe(42);
    expect(secondsLeft(limit, new Date('2026-03-02T10:14:59.999Z'))).toBe(1);
  });

  it('says how long to wait in words, rounded up', () => {
    expect(waitText(1)).toBe('1 second');
    expect(waitText(42)).toBe('42 seconds');
    expect(waitText(90)).toBe('90 seconds');
    expect(waitText(91)).toBe('2 minutes');
    expect(waitText(60 * 60)).toBe('60 minutes');
    expect(waitText(90 * 60 + 1)).toBe('2 hours');
    expect(waitText(20 * 3600 + 1)).toBe('21 hours');
    expect(tooManyAttempts(42)).toBe('Too many attempts. Try again in 42 seconds.');
    expect(tooManyAttempts(61, 'One a minute.')).toBe('Too many attempts. One a minute. Try again in 61 seconds.');
  });
});
