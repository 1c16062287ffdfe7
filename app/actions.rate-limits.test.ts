/**
 * The server actions themselves, called as a form posts them, each checked to refuse the attempt
 * past its limit (lib/rate-limits.ts) with "Try again in …" by the form — so removing a check
 * from an action fails here. Sessions and sign-in run through the real Auth.js core
 * (actions.test-support.ts); the database is a real one.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db';
import { users } from '@/db/schema';
import { createTestDatabase } from '@/db/testing/test-database';
import { hashPassword } from '@/lib/password';
import { actAs, callAction, request, type AnyAction, type FormFields, type Outcome } from './actions.test-support';

vi.mock('next/headers', async () => (await import('./actions.test-support')).nextHeadersMock());
vi.mock('next/navigation', async () => (await import('./actions.test-support')).nextNavigationMock());
vi.mock('next/cache', async () => (await import('./actions.test-support')).nextCacheMock());
vi.mock('next-auth', async () => (await import('./actions.test-support')).nextAuthModule());
// scrypt at full cost takes a good part of a second per guess, and these tests guess a lot;
// what they check is the counting, so the hashing is a cheap stand-in.
vi.mock('@/lib/password', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/password')>()),
  hashPassword: async (password: string) => `test$${password}`,
  verifyPassword: async (password: string, stored: string) => stored === `test$${password}`,
  burnPasswordCheck: async () => false as const,
}));
// As behind one load balancer (lib/client-address.ts), so per-address limits apply; read
// before env() is first parsed.
vi.hoisted(() => {
  process.env.TRUST_PROXY_HEADERS = '1';
});

const { createPostAction, addCommentAction, followAction } = await import('./posts/actions');
const { sendRequestAction } = await import('./u/[handle]/ask/actions');
const { makeOfferAction } = await import('./(app)/connections/actions');
const { signInAction, signUpAction } = await import('./(auth)/actions');

const PASSWORD = 'a long enough password';
const DAY_MS = 24 * 3600 * 1000;
let database: Database;
let passwordHash: string;
let n = 0;

/** A member whose account is `ageDays` old, signed in for the calls that follow. */
async function signedIn(ageDays = 0) {
  const handle = `rl_${++n}`;
  const [row] = await database.db
    .insert(users)
    .values({ handle, displayName: `Member ${n}`, email: `${handle}@example.com`, passwordHash, createdAt: new Date(Date.now() - ageDays * DAY_MS) })
    .returning({ id: users.id });
  await actAs(row!.id);
  return { id: row!.id, handle, email: `${handle}@example.com` };
}

const submit = (action: unknown, fields: FormFields) => callAction(action as AnyAction, fields);
const passed = (o: Outcome) => o.kind === 'ok' || o.kind === 'redirect';
const TRY_AGAIN = /^Too many attempts\. .*Try again in \d+ (seconds?|minutes?|hours?)\.$/;
const RATE_REFUSAL = { kind: 'refused', value: { error: expect.stringMatching(TRY_AGAIN) } };
/** Refused for the rate, said in the form's summary, with what was typed kept (never a password). */
function expectRefusedForRate(outcome: Outcome, kept: Record<string, string> = {}) {
  expect(outcome.kind, JSON.stringify(outcome)).toBe('refused');
  const { value } = outcome as Extract<Outcome, { kind: 'refused' }>;
  expect(value.error).toMatch(TRY_AGAIN);
  expect(value.values ?? {}).toMatchObject(kept);
  expect(value.values ?? {}).not.toHaveProperty('password');
  return value.error;
}

beforeAll(async () => {
  // The clock stands still a second into every window (30 s, 10 min, 15 min, an hour, a day),
  // so no test's attempts straddle a window's end. Only Date: timers and I/O run as usual.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-02T10:00:01Z'));
  database = await createTestDatabase();
  passwordHash = await hashPassword(PASSWORD);
});
afterAll(async () => {
  vi.useRealTimers();
  await database.close();
});

describe('posts and comments', () => {
  async function publishedPost() {
    await signedIn(30);
    const saved = await submit(createPostAction, { title: 'A post to discuss', body: 'Some words.', intent: 'publish' });
    expect(saved).toMatchObject({ kind: 'redirect', location: expect.stringMatching(/^\/posts\/.+\?published=1$/) });
    const slug = (saved as { location: string }).location.slice('/posts/'.length).split('?')[0]!;
    const [post] = await database.raw<{ id: string }>('select id from posts where slug = $1', [slug]);
    return post!.id;
  }

  it('a new account posts 5 comments in 10 minutes; the 6th is refused and kept in the form', async () => {
    const postId = await publishedPost();
    await signedIn(1);
    for (let i = 1; i <= 5; i++) expect(passed(await submit(addCommentAction, { postId, body: `Comment ${i}` })), `comment ${i}`).toBe(true);
    const error = expectRefusedForRate(await submit(addCommentAction, { postId, body: 'Comment 6' }), { body: 'Comment 6' });
    expect(error).toBe('Too many attempts. New accounts can post 5 comments every 10 minutes for their first 3 days. Try again in 10 minutes.');
  });

  it('an established account posts 9 comments in 30 seconds; replies count too', async () => {
    const postId = await publishedPost();
    await signedIn(10);
    const first = await submit(addCommentAction, { postId, body: 'Top-level' });
    const parentId = (first as { value: { data: { id: string } } }).value.data.id;
    const outcomes = [first];
    for (let i = 0; i < 9; i++) outcomes.push(await submit(addCommentAction, { postId, parentId, body: `Reply ${i}` }));
    expect(outcomes.filter(passed)).toHaveLength(9);
    expectRefusedForRate(outcomes[9]!, { body: 'Reply 8' });
  });

  it('a new account starts one post an hour; the second is refused with what was typed', async () => {
    await signedIn(0);
    expect(await submit(createPostAction, { title: 'First', body: 'Hello.', intent: 'draft' })).toMatchObject({ kind: 'redirect' });
    expectRefusedForRate(await submit(createPostAction, { title: 'Second', body: 'Again.', intent: 'publish' }), { title: 'Second', body: 'Again.' });
  });

  it('a new account follows 50 times a day; unfollowing is never refused', async () => {
    const target = await signedIn(30);
    await signedIn(0);
    for (let i = 0; i < 50; i++) expect(passed(await submit(followAction, { memberId: target.id, follow: '1' }))).toBe(true);
    expectRefusedForRate(await submit(followAction, { memberId: target.id, follow: '1' }));
    expect(passed(await submit(followAction, { memberId: target.id, follow: '0' }))).toBe(true);
  });
});

describe('requests and offers', () => {
  const requestFields = () => ({
    mentorId: randomUUID(),
    message: 'Hello! I am a backend developer and would like to learn how to design systems that last.',
    goal: 'Design a service end to end',
    cadence: 'weekly',
    lengthWeeks: '8',
  });

  it('the 11th request of the day is refused, whatever became of the first ten', async () => {
    await signedIn(30);
    // To mentors who do not exist: refused, but attempts all the same.
    for (let i = 0; i < 10; i++) expect(await submit(sendRequestAction, requestFields())).not.toMatchObject(RATE_REFUSAL);
    const error = expectRefusedForRate(await submit(sendRequestAction, requestFields()), { cadence: 'weekly' });
    expect(error).toContain('You can send 10 requests a day.');
  });

  it('the 11th offer or proposal of the day is refused', async () => {
    await signedIn(30);
    const offer = () => ({ kind: 'offer', partnerId: randomUUID(), message: 'I would be glad to mentor you.' });
    for (let i = 0; i < 10; i++) expect(await submit(makeOfferAction, offer())).not.toMatchObject(RATE_REFUSAL);
    expectRefusedForRate(await submit(makeOfferAction, offer()), { message: 'I would be glad to mentor you.' });
  });
});

describe('signing up and in', () => {
  const signUpFields = () => {
    const handle = `new_${++n}`;
    return { displayName: 'New member', handle, email: `${handle}@example.com`, password: PASSWORD };
  };

  it('an address makes 5 accounts an hour; the 6th is refused, another address is not', async () => {
    await actAs(undefined);
    request.ip = '203.0.113.50';
    for (let i = 0; i < 5; i++) expect(await submit(signUpAction, signUpFields())).toMatchObject({ kind: 'redirect', location: '/welcome' });
    const fields = signUpFields();
    expectRefusedForRate(await submit(signUpAction, fields), { handle: fields.handle, email: fields.email });
    expect(await database.db.select().from(users).where(eq(users.handle, fields.handle))).toEqual([]);
    request.ip = '203.0.113.51';
    expect(await submit(signUpAction, signUpFields())).toMatchObject({ kind: 'redirect' });
  });

  it('ten wrong passwords for an account, from ten addresses; then "Try again in …", the right password included', async () => {
    const { handle, email } = await signedIn(30);
    await actAs(undefined);
    for (let i = 0; i < 10; i++) {
      request.ip = `192.0.2.${i + 1}`;
      expect(await submit(signInAction, { identifier: handle, password: `guess ${i}` })).toMatchObject({
        kind: 'refused',
        value: { error: 'E-mail, handle or password is incorrect.' },
      });
    }
    request.ip = '192.0.2.99';
    expect(await submit(signInAction, { identifier: email, password: PASSWORD })).toMatchObject({
      kind: 'refused',
      value: { error: 'Too many attempts. Try again in 15 minutes.', values: { identifier: email } },
    });
  });

  it('thirty attempts from one address across accounts; the 31st is refused', async () => {
    await actAs(undefined);
    request.ip = '198.51.100.200';
    for (let i = 0; i < 30; i++) await submit(signInAction, { identifier: `nobody_${i}`, password: 'guess' });
    const { handle } = await signedIn(30);
    await actAs(undefined);
    request.ip = '198.51.100.200';
    expect(await submit(signInAction, { identifier: handle, password: PASSWORD })).toMatchObject(RATE_REFUSAL);
    request.ip = '198.51.100.201';
    expect(await submit(signInAction, { identifier: handle, password: PASSWORD })).toMatchObject({ kind: 'redirect', location: '/' });
  });

  it('a suspended account is told so', async () => {
    const { id, handle } = await signedIn(30);
    await database.db.update(users).set({ suspendedAt: new Date() }).where(eq(users.id, id));
    await actAs(undefined);
    expect(await submit(signInAction, { identifier: handle, password: PASSWORD })).toMatchObject({
      kind: 'refused',
      value: { error: 'This account is suspended.' },
    });
  });
});
