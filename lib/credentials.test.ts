import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db';
import { users } from '@/db/schema';
import { createTestDatabase } from '@/db/testing/test-database';
import { hashPassword } from '@/lib/password';
import { AccountSuspended, authorizeCredentials, TooManySignInAttempts } from './credentials';

// next-auth's entry imports Next's server internals, which do not load under Vitest; the
// error classes it re-exports come from @auth/core.
vi.mock('next-auth', async () => import('@auth/core/errors'));
// scrypt at full cost takes a good part of a second per guess, and these tests guess a lot;
// what they check is the counting, so the hashing is a cheap stand-in.
vi.mock('@/lib/password', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/password')>()),
  hashPassword: async (password: string) => `test$${password}`,
  verifyPassword: async (password: string, stored: string) => stored === `test$${password}`,
  burnPasswordCheck: async () => false as const,
}));
// As behind one load balancer (lib/client-address.ts): read before env() is first parsed.
vi.hoisted(() => {
  process.env.TRUST_PROXY_HEADERS = '1';
});

const PASSWORD = 'a long enough password';
let database: Database;
let passwordHash: string;
let n = 0;
let octet = 0;

async function member() {
  const handle = `cred_${++n}`;
  await database.db.insert(users).values({ handle, displayName: handle, email: `${handle}@example.com`, passwordHash });
  return handle;
}
/** A fresh address, as a load balancer would report it. */
const from = (address = `198.51.100.${++octet}`) => new Headers({ 'x-forwarded-for': address });
const attempt = (identifier: string, password: string, headers = from()) => authorizeCredentials({ identifier, password }, headers);

beforeAll(async () => {
  // A second into a 15-minute window, standing still: no test's attempts straddle its end.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-02T10:00:01Z'));
  database = await createTestDatabase();
  passwordHash = await hashPassword(PASSWORD);
});
afterAll(async () => {
  vi.useRealTimers();
  await database.close();
});

describe('authorizeCredentials', () => {
  it('signs in with the right password, by handle or e-mail in any case', async () => {
    const handle = await member();
    expect(await attempt(handle.toUpperCase(), PASSWORD)).toEqual({ id: expect.any(String) });
    expect(await attempt(`${handle}@EXAMPLE.com`, PASSWORD)).toEqual({ id: expect.any(String) });
    expect(await attempt(handle, 'not the password')).toBeNull();
  });

  it('refuses the 11th attempt on an account, the right password included, from any address', async () => {
    const handle = await member();
    // Alternating handle and e-mail does not buy more guesses: the count is the account's.
    for (let i = 0; i < 10; i++) expect(await attempt(i % 2 ? handle : `${handle}@example.com`, `guess ${i}`)).toBeNull();
    const refused = await attempt(handle, PASSWORD).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TooManySignInAttempts);
    expect((refused as TooManySignInAttempts).code).toBe('rate_limited');
    expect((refused as TooManySignInAttempts).retryAfterSeconds).toBe(15 * 60 - 1);
    // Someone else's account, from the same address, is not held up.
    expect(await attempt(await member(), PASSWORD)).toEqual({ id: expect.any(String) });
  });

  it('refuses guesses at accounts that do not exist just the same', async () => {
    for (let i = 0; i < 10; i++) expect(await attempt('nobody_here', `guess ${i}`)).toBeNull();
    await expect(attempt('NOBODY_HERE', 'guess')).rejects.toBeInstanceOf(TooManySignInAttempts);
  });

  it('refuses an address after 30 attempts across accounts', async () => {
    const address = from();
    const handles = await Promise.all(Array.from({ length: 31 }, () => member()));
    for (const handle of handles.slice(0, 30)) expect(await attempt(handle, 'guess', address)).toBeNull();
    await expect(attempt(handles[30]!, PASSWORD, address)).rejects.toBeInstanceOf(TooManySignInAttempts);
    // The same account from elsewhere is fine.
    expect(await attempt(handles[30]!, PASSWORD)).toEqual({ id: expect.any(String) });
  });

  it('forgives an account its mistakes once its owner signs in', async () => {
    const handle = await member();
    for (let i = 0; i < 9; i++) await attempt(handle, 'typo');
    expect(await attempt(handle, PASSWORD)).toEqual({ id: expect.any(String) });
    for (let i = 0; i < 9; i++) expect(await attempt(handle, 'typo')).toBeNull();
  });

  it('tells a suspended account so, but only given the right password', async () => {
    const handle = await member();
    await database.db.update(users).set({ suspendedAt: new Date() }).where(eq(users.handle, handle));
    expect(await attempt(handle, 'not the password')).toBeNull();
    const refused = await attempt(handle, PASSWORD).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AccountSuspended);
    expect((refused as AccountSuspended).code).toBe('suspended');
  });
});
