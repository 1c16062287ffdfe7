import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { db, rowsOf } from '@/db';
import { users } from '@/db/schema/users';
import type { StartPreference } from '@/db/schema/mentorship';
import type { OnboardingInput } from '@/lib/validation/onboarding';
import { tagNames } from './mentors';

export const SUGGESTIONS_SHOWN = 12;

/** What the member answered at /welcome (their own; every answer may be empty). */
export async function getOnboarding(viewerId: string) {
  const [row] = await db()
    .select({
      goal: users.goal,
      interests: users.interests,
      languages: users.languages,
      startPreference: users.startPreference,
      onboardedAt: users.onboardedAt,
    })
    .from(users)
    .where(eq(users.id, viewerId))
    .limit(1);
  return row;
}

/** Saves the answers (or, skipping, only that onboarding is behind them). */
export async function saveOnboarding(viewerId: string, input: OnboardingInput) {
  const answers =
    input.intent === 'skip'
      ? {}
      : { goal: input.goal ?? null, interests: input.interests, languages: input.languages, startPreference: input.startPreference ?? null };
  await db()
    .update(users)
    .set({ ...answers, onboardedAt: sql`coalesce(${users.onboardedAt}, now())`, updatedAt: new Date() })
    .where(eq(users.id, viewerId));
}

type SuggestionRow = {
  id: string;
  handle: string;
  display_name: string;
  avatar_updated_at: Date | string | null;
  headline: string;
  tags: string[];
  start_preference: StartPreference;
  accepting: boolean;
  capacity: number;
  open_slots: number;
  follower_count: number;
  shared_tags: string[];
  shares_language: boolean;
  start_matches: boolean;
  following: boolean;
};

/**
 * Mentors to follow or ask, for the member's answers: those who share the most of their
 * interests first, then who speak one of their languages, start the way they prefer, can take
 * someone now, and are the most followed. A mentor who speaks none of the member's languages
 * (when they named any) is left out, as is anyone a block stands between. Mentors they follow
 * stay, marked, so following one from the list does not make it jump. When the interests match too few, the list is topped up with the most
 * followed mentors who are open for requests, so it is never empty while mentors exist.
 */
export async function suggestMentors(viewerId: string, limit = SUGGESTIONS_SHOWN) {
  const eligible = sql`mp.status = 'active' and mp.user_id <> ${viewerId}::uuid
    and (cardinality(me.languages) = 0 or mp.languages && me.languages)
    and not exists (select 1 from blocks b where (b.blocker_id = ${viewerId}::uuid and b.blocked_id = mp.user_id)
                                            or (b.blocker_id = mp.user_id and b.blocked_id = ${viewerId}::uuid))`;
  const columns = sql`mp.user_id as id, mp.handle, mp.display_name, mp.avatar_updated_at, mp.headline, mp.tags,
    mp.start_preference, mp.accepting, mp.capacity, mp.capacity - mp.active_mentee_count as open_slots, mp.follower_count,
    array(select t from unnest(mp.tags) t where t = any(me.interests)) as shared_tags,
    coalesce(mp.languages && me.languages, false) as shares_language,
    exists (select 1 from follows f where f.follower_id = ${viewerId}::uuid and f.followee_id = mp.user_id) as following,
    (me.start_preference is null or 'either' in (me.start_preference, mp.start_preference) or mp.start_preference = me.start_preference) as start_matches`;
  const me = sql`(select interests, languages, start_preference from users where id = ${viewerId}::uuid) me`;
  // Matches through the tags' GIN index, then the top-up through the browse order's index.
  const matched = rowsOf<SuggestionRow>(
    await db().execute(sql`select ${columns} from mentor_profiles mp, ${me}
      where ${eligible} and mp.tags && me.interests
      order by cardinality(array(select t from unnest(mp.tags) t where t = any(me.interests))) desc,
        coalesce(mp.languages && me.languages, false) desc,
        (me.start_preference is null or 'either' in (me.start_preference, mp.start_preference) or mp.start_preference = me.start_preference) desc,
        mp.open_for_requests desc nulls last, mp.follower_count desc nulls last, mp.user_id
      limit ${limit}`),
  );
  const chosen = new Set(matched.map((m) => m.id));
  const topUp =
    matched.length < limit
      ? rowsOf<SuggestionRow>(
          await db().execute(sql`select ${columns} from mentor_profiles mp, ${me}
            where ${eligible} and not (mp.tags && me.interests)
            order by mp.open_for_requests desc nulls last, mp.follower_count desc nulls last, mp.user_id
            limit ${limit - matched.length}`),
        ).filter((m) => !chosen.has(m.id))
      : [];
  const rows = [...matched, ...topUp];
  const names = await tagNames(rows.flatMap((r) => r.tags));
  const tag = (slug: string) => ({ slug, name: names.get(slug) ?? slug });
  return rows.map((r) => ({
    id: r.id,
    handle: r.handle,
    displayName: r.display_name,
    avatarUpdatedAt: r.avatar_updated_at === null ? null : new Date(r.avatar_updated_at),
    headline: r.headline,
    // The shared interests first, so the card shows why it is here.
    tags: [...r.shared_tags, ...r.tags.filter((t) => !r.shared_tags.includes(t))].map(tag),
    startPreference: r.start_preference,
    accepting: r.accepting,
    capacity: Number(r.capacity),
    openSlots: Number(r.open_slots),
    followerCount: Number(r.follower_count),
    sharedInterests: r.shared_tags.map(tag),
    sharesLanguage: r.shares_language,
    startMatches: r.start_matches,
    following: r.following,
  }));
}

export type MentorSuggestion = Awaited<ReturnType<typeof suggestMentors>>[number];
