import 'server-only';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { db, rowsOf } from '@/db';
import { mentorProfiles, mentorshipRequests, tags } from '@/db/schema';
import { recordEvent } from './events';
import { tagSlug } from '@/lib/tags';
import { DIRECTORY_PAGE_SIZE, type DirectoryQuery } from '@/lib/validation/directory';
import type { MentorProfileInput } from '@/lib/validation/mentor';

/** Bonus that puts an exact name or handle match above every other result. */
const EXACT_MATCH_BONUS = 10;
/** Bonus for a query word that is one of the mentor's tags: a tag outranks any bio mention. */
const TAG_MATCH_BONUS = 1;
/** A query word in the name, tags or headline. */
const PROFILE_MATCH_SCORE = 0.5;
/** A name that looks like the query (a typo, a partial name). */
const SIMILAR_NAME_BONUS = 0.3;
/** Enough typo candidates for any real name; bounds the work for very short queries. */
const MAX_NAME_MATCHES = 200;
/** A mention in the bio is a weak signal: it finds the mentor but ranks below name, tag and headline. */
const BIO_MATCH_BONUS = 0.05;

/** A score constant, inlined as float4: integer and numeric literals would make Postgres add in numeric, far slower per row. */
const points = (n: number) => sql.raw(`${n}::real`);

/** A text[] parameter (drizzle would spread a JS array into a row of separate parameters). */
const textArray = (values: string[]) =>
  values.length ? sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]` : sql`'{}'::text[]`;

const openSlots = sql<number>`${mentorProfiles.capacity} - ${mentorProfiles.activeMenteeCount}`;

function directoryConditions(query: DirectoryQuery): { where: SQL; score: SQL<number> | undefined } {
  const conditions: SQL[] = [eq(mentorProfiles.status, 'active')];
  let score: SQL<number> | undefined;
  if (query.q) {
    const tsquery = sql`websearch_to_tsquery('english', ${query.q})`;
    const bare = query.q.replace(/^@/, '').toLowerCase();
    const words = [...new Set([tagSlug(query.q), ...query.q.split(/\s+/).map(tagSlug)].filter(Boolean))];
    // Names close to the query despite typos, found once through the trigram index (an
    // InitPlan), rather than comparing the query with every mentor's name row by row.
    const similarNames = sql`array(select ${mentorProfiles.userId} from ${mentorProfiles}
      where ${bare} <% ${mentorProfiles.searchName} and ${mentorProfiles.status} = 'active'
      limit ${sql.raw(String(MAX_NAME_MATCHES))})`;
    const nameMatch = sql`${mentorProfiles.userId} = any(${similarNames})`;
    // Full-text for words anywhere in the profile (the bio in its own vector); names by trigram.
    conditions.push(sql`(${mentorProfiles.search} @@ ${tsquery} or ${mentorProfiles.searchBio} @@ ${tsquery} or ${nameMatch})`);
    // Relevance in tiers, then the most followed first: an exact name, a tag named by the
    // query, a word in the name/tags/headline, a name that looks like the query, a word only in
    // the bio. Booleans rather than ts_rank, so a word most profiles share (thousands of
    // matches) costs one cheap test per row instead of a rank computation.
    score = sql<number>`(
      case when ${mentorProfiles.tags} && ${textArray(words)} then ${points(TAG_MATCH_BONUS)} else ${points(0)} end
      + case when ${mentorProfiles.search} @@ ${tsquery} then ${points(PROFILE_MATCH_SCORE)} else ${points(BIO_MATCH_BONUS)} end
      + case when ${nameMatch} then
          -- An exact name is always among the similar ones; lower() only runs for those few.
          case when lower(${mentorProfiles.displayName}) = ${query.q.toLowerCase()} or lower(${mentorProfiles.handle}) = ${bare}
            then ${points(EXACT_MATCH_BONUS)} else ${points(SIMILAR_NAME_BONUS)} end
        else ${points(0)} end
    )`;
  }
  if (query.tags.length) conditions.push(sql`${mentorProfiles.tags} @> ${textArray(query.tags)}`);
  if (query.lang) conditions.push(sql`${mentorProfiles.languages} @> ${textArray([query.lang])}`);
  if (query.prefers) conditions.push(eq(mentorProfiles.startPreference, query.prefers));
  if (query.accepting) conditions.push(eq(mentorProfiles.openForRequests, true));
  return { where: and(...conditions)!, score };
}

// `desc nulls last` spelled out: that is how the indexes are ordered, and a plain `desc`
// (nulls first) would not match them.
const descending = (column: SQL | typeof mentorProfiles.followerCount | typeof mentorProfiles.createdAt | typeof mentorProfiles.openForRequests) =>
  sql`${column} desc nulls last`;

function directoryOrder(query: DirectoryQuery, score: SQL<number> | undefined): SQL[] {
  // Every order ends with the mentor's id, so pages neither skip nor repeat anyone.
  const tiebreak = sql`${mentorProfiles.userId}`;
  switch (query.sort) {
    case 'newest':
      return [descending(mentorProfiles.createdAt), tiebreak];
    case 'followers':
      return [descending(mentorProfiles.followerCount), tiebreak];
    case 'relevance':
      if (score) return [descending(score), descending(mentorProfiles.followerCount), tiebreak];
      // Browsing without words: mentors who can take someone now, then the most followed.
      return [descending(mentorProfiles.openForRequests), descending(mentorProfiles.followerCount), tiebreak];
  }
}

export const COUNT_CAP = 1000;

export type DirectoryMentor = Awaited<ReturnType<typeof searchMentors>>['mentors'][number];

/** The two statements behind a directory page (also explained by `npm run bench:directory`). */
export function directoryStatements(query: DirectoryQuery, pageSize = DIRECTORY_PAGE_SIZE) {
  const { where, score } = directoryConditions(query);
  const order = directoryOrder(query, score);
  // A deferred join: find the page's ids first (for most orders an index-only walk, cheap even
  // for a deep page), then read just those rows.
  const pageIds = db()
    .select({ id: mentorProfiles.userId })
    .from(mentorProfiles)
    .where(where)
    .orderBy(...order)
    .limit(pageSize)
    .offset((query.page - 1) * pageSize);
  const list = db()
    .select({
      id: mentorProfiles.userId,
      handle: mentorProfiles.handle,
      displayName: mentorProfiles.displayName,
      avatarUpdatedAt: mentorProfiles.avatarUpdatedAt,
      followerCount: mentorProfiles.followerCount,
      headline: mentorProfiles.headline,
      tags: mentorProfiles.tags,
      languages: mentorProfiles.languages,
      startPreference: mentorProfiles.startPreference,
      accepting: mentorProfiles.accepting,
      capacity: mentorProfiles.capacity,
      openSlots,
      createdAt: mentorProfiles.createdAt,
    })
    .from(mentorProfiles)
    .where(inArray(mentorProfiles.userId, pageIds))
    .orderBy(...order);
  // Counting stops at COUNT_CAP: past that, "1,000+ mentors" says all a person needs, and a
  // search for a word most profiles share need not visit every one of them to say so.
  const matching = db()
    .select({ one: sql`1` })
    .from(mentorProfiles)
    .where(where)
    .limit(COUNT_CAP + 1)
    .as('matching');
  const count = db().select({ total: sql<number>`count(*)::int` }).from(matching);
  return { list, count };
}

/** One page of the mentor directory, and how many mentors match in all. */
export async function searchMentors(query: DirectoryQuery, pageSize = DIRECTORY_PAGE_SIZE) {
  const { list, count } = directoryStatements(query, pageSize);
  const [mentors, [counted]] = await Promise.all([list, count]);
  const total = counted?.total ?? 0;
  return { mentors, total, page: query.page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** Display names for tag slugs; a slug with no registry entry is shown as itself. */
export async function tagNames(slugs: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(slugs)];
  if (!unique.length) return new Map();
  const rows = await db().select({ slug: tags.slug, name: tags.name }).from(tags).where(inArray(tags.slug, unique));
  return new Map(rows.map((r) => [r.slug, r.name]));
}

let popular: { at: number; value: Promise<{ slug: string; name: string; mentors: number }[]> } | undefined;
const POPULAR_TAGS_TTL_MS = 5 * 60 * 1000;

/** The tags most mentors list, for the directory's filter. Recomputed every few minutes. */
export function popularTags(limit = 24) {
  if (!popular || Date.now() - popular.at > POPULAR_TAGS_TTL_MS) {
    const value = db()
      .execute(
        sql`select t.slug, t.name, c.mentors::int as mentors
            from (select unnest(tags) as slug, count(*) as mentors from mentor_profiles where status = 'active' group by 1) c
            join tags t on t.slug = c.slug
            order by c.mentors desc, t.slug
            limit ${limit}`,
      )
      .then((r) => rowsOf<{ slug: string; name: string; mentors: number }>(r).map((row) => ({ ...row, mentors: Number(row.mentors) })));
    popular = { at: Date.now(), value };
    value.catch(() => (popular = undefined));
  }
  return popular.value;
}

/** A mentor profile as its page and its settings form show it (all of it is public). */
export const mentorProfileColumns = {
  headline: mentorProfiles.headline,
  bio: mentorProfiles.bio,
  tags: mentorProfiles.tags,
  yearsExperience: mentorProfiles.yearsExperience,
  languages: mentorProfiles.languages,
  timezone: mentorProfiles.timezone,
  country: mentorProfiles.country,
  links: mentorProfiles.links,
  capacity: mentorProfiles.capacity,
  activeMenteeCount: mentorProfiles.activeMenteeCount,
  accepting: mentorProfiles.accepting,
  startPreference: mentorProfiles.startPreference,
  startNote: mentorProfiles.startNote,
  status: mentorProfiles.status,
};

/** The settings form's starting values. */
export async function getOwnMentorProfile(viewerId: string) {
  const [row] = await db()
    .select(mentorProfileColumns)
    .from(mentorProfiles)
    .where(eq(mentorProfiles.userId, viewerId))
    .limit(1);
  if (!row) return undefined;
  const names = await tagNames(row.tags);
  return { ...row, tagNames: row.tags.map((slug) => names.get(slug) ?? slug) };
}

export type SaveMentorProfileResult = { ok: true } | { ok: false; field: 'capacity'; activeMentees: number };

/**
 * Creates or updates the viewer's mentor profile (saving also brings a retired profile back).
 * New tags join the registry in the same transaction.
 */
export async function saveMentorProfile(viewerId: string, input: MentorProfileInput): Promise<SaveMentorProfileResult> {
  const values = {
    headline: input.headline,
    bio: input.bio,
    tags: input.tags.map((t) => t.slug),
    yearsExperience: input.yearsExperience,
    languages: input.languages,
    timezone: input.timezone,
    country: input.country,
    links: input.links,
    capacity: input.capacity,
    accepting: input.accepting,
    startPreference: input.startPreference,
    startNote: input.startNote,
    status: 'active' as const,
    updatedAt: new Date(),
  };
  return db().transaction(async (tx) => {
    await tx.insert(tags).values(input.tags).onConflictDoNothing({ target: tags.slug });
    // Lock the row: a mentorship accepted meanwhile must not slip under a lowered capacity.
    const [current] = await tx
      .select({ active: mentorProfiles.activeMenteeCount })
      .from(mentorProfiles)
      .where(eq(mentorProfiles.userId, viewerId))
      .for('no key update');
    if (current && current.active > input.capacity) return { ok: false, field: 'capacity', activeMentees: current.active };
    await tx
      .insert(mentorProfiles)
      .values({ userId: viewerId, ...values })
      .onConflictDoUpdate({ target: mentorProfiles.userId, set: values });
    return { ok: true };
  });
}

/** Pause (stop accepting requests) or resume; the profile stays listed. */
export async function setAccepting(viewerId: string, accepting: boolean) {
  await db()
    .update(mentorProfiles)
    .set({ accepting, updatedAt: new Date() })
    .where(eq(mentorProfiles.userId, viewerId));
}

/**
 * Retire (leave the directory, stop accepting; mentorships and history stay) or come back.
 * Retiring also answers the requests still waiting — "no capacity", with a note — so no mentee
 * waits two weeks for an answer that cannot come.
 */
export async function setMentorStatus(viewerId: string, status: 'active' | 'retired') {
  await db().transaction(async (tx) => {
    const now = new Date();
    await tx
      .update(mentorProfiles)
      .set(status === 'retired' ? { status, accepting: false, updatedAt: now } : { status, updatedAt: now })
      .where(eq(mentorProfiles.userId, viewerId));
    if (status !== 'retired') return;
    const answered = await tx
      .update(mentorshipRequests)
      .set({ status: 'declined', declineReason: 'no_capacity', declineNote: RETIRED_NOTE, answeredAt: now })
      .where(and(eq(mentorshipRequests.mentorId, viewerId), eq(mentorshipRequests.status, 'pending')))
      .returning({ id: mentorshipRequests.id, menteeId: mentorshipRequests.menteeId });
    for (const r of answered) {
      await recordEvent(tx, {
        type: 'request.declined',
        actorId: viewerId,
        mentorId: viewerId,
        menteeId: r.menteeId,
        requestId: r.id,
        at: now,
        data: { reason: 'no_capacity', because: 'retired' },
      });
    }
  });
}

const RETIRED_NOTE = 'The mentor has retired their mentor profile and is not taking new mentees.';
