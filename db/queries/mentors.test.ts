import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db';
import { follows, mentorProfiles, mentorships, users } from '@/db/schema';
import { rows } from '@/db/testing/rows';
import { createTestDatabase } from '@/db/testing/test-database';
import { parseDirectoryQuery, type DirectoryQuery } from '@/lib/validation/directory';
import { mentorProfileSchema } from '@/lib/validation/mentor';
import { getOwnMentorProfile, saveMentorProfile, searchMentors, setMentorStatus } from './mentors';

let database: Database;
const ids = new Map<string, string>();

const query = (params: Record<string, string | string[]>): DirectoryQuery => parseDirectoryQuery(params).query;
const handles = async (params: Record<string, string | string[]>, pageSize?: number) =>
  (await searchMentors(query(params), pageSize)).mentors.map((m) => m.handle);

async function member(handle: string, displayName = handle) {
  const [row] = await database.db
    .insert(users)
    .values({ handle, displayName, email: `${handle}@example.com`, passwordHash: null })
    .returning({ id: users.id });
  ids.set(handle, row!.id);
  return row!.id;
}

async function mentor(
  handle: string,
  profile: Partial<typeof mentorProfiles.$inferInsert> & { displayName?: string } = {},
) {
  const { displayName, ...rest } = profile;
  const userId = await member(handle, displayName);
  await database.db.insert(mentorProfiles).values({
    userId,
    headline: 'Engineer',
    timezone: 'Europe/Berlin',
    languages: ['en'],
    tags: [],
    ...rest,
  });
  return userId;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const day = (n: number) => new Date(Date.UTC(2026, 0, n));
  await mentor('kube_tagged', { displayName: 'Tariq Tagged', tags: ['kubernetes', 'go'], bio: 'I like gardening.', createdAt: day(1) });
  await mentor('kube_bio', {
    displayName: 'Bea Biography',
    tags: ['react'],
    bio: 'Once I ran kubernetes clusters. Kubernetes taught me patience.',
    createdAt: day(2),
  });
  await mentor('kubernetes_fan', { displayName: 'Kubernetes', tags: ['python'], createdAt: day(3) });
  await mentor('grow_de', { displayName: 'Greta Grow', tags: ['react', 'go'], languages: ['de', 'en'], startPreference: 'grow', createdAt: day(4) });
  await mentor('grow_en', { displayName: 'Gary Grow', tags: ['react', 'go'], languages: ['en'], startPreference: 'grow', createdAt: day(5) });
  await mentor('ask_de', { displayName: 'Anke Ask', tags: ['react', 'go'], languages: ['de'], startPreference: 'ask', createdAt: day(6) });
  await mentor('paused', { displayName: 'Paula Paused', tags: ['react'], accepting: false, createdAt: day(7) });
  await mentor('full_up', { displayName: 'Fiona Full', tags: ['react'], capacity: 1, createdAt: day(8) });
  await mentor('retired_one', { displayName: 'Rita Retired', tags: ['react'], status: 'retired', createdAt: day(9) });
  await mentor('maya_okafor', { displayName: 'Maya Okafor', tags: ['typescript'], createdAt: day(10) });
  for (let i = 0; i < 25; i++) {
    await mentor(`bulk_${String(i).padStart(2, '0')}`, { tags: ['bulk'], createdAt: day(11) /* deliberate ties */ });
  }
  const mentee = await member('mentee_one');
  await database.db.insert(mentorships).values({ mentorId: ids.get('full_up')!, menteeId: mentee, origin: 'ask', warmth: 'cold' });
  await database.db.insert(follows).values([
    { followerId: mentee, followeeId: ids.get('grow_en')! },
    { followerId: ids.get('ask_de')!, followeeId: ids.get('grow_en')! },
    { followerId: mentee, followeeId: ids.get('ask_de')! },
  ]);
});
afterAll(() => database.close());

describe('directory relevance', () => {
  it('puts an exact name match first', async () => {
    expect((await handles({ q: 'Kubernetes' }))[0]).toBe('kubernetes_fan');
    expect((await handles({ q: 'maya okafor' }))[0]).toBe('maya_okafor');
    expect((await handles({ q: '@kube_bio' }))[0]).toBe('kube_bio');
  });

  it('ranks a tag match above a mention in a bio, even a repeated one', async () => {
    const found = await handles({ q: 'kubernetes' });
    expect(found.indexOf('kube_tagged')).toBeGreaterThanOrEqual(0);
    expect(found.indexOf('kube_tagged')).toBeLessThan(found.indexOf('kube_bio'));
  });

  it('finds names despite a typo', async () => {
    expect(await handles({ q: 'Maya Okafr' })).toContain('maya_okafor');
  });

  it('never lists retired mentors', async () => {
    expect(await handles({ q: 'Rita Retired' })).not.toContain('retired_one');
    expect(await handles({ tag: 'react' }, 100)).not.toContain('retired_one');
  });
});

describe('directory filters', () => {
  it('combine as AND: tags, language and start preference together', async () => {
    expect(new Set(await handles({ tag: ['react', 'go'] }))).toEqual(new Set(['grow_de', 'grow_en', 'ask_de']));
    expect(new Set(await handles({ tag: ['react', 'go'], lang: 'de' }))).toEqual(new Set(['grow_de', 'ask_de']));
    expect(await handles({ tag: ['react', 'go'], lang: 'de', prefers: 'grow' })).toEqual(['grow_de']);
    expect(await handles({ tag: ['react', 'go'], lang: 'de', prefers: 'grow', q: 'Anke' })).toEqual([]);
  });

  it('"accepting" leaves out paused mentors and those at capacity', async () => {
    const all = await handles({ tag: 'react' }, 100);
    const open = await handles({ tag: 'react', accepting: '1' }, 100);
    expect(all).toEqual(expect.arrayContaining(['paused', 'full_up']));
    expect(open).not.toContain('paused');
    expect(open).not.toContain('full_up');
    expect(open).toEqual(expect.arrayContaining(['grow_de', 'kube_bio']));
  });

  it('sorts by followers and by newest', async () => {
    expect((await handles({ tag: ['react', 'go'], sort: 'followers' }))[0]).toBe('grow_en');
    expect(await handles({ tag: ['react', 'go'], sort: 'newest' })).toEqual(['ask_de', 'grow_en', 'grow_de']);
  });
});

describe('directory pagination', () => {
  it('neither skips nor repeats anyone across pages, even with ties in the sort', async () => {
    for (const sort of ['newest', 'relevance', 'followers']) {
      const seen: string[] = [];
      const first = await searchMentors(query({ tag: 'bulk', sort }), 7);
      expect(first.total).toBe(25);
      expect(first.pageCount).toBe(4);
      for (let page = 1; page <= first.pageCount; page++) {
        seen.push(...(await searchMentors(query({ tag: 'bulk', sort, page: String(page) }), 7)).mentors.map((m) => m.handle));
      }
      expect(seen).toHaveLength(25);
      expect(new Set(seen).size).toBe(25);
    }
  });

  it('answers a page past the end with no one rather than an error', async () => {
    const result = await searchMentors(query({ tag: 'bulk', page: '99' }), 7);
    expect(result.mentors).toEqual([]);
    expect(result.total).toBe(25);
  });
});

describe('capacity and open slots', () => {
  it('counts open slots from active mentorships, and the database refuses one mentee too many', async () => {
    const [fiona] = (await searchMentors(query({ q: 'Fiona Full' }))).mentors;
    expect(fiona).toMatchObject({ handle: 'full_up', capacity: 1, openSlots: 0 });
    const another = await member('mentee_two');
    await expect(
      database.db.insert(mentorships).values({ mentorId: ids.get('full_up')!, menteeId: another, origin: 'grow' }),
    ).rejects.toThrow();
    // Ending the mentorship frees the slot.
    await database.db
      .update(mentorships)
      .set({ status: 'completed', endedAt: new Date() })
      .where(eq(mentorships.mentorId, ids.get('full_up')!));
    const [after] = (await searchMentors(query({ q: 'Fiona Full' }))).mentors;
    expect(after?.openSlots).toBe(1);
  });

  it('keeps follower counts equal to the follows', async () => {
    const counted = await rows<{ handle: string; follower_count: number; real: number }>(
      database,
      sql`select u.handle, u.follower_count, (select count(*)::int from follows f where f.followee_id = u.id) as real from users u`,
    );
    for (const row of counted) expect(row.follower_count).toBe(row.real);
    expect(counted.find((r) => r.handle === 'grow_en')?.follower_count).toBe(2);
  });
});

describe('saving a mentor profile', () => {
  const form = {
    headline: 'Staff engineer',
    bio: '## Hello\nI help with **Rust**.',
    tags: 'Rust, Systems Programming, rust',
    yearsExperience: '12',
    languages: ['en', 'de'],
    timezone: 'Europe/Berlin',
    country: 'de',
    links: 'https://example.com/me\n\nhttps://blog.example.com',
    capacity: '3',
    accepting: 'on',
    startPreference: 'grow',
    startNote: 'Comment on my posts first.',
  };

  it('creates a searchable profile with new tags and refuses a capacity below the active mentees', async () => {
    const id = await member('new_mentor', 'Nadia Newmentor');
    expect(await saveMentorProfile(id, mentorProfileSchema.parse(form))).toEqual({ ok: true });
    const own = await getOwnMentorProfile(id);
    expect(own).toMatchObject({ tags: ['rust', 'systems-programming'], tagNames: ['Rust', 'Systems Programming'], country: 'DE' });
    expect((await handles({ q: 'systems programming' }))[0]).toBe('new_mentor');

    const mentee = await member('nadia_mentee');
    await database.db.insert(mentorships).values({ mentorId: id, menteeId: mentee, origin: 'grow' });
    const mentee2 = await member('nadia_mentee2');
    await database.db.insert(mentorships).values({ mentorId: id, menteeId: mentee2, origin: 'grow' });
    expect(await saveMentorProfile(id, mentorProfileSchema.parse({ ...form, capacity: '1' }))).toEqual({
      ok: false,
      field: 'capacity',
      activeMentees: 2,
    });
    expect((await getOwnMentorProfile(id))?.capacity).toBe(3);
  });

  it('finds a mentor under a new name after they rename themselves', async () => {
    const id = ids.get('kube_tagged')!;
    await database.db.update(users).set({ displayName: 'Zebedee Renamed' }).where(eq(users.id, id));
    expect((await handles({ q: 'Zebedee Renamed' }))[0]).toBe('kube_tagged');
  });

  it('retiring leaves the directory and stops requests; history stays', async () => {
    const id = ids.get('maya_okafor')!;
    await setMentorStatus(id, 'retired');
    expect(await handles({ q: 'Maya Okafor' })).not.toContain('maya_okafor');
    expect(await getOwnMentorProfile(id)).toMatchObject({ status: 'retired', accepting: false });
    await setMentorStatus(id, 'active');
    expect((await handles({ q: 'Maya Okafor' }))[0]).toBe('maya_okafor');
  });
});
