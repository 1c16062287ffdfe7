import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { asc, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db';
import { listConnections, rapportBetween } from '@/db/queries/rapport';
import {
  comments,
  events,
  follows,
  mentorProfiles,
  mentorshipGoals,
  mentorshipMessages,
  mentorshipOffers,
  mentorshipRatings,
  mentorshipRequests,
  mentorships,
  posts,
  reactions,
  tags,
  users,
} from '@/db/schema';
import { createTestDatabase } from '@/db/testing/test-database';
import { rows } from '@/db/testing/rows';
import { markdownToPlainText } from '@/lib/markdown';
import { verifyPassword } from '@/lib/password';
import { isGrown } from '@/lib/rapport';
import { handleSchema } from '@/lib/validation/account';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoAccountsText, isDatabaseEmpty, seedDemoData, type SeedCounts } from './demo';
import { SIMULATION } from './simulation';

let database: Database;
let firstRun: SeedCounts;
// Fixed for the run, so seeding again with the same seed must give the very same rows.
const NOW = new Date();

beforeAll(async () => {
  database = await createTestDatabase();
  expect(await isDatabaseEmpty(database.db)).toBe(true);
  firstRun = await seedDemoData(database.db, { now: NOW });
});

afterAll(async () => {
  await database?.close();
});

const allHandles = async () =>
  (await database.db.select({ handle: users.handle }).from(users).orderBy(asc(users.handle))).map((u) => u.handle);

type Counted =
  | typeof users
  | typeof mentorProfiles
  | typeof tags
  | typeof mentorships
  | typeof follows
  | typeof mentorshipRequests
  | typeof mentorshipOffers
  | typeof mentorshipMessages
  | typeof mentorshipGoals
  | typeof mentorshipRatings
  | typeof posts
  | typeof comments
  | typeof reactions
  | typeof events;
const tableCount = async (table: Counted) => (await database.db.select({ n: count() }).from(table))[0]!.n;

/** How many rows a check query finds; checks are written to find the rows that break a rule. */
const violations = async (query: ReturnType<typeof sql>) => (await rows<{ n: number }>(database, sql`select count(*)::int as n from (${query}) broken`))[0]!.n;

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

/** The history behind the community — content, rapport, requests, offers, events — holds together. */
async function expectConsistentHistory() {
  // Posts: unique slugs made from the title, valid statuses, known tags, excerpts from the body.
  expect(await violations(sql`select slug from posts group by slug having count(*) > 1`)).toBe(0);
  expect(await violations(sql`select 1 from posts where status not in ('draft', 'published') or (status = 'published') <> (published_at is not null)`)).toBe(0);
  expect(await violations(sql`select 1 from posts where slug !~ '^[a-z0-9]+(-[a-z0-9]+)*-[a-z0-9]{6}$' or cardinality(tags) not between 1 and 4`)).toBe(0);
  expect(await violations(sql`select 1 from posts p, unnest(p.tags) t where t not in (select slug from tags)`)).toBe(0);
  expect(await violations(sql`select 1 from posts where published_at > now() or published_at < now() - interval '400 days' or created_at > coalesce(published_at, updated_at)`)).toBe(0);
  const sample = await rows<{ body: string; excerpt: string; reading_minutes: number }>(
    database,
    sql`select body, excerpt, reading_minutes from posts order by id limit 40`,
  );
  for (const post of sample) {
    expect(post.excerpt).toBe(markdownToPlainText(post.body, 200));
    expect(post.reading_minutes).toBe(Math.max(1, Math.ceil(post.body.split(/\s+/).length / 230)));
  }

  // Comments: only on published posts, after them; each answers its parent's author (or the
  // post's), one level deeper, after the parent; deleted ones are placeholders with replies.
  expect(
    await violations(sql`
      select 1 from comments c join posts p on p.id = c.post_id left join comments parent on parent.id = c.parent_id
      where p.status <> 'published' or c.created_at < p.published_at or c.created_at > now()
         or (c.parent_id is null and (c.replies_to_id <> p.author_id or c.depth <> 0))
         or (c.parent_id is not null and (c.replies_to_id <> parent.author_id or c.depth <> parent.depth + 1
             or c.created_at <= parent.created_at or parent.post_id <> c.post_id))
         or c.depth > 4 or c.author_id = c.replies_to_id`),
  ).toBe(0);
  expect(await violations(sql`select post_id from comments group by post_id having count(*) > 12`)).toBe(0);
  expect(
    await violations(sql`
      select 1 from comments c where c.deleted_at is not null
        and (c.body <> '' or not exists (select 1 from comments r where r.parent_id = c.id) or c.deleted_at > now())`),
  ).toBe(0);

  // Reactions: one per person, target and kind; on someone else's writing, after it.
  expect(await violations(sql`select 1 from reactions group by user_id, post_id, comment_id, kind having count(*) > 1`)).toBe(0);
  expect(
    await violations(sql`
      select 1 from reactions r left join posts p on p.id = r.post_id left join comments c on c.id = r.comment_id
      where r.target_author_id <> coalesce(p.author_id, c.author_id) or r.user_id = r.target_author_id
         or r.created_at < coalesce(p.published_at, c.created_at) or r.created_at > now()`),
  ).toBe(0);

  // demo_mentee and demo_member stay out of all of it, so e2e tests start from scratch.
  for (const handle of ['demo_mentee', 'demo_member']) {
    const id = await userId(handle);
    expect(
      await violations(sql`
        select 1 from posts where author_id = ${id}
        union all select 1 from comments where author_id = ${id} or replies_to_id = ${id}
        union all select 1 from reactions where user_id = ${id} or target_author_id = ${id}
        union all select 1 from mentorship_requests where mentee_id = ${id}
        union all select 1 from mentorship_offers where mentee_id = ${id}
        union all select 1 from mentorships where mentee_id = ${id}`),
      handle,
    ).toBe(0);
    expect((await listConnections(id)).filter((c) => c.grown), handle).toHaveLength(0);
  }

  // Ask-origin mentorships come from an accepted request; grown ones from an accepted offer,
  // after their rapport grew.
  expect(
    await violations(sql`
      select 1 from mentorships m left join mentorship_requests r on r.id = m.request_id
      where m.origin = 'ask' and (r.id is null or r.status <> 'accepted' or r.mentorship_id <> m.id or r.mentee_id <> m.mentee_id
        or r.mentor_id <> m.mentor_id or r.warmth <> m.warmth or r.answered_at <> m.started_at or r.created_at >= m.started_at
        or r.expires_at <= m.started_at or r.cadence <> m.cadence or r.length_weeks <> m.length_weeks)`),
  ).toBe(0);
  expect(
    await violations(sql`
      select 1 from mentorships m
      where m.origin = 'grow' and (m.request_id is not null
        or not exists (select 1 from mentorship_offers o where o.mentorship_id = m.id and o.status = 'accepted' and o.answered_at = m.started_at
                       and o.created_at < m.started_at)
        or not exists (select 1 from events e where e.type = 'rapport.grown' and e.created_at < m.started_at
                       and e.data ->> 'pair' = least(m.mentor_id::text, m.mentee_id::text) || ':' || greatest(m.mentor_id::text, m.mentee_id::text)))`),
  ).toBe(0);
  expect(await violations(sql`select 1 from mentorship_requests where status = 'pending' or answered_at > now() or answered_at < created_at`)).toBe(0);
  expect(await violations(sql`select 1 from mentorships where status <> 'active' and ended_by not in (mentor_id, mentee_id)`)).toBe(0);
  // Warm requests follow two-way exchange; cold ones come out of the blue.
  expect(
    await violations(sql`
      select 1 from (
        select r.warmth,
          exists (select 1 from comments c where c.author_id = r.mentee_id and c.replies_to_id = r.mentor_id and c.created_at < r.created_at)
            and exists (select 1 from comments c where c.author_id = r.mentor_id and c.replies_to_id = r.mentee_id and c.created_at < r.created_at) as two_way,
          exists (select 1 from comments c where c.author_id = r.mentee_id and c.replies_to_id = r.mentor_id and c.created_at < r.created_at)
            or exists (select 1 from comments c where c.author_id = r.mentor_id and c.replies_to_id = r.mentee_id and c.created_at < r.created_at)
            or exists (select 1 from reactions x where x.user_id = r.mentee_id and x.target_author_id = r.mentor_id and x.created_at < r.created_at)
            or exists (select 1 from reactions x where x.user_id = r.mentor_id and x.target_author_id = r.mentee_id and x.created_at < r.created_at)
            as any_exchange
        from mentorship_requests r) t
      where (warmth = 'warm' and not two_way) or (warmth = 'cold' and any_exchange)`),
  ).toBe(0);

  // The event log: every interaction and transition, at the time it happened, oldest first.
  const eventCount = async (type: string) => (await database.db.select({ n: count() }).from(events).where(eq(events.type, type)))[0]!.n;
  const published = (await rows<{ n: number }>(database, sql`select count(*)::int as n from posts where status = 'published'`))[0]!.n;
  expect(await eventCount('post.published')).toBe(published);
  expect(await eventCount('comment.created')).toBe(await tableCount(comments));
  expect(await eventCount('reaction.added')).toBe(await tableCount(reactions));
  expect(await eventCount('follow.created')).toBe(await tableCount(follows));
  expect(await eventCount('request.sent')).toBe(await tableCount(mentorshipRequests));
  expect(await eventCount('offer.sent')).toBe(await tableCount(mentorshipOffers));
  expect(
    await violations(sql`
      select 1 from mentorships m
      where not exists (select 1 from events e where e.type = 'mentorship.started' and e.mentorship_id = m.id and e.created_at = m.started_at
                          and e.data ->> 'origin' = m.origin and e.mentor_id = m.mentor_id and e.mentee_id = m.mentee_id)
         or (m.status <> 'active' and not exists (select 1 from events e where e.type = 'mentorship.ended' and e.mentorship_id = m.id
                          and e.created_at = m.ended_at and e.data ->> 'outcome' = m.status and e.data ->> 'reason' = m.end_reason))`),
  ).toBe(0);
  expect(
    await violations(sql`
      select 1 from mentorship_requests r
      where not exists (select 1 from events e where e.request_id = r.id and e.type = 'request.sent' and e.created_at = r.created_at)
         or not exists (select 1 from events e where e.request_id = r.id and e.type = 'request.' || r.status and e.created_at = r.answered_at)`),
  ).toBe(0);
  expect(await violations(sql`select 1 from events e join events f on f.id = e.id + 1 where f.created_at < e.created_at`)).toBe(0);
  expect(await violations(sql`select 1 from events where created_at > now()`)).toBe(0);
}

/** The simulated mentorships' lives hold together, as the app's own actions would have left them. */
async function expectConsistentMentorshipLives() {
  const eitherWay = (a: string, b: string) => sql.raw(`(${a}, ${b}) in ((m.mentor_id, m.mentee_id), (m.mentee_id, m.mentor_id))`);
  // first_contact_at is what the app sets at the start (db/queries/rapport.ts, firstContactAt):
  // the pair's earliest follow, comment (not deleted by then), reaction, request or offer.
  expect(
    await violations(sql`
      select 1 from mentorships m
      where m.first_contact_at is null or m.first_contact_at > m.started_at
         or m.first_contact_at <> least(m.started_at,
              (select min(f.created_at) from follows f where ${eitherWay('f.follower_id', 'f.followee_id')}),
              (select min(c.created_at) from comments c where ${eitherWay('c.author_id', 'c.replies_to_id')}
                 and (c.deleted_at is null or c.deleted_at > m.started_at)),
              (select min(x.created_at) from reactions x where ${eitherWay('x.user_id', 'x.target_author_id')}),
              (select min(r.created_at) from mentorship_requests r where ${eitherWay('r.mentor_id', 'r.mentee_id')}),
              (select min(o.created_at) from mentorship_offers o where ${eitherWay('o.mentor_id', 'o.mentee_id')}))`),
  ).toBe(0);

  // Messages: inside the mentorship's span, never in the future, the two sides taking turns.
  expect(
    await violations(sql`
      select 1 from mentorship_messages x join mentorships m on m.id = x.mentorship_id
      where x.created_at <= m.started_at or x.created_at >= coalesce(m.ended_at, 'infinity') or x.created_at > now()
         or x.author_id not in (m.mentor_id, m.mentee_id) or char_length(x.body) = 0`),
  ).toBe(0);
  expect(
    await violations(sql`
      select 1 from (select author_id, lag(author_id) over (partition by mentorship_id order by created_at, id) as previous from mentorship_messages) t
      where author_id = previous`),
  ).toBe(0);

  // Goals: an ask-origin mentorship starts with its request's goals; all are added and done
  // while it runs, by one of the two.
  expect(
    await violations(sql`
      select 1 from mentorship_goals g join mentorships m on m.id = g.mentorship_id
      where g.created_at < m.started_at or g.created_at >= coalesce(m.ended_at, 'infinity') or g.created_at > now()
         or (g.done_at is null) <> (g.done_by is null) or g.done_by not in (m.mentor_id, m.mentee_id)
         or g.done_at <= g.created_at or g.done_at >= coalesce(m.ended_at, 'infinity') or g.done_at > now()`),
  ).toBe(0);
  expect(
    await violations(sql`
      select 1 from mentorships m join mentorship_requests r on r.id = m.request_id
      where r.goals <> array(select g.title from mentorship_goals g where g.mentorship_id = m.id order by g.position)
         or exists (select 1 from mentorship_goals g where g.mentorship_id = m.id and g.created_at <> m.started_at)`),
  ).toBe(0);

  // Ratings: only once a mentorship has ended, 1 to 5, by one of the two; whoever ended it rated
  // it then (the end form requires it), the other side perhaps later.
  expect(
    await violations(sql`
      select 1 from mentorship_ratings t join mentorships m on m.id = t.mentorship_id
      where m.status = 'active' or t.rater_id not in (m.mentor_id, m.mentee_id) or t.rating not between 1 and 5
         or t.created_at < m.ended_at or t.created_at > now()`),
  ).toBe(0);
  expect(
    await violations(sql`
      select 1 from mentorships m
      where m.status <> 'active' and not exists (
        select 1 from mentorship_ratings t where t.mentorship_id = m.id and t.rater_id = m.ended_by and t.created_at = m.ended_at)`),
  ).toBe(0);
  const [rated] = await rows<{ ended: number; both: number }>(
    database,
    sql`select count(*)::int as ended, (count(*) filter (where (select count(*) from mentorship_ratings t where t.mentorship_id = m.id) = 2))::int as both
        from mentorships m where m.status <> 'active'`,
  );
  expect(rated!.both).toBeGreaterThan(0);
  expect(rated!.both).toBeLessThan(rated!.ended);

  // The event log says what the app's actions say: one event per message (its id and length,
  // never its text), goal added (in the thread) and done, rating; the end by whoever ended it.
  const eventCount = async (type: string) => (await database.db.select({ n: count() }).from(events).where(eq(events.type, type)))[0]!.n;
  expect(await eventCount('mentorship.message')).toBe(await tableCount(mentorshipMessages));
  expect(
    await violations(sql`
      select 1 from mentorship_messages x
      where (select count(*) from events e where e.type = 'mentorship.message' and e.data ->> 'messageId' = x.id::text
               and e.mentorship_id = x.mentorship_id and e.actor_id = x.author_id and e.created_at = x.created_at
               and (e.data ->> 'length')::int = char_length(x.body)) <> 1`),
  ).toBe(0);
  expect(await violations(sql`select 1 from events where type = 'mentorship.message' and data - 'messageId' - 'length' <> '{}'::jsonb`)).toBe(0);
  const [goals] = await rows<{ done: number; added: number }>(
    database,
    sql`select (count(*) filter (where g.done_at is not null))::int as done, (count(*) filter (where m.origin = 'grow'))::int as added
        from mentorship_goals g join mentorships m on m.id = g.mentorship_id`,
  );
  expect(await eventCount('mentorship.goal_done')).toBe(goals!.done);
  expect(await eventCount('mentorship.goal_added')).toBe(goals!.added);
  expect(
    await violations(sql`
      select 1 from mentorship_goals g
      where (g.done_at is not null and not exists (select 1 from events e where e.type = 'mentorship.goal_done' and e.data ->> 'goalId' = g.id::text
                                                    and e.actor_id = g.done_by and e.created_at = g.done_at and e.mentorship_id = g.mentorship_id))
         or (g.created_at > (select started_at from mentorships m where m.id = g.mentorship_id)
             and not exists (select 1 from events e where e.type = 'mentorship.goal_added' and e.data ->> 'goalId' = g.id::text and e.created_at = g.created_at))`),
  ).toBe(0);
  expect(await eventCount('mentorship.rated')).toBe(await tableCount(mentorshipRatings));
  expect(
    await violations(sql`
      select 1 from mentorship_ratings t join mentorships m on m.id = t.mentorship_id
      where not exists (select 1 from events e where e.type = 'mentorship.rated' and e.mentorship_id = t.mentorship_id and e.actor_id = t.rater_id
                          and e.created_at = t.created_at and (e.data ->> 'rating')::int = t.rating
                          and e.data ->> 'by' = case when t.rater_id = m.mentor_id then 'mentor' else 'mentee' end)`),
  ).toBe(0);
  expect(
    await violations(sql`
      select 1 from mentorships m join events e on e.mentorship_id = m.id and e.type = 'mentorship.ended'
      where e.actor_id <> m.ended_by or e.data ->> 'by' <> case when m.ended_by = m.mentor_id then 'mentor' else 'mentee' end`),
  ).toBe(0);
  expect(
    await violations(sql`
      select 1 from mentorships m join events e on e.mentorship_id = m.id and e.type = 'mentorship.started'
      where m.origin = 'grow' and e.data ->> 'via' is distinct from (select o.kind from mentorship_offers o where o.mentorship_id = m.id)`),
  ).toBe(0);
}

/** A digest of the whole simulated history, to compare two runs. */
const historyDigest = async () =>
  (
    await rows<{ digest: string }>(
      database,
      sql`select md5(concat_ws('|',
            (select string_agg(concat_ws(',', id, mentor_id, mentee_id, origin, warmth, status, started_at, ended_at, end_reason, ended_by, first_contact_at), ';' order by id) from mentorships),
            (select string_agg(concat_ws(',', id, status, warmth, created_at, answered_at, decline_reason), ';' order by id) from mentorship_requests),
            (select string_agg(concat_ws(',', id, kind, status, created_at, answered_at), ';' order by id) from mentorship_offers),
            (select string_agg(concat_ws(',', id, author_id, body, created_at), ';' order by id) from mentorship_messages),
            (select string_agg(concat_ws(',', id, title, position, created_at, done_at, done_by), ';' order by id) from mentorship_goals),
            (select string_agg(concat_ws(',', mentorship_id, rater_id, rating, comment, created_at), ';' order by mentorship_id, rater_id) from mentorship_ratings),
            (select string_agg(concat_ws(',', type, actor_id, mentorship_id, data::text, created_at), ';' order by id) from events))) as digest`,
    )
  )[0]!.digest;

describe('seedDemoData', () => {
  it('creates a community of mentors and members', async () => {
    expect(firstRun).toEqual({
      users: await tableCount(users),
      mentors: await tableCount(mentorProfiles),
      tags: await tableCount(tags),
      mentorships: await tableCount(mentorships),
      follows: await tableCount(follows),
      requests: await tableCount(mentorshipRequests),
      offers: await tableCount(mentorshipOffers),
      messages: await tableCount(mentorshipMessages),
      goals: await tableCount(mentorshipGoals),
      ratings: await tableCount(mentorshipRatings),
      posts: await tableCount(posts),
      comments: await tableCount(comments),
      reactions: await tableCount(reactions),
      events: await tableCount(events),
      grownPairs: firstRun.grownPairs,
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
    expect(mentorsWithMentees.size / firstRun.mentors).toBeLessThan(0.85);
  });

  it('posts: a few per mentor, skewed, some drafts, more of them recent, with comments and reactions', async () => {
    await expectConsistentHistory();
    const perAuthor = await rows<{ mentor: boolean; n: number }>(
      database,
      sql`select (p.user_id is not null) as mentor, count(posts.id)::int as n
          from users u left join mentor_profiles p on p.user_id = u.id left join posts on posts.author_id = u.id
          group by u.id, p.user_id`,
    );
    const mentorCounts = perAuthor.filter((a) => a.mentor).map((a) => a.n);
    const memberCounts = perAuthor.filter((a) => !a.mentor).map((a) => a.n);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean(mentorCounts)).toBeGreaterThan(2);
    expect(mean(mentorCounts)).toBeLessThan(8);
    expect(Math.max(...mentorCounts)).toBeGreaterThan(2.5 * mean(mentorCounts));
    expect(mean(memberCounts)).toBeGreaterThan(0.2);
    expect(mean(memberCounts)).toBeLessThan(1);
    expect(memberCounts.filter((n) => n === 0).length / memberCounts.length).toBeGreaterThan(0.5);

    const [spread] = await rows<{ drafts: number; total: number; recent: number; older: number; code: number; linked: number; lists: number }>(
      database,
      sql`select count(*) filter (where status = 'draft')::int as drafts, count(*)::int as total,
            count(*) filter (where published_at > now() - interval '90 days')::int as recent,
            count(*) filter (where published_at between now() - interval '270 days' and now() - interval '180 days')::int as older,
            count(*) filter (where body ~ '\n\`\`\`(ts|py|sql)\n')::int as code,
            count(*) filter (where body like '%](https://example.com/%')::int as linked,
            count(*) filter (where body ~ '\n- ')::int as lists
          from posts`,
    );
    expect(spread!.drafts / spread!.total).toBeGreaterThan(0.03);
    expect(spread!.drafts / spread!.total).toBeLessThan(0.2);
    expect(spread!.recent).toBeGreaterThan(spread!.older);
    expect(spread!.older).toBeGreaterThan(0);
    for (const share of [spread!.code, spread!.linked, spread!.lists]) expect(share / spread!.total).toBeGreaterThan(0.15);

    const [threads] = await rows<{ posts: number; commented: number; deleted: number; deep: number; reactions_on_comments: number }>(
      database,
      sql`select (select count(*)::int from posts where status = 'published') as posts,
            (select count(distinct post_id)::int from comments) as commented,
            (select count(*)::int from comments where deleted_at is not null) as deleted,
            (select count(*)::int from comments where depth >= 3) as deep,
            (select count(*)::int from reactions where comment_id is not null) as reactions_on_comments`,
    );
    expect(threads!.commented / threads!.posts).toBeGreaterThan(0.6);
    expect(threads!.deleted).toBeGreaterThan(0);
    expect(threads!.deep).toBeGreaterThan(0);
    expect(threads!.reactions_on_comments).toBeGreaterThan(0);
  });

  it('rapport: grown connections across the community and for demo_mentor, and fans who are not', async () => {
    // Every pair whose rapport grew at some point; lib/rapport.ts, as of now, decides which still are.
    const pairs = await rows<{ pair: string }>(database, sql`select distinct data ->> 'pair' as pair from events where type = 'rapport.grown'`);
    let grown = 0;
    for (const { pair } of pairs) {
      const [a, b] = pair.split(':') as [string, string];
      if (isGrown(await rapportBetween(a, b))) grown++;
    }
    // Those still talking now (the model's grown connections keep talking for weeks), plus a few.
    expect(grown).toBeGreaterThanOrEqual(12);
    expect(grown).toBeLessThanOrEqual(80);
    expect(Math.abs(grown - firstRun.grownPairs)).toBeLessThanOrEqual(2);

    const demoMentor = await userId('demo_mentor');
    const connections = await listConnections(demoMentor);
    const grownWith = connections.filter((c) => c.grown).map((c) => c.partner.handle);
    expect(grownWith.length).toBeGreaterThanOrEqual(2);
    expect(grownWith).not.toContain('demo_mentee');
    expect(grownWith).not.toContain('demo_member');
    // At least one of them is not already a mentee, so the demo can offer a mentorship.
    const mentees = await database.db.select({ id: mentorships.menteeId }).from(mentorships).where(sql`${mentorships.mentorId} = ${demoMentor} and ${mentorships.status} = 'active'`);
    expect(connections.filter((c) => c.grown && !mentees.some((m) => m.id === c.partner.id)).length).toBeGreaterThanOrEqual(2);

    // Fans: three or more comments on someone's posts, never an answer; not rapport.
    const fans = await rows<{ fan: string; author: string }>(
      database,
      sql`select c.author_id as fan, c.replies_to_id as author from comments c
          where c.deleted_at is null and c.depth = 0
            and not exists (select 1 from comments r where r.author_id = c.replies_to_id and r.replies_to_id = c.author_id)
            and not exists (select 1 from reactions r where r.user_id = c.replies_to_id and r.target_author_id = c.author_id)
          group by 1, 2 having count(*) >= 3 limit 20`,
    );
    expect(fans.length).toBeGreaterThanOrEqual(10);
    for (const { fan, author } of fans) expect(isGrown(await rapportBetween(fan, author))).toBe(false);
  });

  it('requests: the Ask path has a history of accepted, declined, withdrawn and expired requests', async () => {
    const statuses = await rows<{ status: string; decline_reason: string | null; warmth: string }>(
      database,
      sql`select distinct status, decline_reason, warmth from mentorship_requests`,
    );
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(['accepted', 'declined', 'withdrawn', 'expired']));
    expect(statuses.some((s) => s.decline_reason === 'prefer_to_grow')).toBe(true);
    expect(new Set(statuses.map((s) => s.warmth))).toEqual(new Set(['cold', 'warm']));
    const [{ n: asked }] = (await rows<{ n: number }>(database, sql`select count(*)::int as n from mentorships where origin = 'ask'`)) as [{ n: number }];
    expect(await tableCount(mentorshipRequests)).toBeGreaterThan(asked * 1.5);
  });

  it('mentorships: messages, goals, ratings and first contact, as the app would have left them', async () => {
    await expectConsistentMentorshipLives();
    for (const table of [mentorshipMessages, mentorshipGoals, mentorshipRatings] as const) expect(await tableCount(table)).toBeGreaterThan(0);
    // Goals get done, and not all of them.
    const [goals] = await rows<{ done: number; total: number }>(database, sql`select count(done_at)::int as done, count(*)::int as total from mentorship_goals`);
    expect(goals!.done).toBeGreaterThan(0);
    expect(goals!.done).toBeLessThan(goals!.total);
  });

  it('refuses sizes out of range before touching the data', async () => {
    await expect(seedDemoData(database.db, { mentors: 0 })).rejects.toThrow(RangeError);
    await expect(seedDemoData(database.db, { members: 1 })).rejects.toThrow(RangeError);
    await expect(seedDemoData(database.db, { mentors: 2.5 })).rejects.toThrow(RangeError);
    expect(await tableCount(users)).toBe(firstRun.users);
  });

  it('re-creates the same community and the same history when run again with the same seed', async () => {
    const before = await allHandles();
    const history = await historyDigest();
    const again = await seedDemoData(database.db, { seed: 2026, now: NOW });
    expect(again).toEqual(firstRun);
    expect(await allHandles()).toEqual(before);
    expect(await historyDigest()).toBe(history);
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
    await expectConsistentHistory();
    await expectConsistentMentorshipLives();
    expect(counts.grownPairs).toBeGreaterThan(100);

    // The picture follows the model it was drawn from (db/seed/simulation.ts), within what chance
    // and the rules (a full mentor cannot take one more) allow.
    const requests = await rows<{ warmth: 'cold' | 'warm'; accepted: number; answered: number; withdrawn: number; total: number }>(
      database,
      sql`select warmth, (count(*) filter (where status = 'accepted'))::int as accepted,
            (count(*) filter (where status in ('accepted', 'declined')))::int as answered,
            (count(*) filter (where status = 'withdrawn'))::int as withdrawn, count(*)::int as total
          from mentorship_requests group by 1`,
    );
    for (const r of requests) {
      const model = SIMULATION.cohorts[`ask-${r.warmth}`];
      expect(r.answered, r.warmth).toBeGreaterThan(100);
      expect(Math.abs(r.accepted / r.answered - model.acceptedWhenAnswered), r.warmth).toBeLessThan(0.1);
      expect(Math.abs(r.withdrawn / r.total - model.withdrawn), r.warmth).toBeLessThan(0.05);
    }
    const engagement = await rows<{ cohort: 'ask-cold' | 'ask-warm' | 'grow'; messages: number; weeks: number }>(
      database,
      sql`select case when m.origin = 'grow' then 'grow' else 'ask-' || m.warmth end as cohort,
            (select count(*)::int from mentorship_messages x where x.mentorship_id = m.id) as messages,
            extract(epoch from coalesce(m.ended_at, now()) - m.started_at)::float8 / 604800 as weeks
          from mentorships m`,
    );
    for (const cohort of ['ask-cold', 'ask-warm', 'grow'] as const) {
      const mine = engagement.filter((e) => e.cohort === cohort);
      const perWeek = mine.reduce((s, e) => s + e.messages, 0) / mine.reduce((s, e) => s + Number(e.weeks), 0);
      expect(Math.abs(perWeek / SIMULATION.cohorts[cohort].messagesPerActiveWeek - 1), cohort).toBeLessThan(0.15);
    }
  });

  it('keeps the model to the seed: nothing the insights use imports its parameters', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const full = path.join(dir, name);
        return statSync(full).isDirectory() ? files(full) : /\.(ts|tsx|mts)$/.test(name) ? [full] : [];
      });
    const root = path.resolve(__dirname, '../..');
    const readers = ['app', 'components', 'lib', 'db/queries'].flatMap((dir) => files(path.join(root, dir)));
    expect(readers.length).toBeGreaterThan(10);
    for (const file of readers) expect(readFileSync(file, 'utf8'), path.relative(root, file)).not.toMatch(/seed\/simulation|from '\.\.?\/.*simulation'/);
  });
});
