import { asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db';
import { mentorProfiles, mentorTags, users } from '@/db/schema';
import { createTestDatabase } from '@/db/testing/test-database';
import { verifyPassword } from '@/lib/password';
import { handleSchema } from '@/lib/validation/account';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoAccountsText, isDatabaseEmpty, seedDemoData } from './demo';

let database: Database;
let firstRun: { users: number; mentors: number };

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

describe('seedDemoData', () => {
  it('creates a community of mentors and members', async () => {
    const [userCount] = await database.db.select({ n: count() }).from(users);
    const [mentorCount] = await database.db.select({ n: count() }).from(mentorProfiles);
    expect(userCount!.n).toBeGreaterThanOrEqual(150);
    expect(mentorCount!.n).toBeGreaterThanOrEqual(40);
    expect(firstRun).toEqual({ users: userCount!.n, mentors: mentorCount!.n });
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

  it('gives handles that are valid and unique regardless of case', async () => {
    const handles = await allHandles();
    expect(new Set(handles.map((h) => h.toLowerCase())).size).toBe(handles.length);
    for (const handle of handles) expect(handleSchema.safeParse(handle).success, handle).toBe(true);
  });

  it('gives every mentor tags, languages, and a spread of start preferences', async () => {
    const profiles = await database.db
      .select({ userId: mentorProfiles.userId, languages: mentorProfiles.languages, startPreference: mentorProfiles.startPreference })
      .from(mentorProfiles);
    const tagCounts = new Map(
      (
        await database.db.select({ userId: mentorTags.userId, n: count() }).from(mentorTags).groupBy(mentorTags.userId)
      ).map((r) => [r.userId, r.n]),
    );
    for (const profile of profiles) {
      const tagCount = tagCounts.get(profile.userId) ?? 0;
      expect(tagCount).toBeGreaterThanOrEqual(1);
      expect(tagCount).toBeLessThanOrEqual(10);
      expect(profile.languages.length).toBeGreaterThanOrEqual(1);
    }
    expect(new Set(profiles.map((p) => p.startPreference))).toEqual(new Set(['ask', 'grow', 'either']));
  });

  it('re-creates the same community when run again with the same seed', async () => {
    const before = await allHandles();
    const again = await seedDemoData(database.db, { seed: 2026 });
    expect(again).toEqual(firstRun);
    expect(await allHandles()).toEqual(before);
  });
});
