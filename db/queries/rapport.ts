import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { db, rowsOf } from '@/db';
import { events, mentorProfiles, users } from '@/db/schema';
import { GROWN_SCORE, HALF_LIFE_DAYS, isGrown, MIN_EXCHANGES_EACH, MIN_WEEKS, pairKey, POINTS, type RapportFacts } from '@/lib/rapport';
import { recordEvent, type Tx } from './events';

type Queryable = Pick<Tx, 'execute'>;

/**
 * Every directed interaction touching `viewer` (optionally only with `other`): comments and
 * replies (from `comments.replies_to_id`), reactions, follows. One row each: actor, target,
 * kind, when.
 */
function interactions(viewerId: string, otherId?: string) {
  const viewer = sql`${viewerId}::uuid`;
  const other = otherId ? sql`${otherId}::uuid` : undefined;
  const pair = (a: ReturnType<typeof sql.raw>, b: ReturnType<typeof sql.raw>) =>
    other
      ? sql`((${a} = ${viewer} and ${b} = ${other}) or (${a} = ${other} and ${b} = ${viewer}))`
      : sql`(${a} = ${viewer} or ${b} = ${viewer})`;
  return sql`
    select author_id as actor, replies_to_id as target, 'comment' as kind, created_at as at
      from comments where deleted_at is null and author_id <> replies_to_id and ${pair(sql.raw('author_id'), sql.raw('replies_to_id'))}
    union all
    select user_id, target_author_id, 'reaction', created_at
      from reactions where user_id <> target_author_id and ${pair(sql.raw('user_id'), sql.raw('target_author_id'))}
    union all
    select follower_id, followee_id, 'follow', created_at
      from follows where ${pair(sql.raw('follower_id'), sql.raw('followee_id'))}`;
}

/** The rule's constants, inlined as numbers (a parameter would arrive as text). */
const num = (n: number) => sql.raw(`${Number(n)}::float8`);

function rapportSql(viewerId: string, otherId?: string, now = new Date()) {
  const viewer = sql`${viewerId}::uuid`;
  return sql`
    with x as (${interactions(viewerId, otherId)})
    select case when actor = ${viewer} then target else actor end as partner,
      sum(case kind when 'comment' then ${num(POINTS.comment)} when 'reaction' then ${num(POINTS.reaction)} else ${num(POINTS.follow)} end
          * power(0.5, extract(epoch from (${now.toISOString()}::timestamptz - at)) / 86400.0 / ${num(HALF_LIFE_DAYS)}))::float8 as score,
      (count(*) filter (where kind <> 'follow' and actor = ${viewer}))::int as from_me,
      (count(*) filter (where kind <> 'follow' and actor <> ${viewer}))::int as from_them,
      (count(distinct date_trunc('week', at)) filter (where kind <> 'follow'))::int as weeks,
      min(at) as first_at, max(at) as last_at
    from x group by 1`;
}

const MIN_LISTED_SCORE = 0.1;

type Row = { partner: string; score: number; from_me: number; from_them: number; weeks: number; first_at: Date | string | null; last_at: Date | string | null };

const toDate = (v: Date | string | null) => (v === null ? null : new Date(v));
const facts = (r: Row): RapportFacts => ({
  score: Number(r.score),
  fromMe: r.from_me,
  fromThem: r.from_them,
  weeks: r.weeks,
  firstAt: toDate(r.first_at),
  lastAt: toDate(r.last_at),
});

/** The rapport between two members, from `a`'s side. */
export async function rapportBetween(a: string, b: string, options: { now?: Date; tx?: Queryable } = {}): Promise<RapportFacts> {
  const [row] = rowsOf<Row>(await (options.tx ?? db()).execute(rapportSql(a, b, options.now)));
  return row ? facts(row) : { score: 0, fromMe: 0, fromThem: 0, weeks: 0, firstAt: null, lastAt: null };
}

/**
 * Called in the same transaction as every new interaction between two members: when it makes
 * their rapport grow for the first time, that is written to the event log.
 */
export async function noteInteraction(tx: Tx, actorId: string, targetId: string) {
  if (actorId === targetId) return;
  const key = pairKey(actorId, targetId);
  const [already] = await tx
    .select({ id: events.id })
    .from(events)
    .where(and(eq(events.type, 'rapport.grown'), sql`${events.data} ->> 'pair' = ${key}`))
    .limit(1);
  if (already) return;
  const now = await rapportBetween(actorId, targetId, { tx });
  if (!isGrown(now)) return;
  await recordEvent(tx, { type: 'rapport.grown', actorId, data: { pair: key, score: now.score, weeks: now.weeks, firstAt: now.firstAt } });
}

/**
 * Whether two members have interacted both ways — any comment, reply, reaction or follow from
 * each side. A request sent after that is "warm".
 */
export async function hadTwoWayInteraction(tx: Queryable, a: string, b: string) {
  const [row] = rowsOf<Row>(
    await tx.execute(sql`with x as (${interactions(a, b)})
      select (count(*) filter (where actor = ${a}::uuid))::int as from_me, (count(*) filter (where actor = ${b}::uuid))::int as from_them from x`),
  );
  return Boolean(row && row.from_me > 0 && row.from_them > 0);
}

/** The viewer's connections, strongest first, with whether each has grown and who is a mentor. */
export async function listConnections(viewerId: string, limit = 50) {
  // A follow long ago with nothing since has faded to nothing: not a connection worth listing.
  const rows = rowsOf<Row>(await db().execute(sql`${rapportSql(viewerId)} order by score desc limit ${limit}`)).filter(
    (r) => Number(r.score) >= MIN_LISTED_SCORE || r.from_me + r.from_them > 0,
  );
  if (!rows.length) return [];
  const partners = await db()
    .select({
      id: users.id,
      handle: users.handle,
      displayName: users.displayName,
      avatarUpdatedAt: users.avatarUpdatedAt,
      mentorStatus: mentorProfiles.status,
    })
    .from(users)
    .leftJoin(mentorProfiles, eq(mentorProfiles.userId, users.id))
    .where(sql`${users.id} in (${sql.join(rows.map((r) => sql`${r.partner}`), sql`, `)})`);
  const byId = new Map(partners.map((p) => [p.id, p]));
  return rows
    .filter((r) => byId.has(r.partner))
    .map((r) => {
      const f = facts(r);
      const p = byId.get(r.partner)!;
      return { ...f, grown: isGrown(f), partner: { ...p, isMentor: p.mentorStatus === 'active' } };
    });
}

export const RAPPORT_RULE = { HALF_LIFE_DAYS, POINTS, MIN_EXCHANGES_EACH, MIN_WEEKS, GROWN_SCORE };

/**
 * When two members first had anything to do with each other: the earliest follow, comment,
 * reaction, request or offer between them, and never later than `until` (the mentorship's start).
 * The insights measure "time to mentorship" from it.
 */
export async function firstContactAt(tx: Queryable, a: string, b: string, until: Date): Promise<Date> {
  const pair = (x: string, y: string) =>
    sql`((${sql.raw(x)} = ${a}::uuid and ${sql.raw(y)} = ${b}::uuid) or (${sql.raw(x)} = ${b}::uuid and ${sql.raw(y)} = ${a}::uuid))`;
  const result = await tx.execute(sql`select least(
      (select min(at) from (${interactions(a, b)}) x),
      (select min(created_at) from mentorship_requests where ${pair('mentor_id', 'mentee_id')}),
      (select min(created_at) from mentorship_offers where ${pair('mentor_id', 'mentee_id')}),
      ${until.toISOString()}::timestamptz) as first_at`);
  const [row] = rowsOf<{ first_at: Date | string }>(result);
  return new Date(row!.first_at);
}
