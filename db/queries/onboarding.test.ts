import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db, type Database } from '@/db';
import { blocks, users } from '@/db/schema';
import { follow, member, mentor } from '@/db/testing/fixtures';
import { createTestDatabase } from '@/db/testing/test-database';
import { onboardingSchema } from '@/lib/validation/onboarding';
import { getOnboarding, saveOnboarding, suggestMentors } from './onboarding';

vi.mock('server-only', () => ({}));

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const answers = (fields: Record<string, string | string[]>) => {
  const parsed = onboardingSchema.safeParse(fields);
  if (!parsed.success) throw new Error(parsed.error.message);
  return parsed.data;
};

describe('suggestions after onboarding', () => {
  it('ranks by shared interests, then language and start, and leaves out other languages, blocks and retired mentors', async () => {
    // Tags no other test uses, so mentors made elsewhere in the file do not match.
    const [a, b, c] = ['sugg-alpha', 'sugg-beta', 'sugg-gamma'];
    const viewer = await member('newcomer');
    await saveOnboarding(viewer.id, answers({ goal: 'find', interests: [a, b], otherInterests: 'Sugg Gamma', languages: ['de'], startPreference: 'grow' }));

    const three = await mentor({ tags: [a, b, c], languages: ['de'], startPreference: 'ask' });
    const twoGrow = await mentor({ tags: [a, c], languages: ['de', 'en'], startPreference: 'grow' });
    const twoAsk = await mentor({ tags: [b, c], languages: ['de'], startPreference: 'ask' });
    const oneGrow = await mentor({ tags: [a], languages: ['de'], startPreference: 'either' });
    const english = await mentor({ tags: [a, b, c], languages: ['en'] });
    const retired = await mentor({ tags: [a, b, c], languages: ['de'], status: 'retired' });
    const blocker = await mentor({ tags: [a, b, c], languages: ['de'] });
    const blocked = await mentor({ tags: [a, b, c], languages: ['de'] });
    await db().insert(blocks).values([
      { blockerId: blocker.id, blockedId: viewer.id },
      { blockerId: viewer.id, blockedId: blocked.id },
    ]);
    await follow(viewer.id, twoAsk.id);

    const list = await suggestMentors(viewer.id, 4);
    expect(list.map((m) => m.id)).toEqual([three.id, twoGrow.id, twoAsk.id, oneGrow.id]);
    const ids = list.map((m) => m.id);
    for (const left of [english, retired, blocker, blocked]) expect(ids).not.toContain(left.id);
    // Why each is there, and what the viewer already does.
    expect(list[0]!.sharedInterests.map((t) => t.slug)).toEqual([a, b, c]);
    expect(list[0]!.tags.slice(0, 3).map((t) => t.slug)).toEqual([a, b, c]);
    expect(list[1]!.startMatches).toBe(true);
    expect(list[2]!.startMatches).toBe(false);
    expect(list[2]!.following).toBe(true);
    expect(list.every((m) => m.sharesLanguage)).toBe(true);
  });

  it('tops the list up with popular open mentors when interests match few, and never suggests the member', async () => {
    const viewer = await mentor({ tags: ['sugg-rare'], languages: ['en'] });
    await saveOnboarding(viewer.id, answers({ interests: ['sugg-rare'] }));
    const rare = await mentor({ tags: ['sugg-rare'], languages: ['fi'] });
    const list = await suggestMentors(viewer.id, 5);
    expect(list[0]!.id).toBe(rare.id);
    expect(list).toHaveLength(5);
    expect(list.slice(1).every((m) => m.sharedInterests.length === 0)).toBe(true);
    expect(list.map((m) => m.id)).not.toContain(viewer.id);
    expect(new Set(list.map((m) => m.id)).size).toBe(5);
  });

  it('skipping keeps earlier answers and marks onboarding done once', async () => {
    const viewer = await member('skipper');
    const [before] = await db().select({ onboardedAt: users.onboardedAt }).from(users).where(eq(users.id, viewer.id));
    expect(before!.onboardedAt).toBeNull();
    await saveOnboarding(viewer.id, answers({ goal: 'both', interests: ['sugg-alpha'], languages: ['en'], startPreference: 'either' }));
    const first = await getOnboarding(viewer.id);
    await saveOnboarding(viewer.id, answers({ intent: 'skip', goal: 'mentor' }));
    const after = await getOnboarding(viewer.id);
    expect(after).toEqual(first);
    expect(after!.goal).toBe('both');
    expect(after!.onboardedAt).toBeInstanceOf(Date);
  });
});

describe('the onboarding form', () => {
  it('refuses values it does not offer, with a message per field', () => {
    const result = onboardingSchema.safeParse({ goal: 'rule', languages: ['xx'], startPreference: 'maybe' });
    expect(result.success).toBe(false);
    const fields = Object.fromEntries(result.error!.issues.map((i) => [i.path[0], i.message]));
    expect(fields).toEqual({
      goal: 'Choose one of the three answers.',
      languages: 'Choose languages from the list.',
      startPreference: 'Choose one of the three answers.',
    });
  });

  it('takes typed topics as tags, together with the ticked ones, at most ten', () => {
    expect(answers({ interests: ['react'], otherInterests: 'Public Speaking, react, C++' }).interests).toEqual(['react', 'public-speaking', 'cpp']);
    const many = onboardingSchema.safeParse({ otherInterests: Array.from({ length: 11 }, (_, i) => `topic ${i}`).join(', ') });
    expect(many.success).toBe(false);
    expect(many.error!.issues[0]).toMatchObject({ path: ['otherInterests'], message: 'Choose at most 10 topics in all.' });
  });
});
