import { asc, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db';
import { follows, mentorProfiles, mentorships, tags, users } from '@/db/schema';
import { createTestDatabase } from '@/db/testing/test-database';
import { rows } from '@/db/testing/rows';
import { verifyPassword } from '@/lib/password';
import { handleSchema } from '@/lib/validation/account';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoAccountsText, isDatabaseEmpty, seedDemoData, type SeedCounts } from './demo';

let database: Database;
let firstRun: SeedCounts;

beforeAll(async () => {
  database = await createTestDatabase();
  expect(await isDatabaseEmpty(database.db)).toBe(true);
  firstRun = await seedDemoData(database.db);
});

afterAll(async () => {
  await database?.close();
});

const allHandles = async () =>
  (await database.db.select({ handle: users.handle }).from(users).orderBy(asc(users.handle))).map((u) => u.handle);

const tableCount = async (table: typeof users | typeof mentorProfiles | typeof tags | typeof mentorships | typeof follows) =>
  (await database.db.select({ n: count() }).from(table))[0]!.n;

const userId = async (handle: string) =>
  (await database.db.select({ id: users.id }).from(users).where(eq(users.handle, handle)))[0]!.id;

/** Checks that must hold after any seed, at any size. */
async function expectConsistentCommunity() {
  const handles = await allHandles();
  expect(new Set(handles.map((h) => h.toLowerCase())).size).toBe(handles.length);
  for (const handle of handles) expect(handleSchema.safeParse(handle).success, handle).toBe(true);

  // The follows_count trigger kept every follower_count equal to the real count.
  const wrongFollowerCounts = await rows<{ n: number }>(
    database,
    sql`select count(*)::int as n from users u
        where u.follower_count <> (select count(*) from follows f where f.followee_id = u.id)`,
  );
  expect(wrongFollowerCounts[0]!.n).toBe(0);
  const selfFollows = await rows<{ n: number }>(database, sql`select count(*)::int as n from follows where follower_id = followee_id`);
  expect(selfFollows[0]!.n).toBe(0);

  // The mentorships_count trigger kept active_mentee_count equal to the real count.
  const slots = await rows<{ capacity: number; counted: number; real: number }>(
    database,
    sql`select p.capacity, p.active_mentee_count as counted,
          (select count(*)::int from mentorships m where m.mentor_id = p.user_id and m.status = 'active') as real
        from mentor_profiles p`,
  );
  for (const slot of slots) {
    expect(slot.counted).toBe(slot.real);
    expect(slot.counted).toBeLessThanOrEqual(slot.capacity);
  }
  expect(slots.some((s) => s.counted === s.capacity)).toBe(true);
  expect(slots.some((s) => s.counted < s.capacity)).toBe(true);
  expect(slots.some((s) => s.counted > 0)).toBe(true);

  const [demoMentor, demoMentee] = [await userId('demo_mentor'), await userId('demo_mentee')];
  const demoMentees = await database.db
    .select({ menteeId: mentorships.menteeId })
    .from(mentorships)
    .where(sql`${mentorships.mentorId} = ${demoMentor} and ${mentorships.status} = 'active'`);
  expect(demoMentees).toHaveLength(2);
  expect(demoMentees.map((m) => m.menteeId)).not.toContain(demoMentee);

  const menteeFollows = await database.db
    .select({ followee: follows.followeeId, mentor: mentorProfiles.userId })
    .from(follows)
    .leftJoin(mentorProfiles, eq(mentorProfiles.userId, follows.followeeId))
    .where(eq(follows.followerId, demoMentee));
  expect(menteeFollows.map((f) => f.followee)).toContain(demoMentor);
  expect(menteeFollows.filter((f) => f.mentor !== null).length).toBeGreaterThanOrEqual(6);
}

describe('seedDemoData', () => {
  it('creates a community of mentors and members', async () => {
    expect(firstRun).toEqual({
      users: await tableCount(users),
      mentors: await tableCount(mentorProfiles),
      tags: await tableCount(tags),
      mentorships: await tableCount(mentorships),
      follows: await tableCount(follows),
    });
    expect(firstRun.users).toBe(160);
    expect(firstRun.mentors).toBe(40);
    expect(await isDatabaseEmpty(database.db)).toBe(false);
  });

  it('creates the demo accounts, only the mentor with a profile', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const [row] = await database.db
        .select({ email: users.email, profile: mentorProfiles.userId })
        .from(users)
        .leftJoin(mentorProfiles, eq(mentorProfiles.userId, users.id))
        .where(eq(users.handle, account.handle));
      expect(row, account.handle).toBeDefined();
      expect(row!.email).toBe(account.email);
      expect(row!.profile !== null, account.handle).toBe(account.role === 'mentor');
    }
    expect(demoAccountsText()).toContain('demo_mentee');
    expect(demoAccountsText()).toContain(DEMO_PASSWORD);
  });

  it('lets the demo accounts sign in with the demo password', async () => {
    const [mentee] = await database.db
      .select({ hash: users.passwordHash })
      .from(users)
      .where(eq(users.handle, 'demo_mentee'));
    expect(await verifyPassword(DEMO_PASSWORD, mentee!.hash!)).toBe(true);
  });

  it('keeps handles unique and valid, counts right, and demo accounts set up', async () => {
    await expectConsistentCommunity();
  });

  it('gives every mentor known tags, languages, and a spread of start preferences', async () => {
    const known = new Set((await database.db.select({ slug: tags.slug }).from(tags)).map((t) => t.slug));
    const profiles = await database.db
      .select({ tags: mentorProfiles.tags, languages: mentorProfiles.languages, startPreference: mentorProfiles.startPreference })
      .from(mentorProfiles);
    for (const profile of profiles) {
      expect(profile.tags.length).toBeGreaterThanOrEqual(1);
      expect(profile.tags.length).toBeLessThanOrEqual(10);
      expect(new Set(profile.tags).size).toBe(profile.tags.length);
      for (const slug of profile.tags) expect(known.has(slug), slug).toBe(true);
      expect(profile.languages.length).toBeGreaterThanOrEqual(1);
    }
    expect(new Set(profiles.map((p) => p.startPreference))).toEqual(new Set(['ask', 'grow', 'either']));
  });

  it('follows: about five per member, some mentors far more followed than others', async () => {
    expect(firstRun.follows / firstRun.users).toBeGreaterThan(3);
    expect(firstRun.follows / firstRun.users).toBeLessThan(8);
    const counts = (await database.db.select({ n: users.followerCount }).from(users).innerJoin(mentorProfiles, eq(mentorProfiles.userId, users.id)))
      .map((r) => r.n)
      .sort((a, b) => a - b);
    const median = counts[Math.floor(counts.length / 2)]!;
    expect(counts.at(-1)!).toBeGreaterThan(3 * Math.max(1, median));
  });

  it('mentorships: believable origins, warmth and history', async () => {
    const all = await database.db.select().from(mentorships);
    const now = Date.now();
    for (const m of all) {
      expect(m.mentorId).not.toBe(m.menteeId);
      expect(m.warmth === null).toBe(m.origin === 'grow');
      expect(m.endedAt === null).toBe(m.status === 'active');
      expect(m.endReason === null).toBe(m.status === 'active');
      expect(m.startedAt.getTime()).toBeLessThanOrEqual(now);
      if (m.endedAt) expect(m.endedAt.getTime()).toBeGreaterThan(m.startedAt.getTime());
    }
    expect(new Set(all.map((m) => m.status))).toEqual(new Set(['active', 'completed', 'ended']));
    expect(new Set(all.map((m) => m.origin))).toEqual(new Set(['ask', 'grow']));
    expect(all.filter((m) => m.status === 'completed').every((m) => m.endReason === 'goals_met')).toBe(true);
    const mentorsWithMentees = new Set(all.filter((m) => m.status === 'active').map((m) => m.mentorId));
    expect(mentorsWithMentees.size / firstRun.mentors).toBeGreaterThan(0.3);
    expect(mentorsWithMentees.size / firstRun.mentors).toBeLessThan(0.6);
  });

  it('refuses sizes out of range before touching the data', async () => {
    await expect(seedDemoData(database.db, { mentors: 0 })).rejects.toThrow(RangeError);
    await expect(seedDemoData(database.db, { members: 1 })).rejects.toThrow(RangeError);
    await expect(seedDemoData(database.db, { mentors: 2.5 })).rejects.toThrow(RangeError);
    expect(await tableCount(users)).toBe(firstRun.users);
  });

  it('re-creates the same community when run again with the same seed', async () => {
    const before = await allHandles();
    const again = await seedDemoData(database.db, { seed: 2026 });
    expect(again).toEqual(firstRun);
    expect(await allHandles()).toEqual(before);
    await expectConsistentCommunity();
  });

  it('seeds a custom size over existing data', async () => {
    const progress: string[] = [];
    const counts = await seedDemoData(database.db, { mentors: 300, members: 900, seed: 7, onProgress: (m) => progress.push(m) });
    expect(counts.users).toBe(1200);
    expect(counts.mentors).toBe(300);
    expect(await tableCount(users)).toBe(1200);
    expect(await tableCount(mentorProfiles)).toBe(300);
    expect(progress.some((m) => m.includes('1,200 users'))).toBe(true);
    await expectConsistentCommunity();
  });
});
