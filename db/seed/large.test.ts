import { createHash, randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fromPostgres, setDatabase, type Database } from '@/db';
import { withDatabase } from '@/db/testing/global-setup';
import { verifyPassword } from '@/lib/password';
import { parseDirectoryQuery } from '@/lib/validation/directory';
import { DEFAULT_LARGE_UNTIL, LARGE_FIXTURES, LARGE_SIZE, ensureLargeDataset, largeTables, planLargeDataset, scaleOf, sizeAt } from './large';

// A small fraction of the large data set: every count is proportional to it (all above the
// minimums the fixtures need), and the fixtures keep their full, stated sizes.
const SCALE = 0.003;
const SEED = 7;
const size = sizeAt(SCALE);

/** A digest of every line the generator would COPY, table by table. */
function digest(seed: number) {
  const hash = createHash('md5');
  for (const table of largeTables(planLargeDataset(seed, size, DEFAULT_LARGE_UNTIL), 'hash')) {
    hash.update(table.table);
    for (const line of table.lines()) hash.update(line);
  }
  return hash.digest('hex');
}

describe('the large data set, as planned', () => {
  it('scales every count with --scale, from large and medium down to fractions', () => {
    expect(sizeAt(scaleOf('large'))).toEqual(LARGE_SIZE);
    expect(sizeAt(scaleOf('medium'))).toEqual(Object.fromEntries(Object.entries(LARGE_SIZE).map(([k, v]) => [k, v / 10])));
    expect(size).toMatchObject({ mentors: 30, members: 300, posts: 600, comments: 3_000, reactions: 3_000, follows: 1_500, requests: 150, mentorships: 60 });
    // Never below what the fixtures need: the reader's 200 followees, the 1,000-comment thread.
    expect(sizeAt(0.0001)).toMatchObject({ members: 250, posts: 300, comments: 1_200 });
    expect(scaleOf('0.01')).toBe(0.01);
    for (const bad of ['0', '2', 'huge', '-1', '1e-3']) expect(() => scaleOf(bad)).toThrow(/--scale must be/);
  });

  it('makes the same rows from the same seed, and other rows from another', () => {
    const first = digest(SEED);
    expect(digest(SEED)).toBe(first);
    expect(digest(SEED + 1)).not.toBe(first);
  });

  it('gives the reader 200 followees who have published posts, and the thread its comments and replies', () => {
    const plan = planLargeDataset(SEED, size, DEFAULT_LARGE_UNTIL);
    const reader = size.mentors;
    const followed = new Set<number>();
    for (let e = 0; e < size.follows; e++) if (plan.follows.follower[e] === reader) followed.add(plan.follows.followee[e]!);
    expect(followed.size).toBe(LARGE_FIXTURES.reader.follows);
    const authors = new Set(Array.from(plan.posts.author).filter((_, rank) => !plan.posts.draft[rank]));
    expect([...followed].every((p) => authors.has(p))).toBe(true);

    const thread = plan.posts.longThread;
    const inThread = Array.from(plan.comments.post.keys()).filter((g) => plan.comments.post[g] === thread);
    expect(inThread).toHaveLength(LARGE_FIXTURES.longThread.comments);
    const replies = inThread.filter((g) => plan.comments.parent[g]! >= 0).length / inThread.length;
    expect(replies).toBeGreaterThan(0.2);
    expect(replies).toBeLessThan(0.4);
  });
});

// Postgres only: the data set is made with COPY into a database of its own. PGlite is one
// process's embedded database, so this is defined only in the suite's Postgres run.
const templateUrl = inject('templateDatabaseUrl');
(templateUrl ? describe : () => {})('the large data set on Postgres', () => {
  const name = `${new URL(templateUrl).pathname.slice(1)}_large_${randomBytes(3).toString('hex')}`;
  const url = withDatabase(templateUrl, name);
  let admin: postgres.Sql;
  let sql: postgres.Sql;
  let database: Database;
  let generated: Awaited<ReturnType<typeof ensureLargeDataset>>;

  /** md5 of each table's rows in a fixed order; the password hash is salted at random, so left out. */
  async function tableDigests() {
    const digests: Record<string, string> = {};
    for (const table of ['users', 'mentor_profiles', 'follows', 'posts', 'comments', 'reactions', 'mentorship_requests', 'mentorships', 'mentorship_goals', 'mentorship_messages', 'mentorship_ratings', 'events']) {
      const row = table === 'users' ? `(t.id, t.handle, t.email, t.display_name, t.bio, t.follower_count, t.created_at)` : table === 'events' ? `(t.type, t.actor_id, t.request_id, t.mentorship_id, t.data, t.created_at)` : 't';
      const [{ md5 } = { md5: '' }] = await sql.unsafe<{ md5: string }[]>(`select md5(string_agg(${row}::text, '|' order by ${row}::text)) as md5 from ${table} t`);
      digests[table] = md5;
    }
    return digests;
  }

  beforeAll(async () => {
    admin = postgres(withDatabase(templateUrl, 'postgres'), { max: 1, onnotice: () => {} });
    generated = await ensureLargeDataset(url, { seed: SEED, scale: SCALE });
    sql = postgres(url, { max: 2, onnotice: () => {} });
    database = fromPostgres(url, { max: 2 });
    setDatabase(database);
  }, 300_000);

  afterAll(async () => {
    setDatabase(undefined);
    await database?.close();
    await sql?.end();
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  });

  it('holds counts proportional to the scale, and says so in its marker', async () => {
    const [counts] = await sql<Record<string, number>[]>`
      select (select count(*)::int from users) as users, (select count(*)::int from mentor_profiles) as mentors,
        (select count(*)::int from posts) as posts, (select count(*)::int from comments) as comments,
        (select count(*)::int from reactions) as reactions, (select count(*)::int from follows) as follows,
        (select count(*)::int from mentorship_requests) as requests, (select count(*)::int from mentorships) as mentorships,
        (select count(*)::int from mentorship_messages) as messages,
        (select count(*)::int from events where type like 'request.%' or type like 'mentorship.%') as events`;
    expect(counts).toMatchObject({
      users: size.mentors + size.members,
      mentors: size.mentors,
      posts: size.posts,
      comments: size.comments,
      reactions: size.reactions,
      follows: size.follows,
      requests: size.requests,
      mentorships: size.mentorships,
      messages: size.messages,
    });
    expect(counts!.events).toBeGreaterThan(size.requests + size.mentorships + size.messages);
    expect(generated).toMatchObject({ reused: false, marker: { generator: 'large', seed: SEED, scale: SCALE, complete: true } });
    expect(generated.marker.tables!.reduce((sum, t) => sum + t.rows, 0)).toBe(generated.marker.rows);
  });

  it('keeps the rules of the schema: checks, unique handles and e-mails, indexes and foreign keys all back in place', async () => {
    const [missing] = await sql<{ indexes: number; foreignKeys: number }[]>`
      select (select count(*)::int from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace and not convalidated) as "foreignKeys",
        (select count(*)::int from pg_index where not indisvalid) as indexes`;
    expect(missing).toEqual({ indexes: 0, foreignKeys: 0 });
    const indexes = await sql<{ name: string }[]>`select indexname as name from pg_indexes where schemaname = 'public'`;
    expect(indexes.map((i) => i.name)).toEqual(expect.arrayContaining(['users_handle_lower_key', 'posts_slug_key', 'reactions_post_key', 'comments_post_idx', 'mentor_profiles_search_idx']));
    const [shape] = await sql<{ slugs: number; handles: number; selfFollows: number; deep: number }[]>`
      select (select count(*)::int from posts where slug !~ '^[a-z0-9]+(-[a-z0-9]+)*-[0-9a-z]{6}$' and slug <> ${LARGE_FIXTURES.longThread.slug}) as slugs,
        (select count(*)::int from users where handle <> lower(handle)) as handles,
        (select count(*)::int from follows where follower_id = followee_id) as "selfFollows",
        (select count(*)::int from comments c join comments p on p.id = c.parent_id where c.depth <> least(p.depth + 1, 50) or c.post_id <> p.post_id) as deep`;
    expect(shape).toEqual({ slugs: 0, handles: 0, selfFollows: 0, deep: 0 });
  });

  it('has the fixtures the benchmark signs in with and reads', async () => {
    const [reader] = await sql<{ id: string; hash: string; follows: number; withPosts: number }[]>`
      select u.id, u.password_hash as hash,
        (select count(*)::int from follows f where f.follower_id = u.id) as follows,
        (select count(*)::int from follows f where f.follower_id = u.id and exists (select 1 from posts p where p.author_id = f.followee_id and p.status = 'published')) as "withPosts"
      from users u where u.handle = ${LARGE_FIXTURES.reader.handle} and u.email = ${LARGE_FIXTURES.reader.email}`;
    expect(reader).toMatchObject({ follows: 200, withPosts: 200 });
    expect(await verifyPassword(LARGE_FIXTURES.password, reader!.hash)).toBe(true);

    const [mentor] = await sql<{ posts: number; open: boolean; followers: number; tags: string[] }[]>`
      select (select count(*)::int from posts p where p.author_id = u.id) as posts, m.open_for_requests as open, u.follower_count as followers, m.tags
      from users u join mentor_profiles m on m.user_id = u.id where u.handle = ${LARGE_FIXTURES.mentor.handle}`;
    expect(mentor).toMatchObject({ posts: LARGE_FIXTURES.mentor.posts, open: true });
    expect(mentor!.followers).toBeGreaterThanOrEqual(Math.round((size.mentors + size.members) * LARGE_FIXTURES.mentor.followerShare));

    const [thread] = await sql<{ author: string; comments: number; replies: number; reactions: number }[]>`
      select u.handle as author, (select count(*)::int from comments c where c.post_id = p.id) as comments,
        (select count(*)::int from comments c where c.post_id = p.id and c.parent_id is not null) as replies,
        (select count(*)::int from reactions r where r.post_id = p.id or r.comment_id in (select id from comments c where c.post_id = p.id)) as reactions
      from posts p join users u on u.id = p.author_id where p.slug = ${LARGE_FIXTURES.longThread.slug}`;
    expect(thread).toMatchObject({ author: LARGE_FIXTURES.mentor.handle, comments: 1_000 });
    expect(thread!.replies).toBeGreaterThan(200);
    expect(thread!.reactions).toBeGreaterThanOrEqual(Math.min(LARGE_FIXTURES.longThread.reactions, Math.round(0.3 * size.reactions)));

    const [writer] = await sql<{ hash: string }[]>`select password_hash as hash from users where handle = ${LARGE_FIXTURES.writer.handle} and email = ${LARGE_FIXTURES.writer.email}`;
    expect(await verifyPassword(LARGE_FIXTURES.password, writer!.hash)).toBe(true);
  });

  it('keeps every trigger-kept counter equal to a recount of its rows', async () => {
    const [wrong] = await sql<Record<string, number>[]>`
      select
        (select count(*)::int from users u where follower_count <> (select count(*) from follows f where f.followee_id = u.id)) as followers,
        (select count(*)::int from mentor_profiles m join users u on u.id = m.user_id where m.follower_count <> u.follower_count or m.display_name <> u.display_name or m.handle <> u.handle) as "profileCopies",
        (select count(*)::int from mentor_profiles m where active_mentee_count <> (select count(*) from mentorships s where s.mentor_id = m.user_id and s.status = 'active')) as active,
        (select count(*)::int from posts p where comment_count <> (select count(*) from comments c where c.post_id = p.id and c.deleted_at is null and c.hidden_at is null)) as comments,
        (select count(*)::int from posts p where reaction_count <> (select count(*) from reactions r where r.post_id = p.id)) as reactions,
        (select count(*)::int from mentorships s where message_count <> (select count(*) from mentorship_messages x where x.mentorship_id = s.id)) as messages,
        (select count(*)::int from mentorships s where goal_count <> (select count(*) from mentorship_goals g where g.mentorship_id = s.id)
          or goals_done_count <> (select count(*) from mentorship_goals g where g.mentorship_id = s.id and g.done_at is not null)) as goals,
        (select count(*)::int from mentor_profiles where search is null or search_bio is null) as unsearchable`;
    expect(wrong).toEqual({ followers: 0, profileCopies: 0, active: 0, comments: 0, reactions: 0, messages: 0, goals: 0, unsearchable: 0 });
    const [sums] = await sql<{ followers: number; follows: number }[]>`select (select sum(follower_count)::int from users) as followers, (select count(*)::int from follows) as follows`;
    expect(sums!.followers).toBe(sums!.follows);
  });

  it('serves the app’s own queries: the directory, the reader’s feed, the long thread', async () => {
    const { searchMentors } = await import('@/db/queries/mentors');
    const { loadFeed } = await import('@/db/queries/feed');
    const { getPost } = await import('@/db/queries/posts');
    const { query } = parseDirectoryQuery({ tag: 'react', lang: 'en', accepting: '1' });
    const directory = await searchMentors(query);
    expect(directory.total).toBeGreaterThan(0);
    for (const m of directory.mentors) expect(m).toMatchObject({ tags: expect.arrayContaining(['react']), languages: expect.arrayContaining(['en']) });
    const search = await searchMentors(parseDirectoryQuery({ q: LARGE_FIXTURES.mentor.handle }).query);
    expect(search.mentors[0]?.handle).toBe(LARGE_FIXTURES.mentor.handle);

    const [reader] = await sql<{ id: string }[]>`select id from users where handle = ${LARGE_FIXTURES.reader.handle}`;
    const feed = await loadFeed(reader!.id);
    expect(feed.posts).toHaveLength(10);
    expect(feed.posts.every((p) => !p.suggested)).toBe(true);

    const post = await getPost(LARGE_FIXTURES.longThread.slug);
    expect(post).toMatchObject({ slug: LARGE_FIXTURES.longThread.slug });
  });

  it('is kept while seed and size match, and made again row for row from the same seed', async () => {
    const before = await tableDigests();
    expect(await ensureLargeDataset(url, { seed: SEED, scale: SCALE })).toMatchObject({ reused: true });
    const again = await ensureLargeDataset(url, { seed: SEED, scale: SCALE, regenerate: true });
    expect(again.reused).toBe(false);
    await sql.end();
    sql = postgres(url, { max: 2, onnotice: () => {} });
    expect(await tableDigests()).toEqual(before);
  }, 300_000);

  it('refuses a database that holds other tables', async () => {
    const foreign = `${name}_foreign`;
    await admin.unsafe(`create database "${foreign}"`);
    const other = postgres(withDatabase(templateUrl, foreign), { max: 1, onnotice: () => {} });
    try {
      await other`create table notes (id int)`;
      await expect(ensureLargeDataset(withDatabase(templateUrl, foreign), { seed: SEED, scale: SCALE })).rejects.toThrow(/is not a large seed data set: not touching it/);
      expect(await other`select 1 from notes`).toHaveLength(0);
    } finally {
      await other.end();
      await admin.unsafe(`drop database if exists "${foreign}" with (force)`);
    }
  });
});
