import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { db, rowsOf } from '@/db';
import { COHORTS, TIME_TO_MENTORSHIP_BUCKETS, type Cohort, type InsightsData, type Window, windowStart } from '@/lib/insights';
import { kaplanMeierCounts } from '@/lib/stats';

/**
 * The experiment's raw figures, aggregated in SQL from the requests, mentorships, messages,
 * goals, ratings and the event log — one statement per kind of figure, each grouped by cohort,
 * so the cost does not grow with rows shipped to JavaScript. Only Wilson intervals and the
 * Kaplan–Meier product (lib/stats.ts) and the presentation rules (lib/insights.ts) run here.
 */
export type Scope = { mentorId?: string; window?: Window; now?: Date };

/**
 * Each statement in a transaction of its own, without parallel workers: the computation already
 * runs its statements side by side, and workers would only compete with them for the same cores
 * (measured: 460 → 410 ms p50 on the benchmark's 2 cores).
 */
const run = <T>(query: SQL) =>
  db().transaction(async (tx) => {
    await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
    return rowsOf<T>(await tx.execute(query));
  });
const num = (v: number | string | null | undefined) => (v === null || v === undefined ? undefined : Number(v));

const cohortOf = sql.raw(`case when m.origin = 'grow' then 'grow' else 'ask-' || m.warmth end`);

function filters(scope: Scope, now: Date) {
  const since = windowStart(scope.window ?? 'all', now);
  const at = (column: string) => (since ? sql`and ${sql.raw(column)} >= ${since.toISOString()}::timestamptz` : sql``);
  const mentor = (column: string) => (scope.mentorId ? sql`and ${sql.raw(column)} = ${scope.mentorId}::uuid` : sql``);
  // Nothing after "now": a computation for a past moment (tests, the benchmark) sees that moment.
  const until = (column: string) => sql`and ${sql.raw(column)} <= ${now.toISOString()}::timestamptz`;
  return { at, mentor, until };
}

/** Requests → accepted per warmth (a hash aggregate: no ordered-set aggregate to force a sort). */
function requestConversion(scope: Scope, now: Date) {
  const f = filters(scope, now);
  return run<{ cohort: Cohort; decided: number; accepted: number; answered: number }>(sql`
    select 'ask-' || r.warmth as cohort,
      (count(*) filter (where r.status in ('accepted', 'declined', 'expired')))::int as decided,
      (count(*) filter (where r.status = 'accepted'))::int as accepted,
      (count(*) filter (where r.status in ('accepted', 'declined')))::int as answered
    from mentorship_requests r
    where true ${f.mentor('r.mentor_id')} ${f.at('r.created_at')} ${f.until('r.created_at')}
    group by 1`);
}

/** The median hours to an answer (accepted or declined), sorting only the answered requests. */
function answerTimes(scope: Scope, now: Date) {
  const f = filters(scope, now);
  return run<{ cohort: Cohort; median_hours: number | null }>(sql`
    select 'ask-' || r.warmth as cohort,
      (percentile_cont(0.5) within group (order by extract(epoch from r.answered_at - r.created_at) / 3600.0))::float8 as median_hours
    from mentorship_requests r
    where r.status in ('accepted', 'declined') ${f.mentor('r.mentor_id')} ${f.at('r.created_at')} ${f.until('r.created_at')}
    group by r.warmth`);
}

/**
 * Connections that grew between a mentor and another member → a grow-origin mentorship between
 * the pair within 30 days. Pairs of two non-mentors cannot become a mentorship and are not counted,
 * nor are connections younger than 30 days, whose outcome is not known yet.
 */
function grownConversion(scope: Scope, now: Date) {
  const f = filters(scope, now);
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  // The pair key is "lesser:greater", so least/greatest of the mentorship's two ids meet it
  // with an equality join instead of a correlated OR per connection.
  return run<{ grown: number; converted: number; median_days: number | null }>(sql`
    with grown as (
      select e.id, split_part(e.data ->> 'pair', ':', 1)::uuid as a, split_part(e.data ->> 'pair', ':', 2)::uuid as b, e.created_at as at
      from events e
      -- Only connections whose 30 days are over: a younger one may still become a mentorship.
      where e.type = 'rapport.grown' ${f.at('e.created_at')} and e.created_at <= ${nowSql} - interval '30 days'),
    counted as (
      select g.id, g.at, min(m.started_at) as started_at
      from grown g
      left join (
        select least(mentor_id, mentee_id) as a, greatest(mentor_id, mentee_id) as b, started_at
        from mentorships where origin = 'grow' and started_at <= ${nowSql}
      ) m on m.a = g.a and m.b = g.b and m.started_at >= g.at and m.started_at < g.at + interval '30 days'
      where exists (select 1 from mentor_profiles p where p.user_id in (g.a, g.b))
        ${scope.mentorId ? sql`and ${scope.mentorId}::uuid in (g.a, g.b)` : sql``}
      group by g.id, g.at)
    select count(*)::int as grown, count(started_at)::int as converted,
      (percentile_cont(0.5) within group (order by extract(epoch from started_at - at) / 86400.0))::float8 as median_days
    from counted`);
}

type SummaryRow = {
  cohort: Cohort;
  mentorships: number;
  ended: number;
  completed: number;
  ended_early: number;
  messages_per_week: number | null;
  contact_n: number;
  goals: number;
  goals_done: number;
};

/**
 * Per cohort: size, endings, engagement, goals — one pass over the scoped mentorships (a hash
 * aggregate; the quartiles, which need a sort, are a statement of their own). Messages and goals come from the counters the triggers keep on each
 * mentorship (db/migrations/0007), not from counting their rows.
 */
function mentorshipSummary(scope: Scope, now: Date) {
  const f = filters(scope, now);
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  const ended = sql`(m.ended_at is not null and m.ended_at <= ${nowSql})`;
  return run<SummaryRow>(sql`
    select ${cohortOf} as cohort,
      count(*)::int as mentorships,
      (count(*) filter (where ${ended}))::int as ended,
      (count(*) filter (where ${ended} and m.status = 'completed'))::int as completed,
      (count(*) filter (where ${ended} and m.status = 'ended'))::int as ended_early,
      -- Weeks it has run, at least one, so a new mentorship's first messages are not inflated.
      avg(m.message_count / greatest(1.0, extract(epoch from least(coalesce(m.ended_at, ${nowSql}), ${nowSql}) - m.started_at) / 604800.0))::float8
        as messages_per_week,
      count(m.first_contact_at)::int as contact_n,
      coalesce(sum(m.goal_count), 0)::int as goals,
      coalesce(sum(m.goals_done_count), 0)::int as goals_done
    from mentorships m
    where true ${f.mentor('m.mentor_id')} ${f.at('m.started_at')} ${f.until('m.started_at')}
    group by 1`);
}

type QuartilesRow = { cohort: Cohort; contact_quartiles: (number | string | null)[] | string | null };

/** Days from first contact to the start: the three quartiles in one sort, per cohort. */
function contactQuartiles(scope: Scope, now: Date) {
  const f = filters(scope, now);
  return run<QuartilesRow>(sql`
    select ${cohortOf} as cohort,
      (percentile_cont(array[0.25, 0.5, 0.75]) within group (order by extract(epoch from m.started_at - m.first_contact_at) / 86400.0))::float8[]
        as contact_quartiles
    from mentorships m
    where m.first_contact_at is not null ${f.mentor('m.mentor_id')} ${f.at('m.started_at')} ${f.until('m.started_at')}
    group by 1`);
}

/** A float8[] as postgres.js (an array) or PGlite (an array, or '{1,2,3}' text) returns it. */
function quartilesOf(value: QuartilesRow['contact_quartiles'] | undefined) {
  const list = typeof value === 'string' ? value.replace(/[{}]/g, '').split(',') : (value ?? []);
  const [q1, median, q3] = list.map((v) => (v === null || v === 'NULL' ? undefined : Number(v)));
  return { q1, median, q3 };
}

/** Time from first contact to the start, counted per cohort and bucket (the distribution chart). */
function contactBuckets(scope: Scope, now: Date) {
  const f = filters(scope, now);
  const days = sql`extract(epoch from m.started_at - m.first_contact_at) / 86400.0`;
  const whens = TIME_TO_MENTORSHIP_BUCKETS.map((b, i) =>
    b.toDays === undefined ? sql`else ${sql.raw(String(i))}` : sql`when ${days} < ${sql.raw(String(b.toDays))} then ${sql.raw(String(i))}`,
  );
  return run<{ cohort: Cohort; bucket: number; n: number }>(sql`
    select ${cohortOf} as cohort, case ${sql.join(whens, sql` `)} end as bucket, count(*)::int as n
    from mentorships m
    where m.first_contact_at is not null ${f.mentor('m.mentor_id')} ${f.at('m.started_at')} ${f.until('m.started_at')}
    group by 1, 2`);
}

/** Each side's end rating per cohort: mentorships that have ended, rated by then. */
function endRatings(scope: Scope, now: Date) {
  const f = filters(scope, now);
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  return run<{ cohort: Cohort; mentor_ratings: number; mentor_rating: number | null; mentee_ratings: number; mentee_rating: number | null }>(sql`
    select ${cohortOf} as cohort,
      (count(*) filter (where t.rater_id = m.mentor_id))::int as mentor_ratings,
      (avg(t.rating) filter (where t.rater_id = m.mentor_id))::float8 as mentor_rating,
      (count(*) filter (where t.rater_id = m.mentee_id))::int as mentee_ratings,
      (avg(t.rating) filter (where t.rater_id = m.mentee_id))::float8 as mentee_rating
    from mentorship_ratings t
    join mentorships m on m.id = t.mentorship_id
    where m.ended_at <= ${nowSql} and t.created_at <= ${nowSql} ${f.mentor('m.mentor_id')} ${f.at('m.started_at')} ${f.until('m.started_at')}
    group by 1`);
}

/**
 * The survival table: per cohort and whole day of duration (rounded up, so "ended within 28 days"
 * counts at 4 weeks), how many ended then and how many were still running when last seen.
 */
function survivalTable(scope: Scope, now: Date) {
  const f = filters(scope, now);
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  return run<{ cohort: Cohort; day: number; events: number; censored: number }>(sql`
    with scoped as (
      select ${cohortOf} as cohort, m.ended_at is not null and m.ended_at <= ${nowSql} as ended,
        ceil(extract(epoch from least(coalesce(m.ended_at, ${nowSql}), ${nowSql}) - m.started_at) / 86400.0)::int as day
      from mentorships m
      where true ${f.mentor('m.mentor_id')} ${f.at('m.started_at')} ${f.until('m.started_at')})
    select cohort, day, (count(*) filter (where ended))::int as events, (count(*) filter (where not ended))::int as censored
    from scoped group by 1, 2`);
}

/** Why mentorships ended, per cohort and outcome. */
function endReasons(scope: Scope, now: Date) {
  const f = filters(scope, now);
  return run<{ cohort: Cohort; reason: string | null; n: number }>(sql`
    select ${cohortOf} as cohort, m.end_reason as reason, count(*)::int as n
    from mentorships m
    where m.status <> 'active' and m.ended_at <= ${now.toISOString()}::timestamptz
      ${f.mentor('m.mentor_id')} ${f.at('m.started_at')} ${f.until('m.started_at')}
    group by 1, 2`);
}

/** All the raw figures for one scope and window; lib/insights.ts turns them into what is shown. */
export async function computeInsights(scope: Scope = {}): Promise<InsightsData> {
  const now = scope.now ?? new Date();
  const [requests, answers, [grown], summaries, quartiles, buckets, ratings, survival, reasons] = await Promise.all([
    requestConversion(scope, now),
    answerTimes(scope, now),
    grownConversion(scope, now),
    mentorshipSummary(scope, now),
    contactQuartiles(scope, now),
    contactBuckets(scope, now),
    endRatings(scope, now),
    survivalTable(scope, now),
    endReasons(scope, now),
  ]);
  const cohorts = Object.fromEntries(
    COHORTS.map((cohort) => {
      const asked = requests.find((r) => r.cohort === cohort);
      const answered = answers.find((r) => r.cohort === cohort);
      const s = summaries.find((r) => r.cohort === cohort);
      const rated = ratings.find((r) => r.cohort === cohort);
      const bucketed = buckets.filter((r) => r.cohort === cohort);
      const curve = kaplanMeierCounts(
        survival.filter((r) => r.cohort === cohort).map((r) => ({ time: r.day / 7, events: r.events, censored: r.censored })),
      );
      return [
        cohort,
        {
          mentorships: s?.mentorships ?? 0,
          conversion:
            cohort === 'grow'
              ? { tried: grown?.grown ?? 0, converted: grown?.converted ?? 0 }
              : { tried: asked?.decided ?? 0, converted: asked?.accepted ?? 0 },
          answer:
            cohort === 'grow'
              ? { n: grown?.converted ?? 0, medianHours: num(grown?.median_days) === undefined ? undefined : num(grown?.median_days)! * 24 }
              : { n: asked?.answered ?? 0, medianHours: num(answered?.median_hours) },
          timeToMentorship: {
            n: s?.contact_n ?? 0,
            ...quartilesOf(quartiles.find((r) => r.cohort === cohort)?.contact_quartiles),
            buckets: TIME_TO_MENTORSHIP_BUCKETS.map((_, i) => bucketed.find((r) => Number(r.bucket) === i)?.n ?? 0),
          },
          curve,
          messagesPerActiveWeek: { n: s?.mentorships ?? 0, mean: num(s?.messages_per_week) },
          goals: { total: s?.goals ?? 0, done: s?.goals_done ?? 0 },
          satisfaction: {
            byMentors: { n: rated?.mentor_ratings ?? 0, mean: num(rated?.mentor_rating) },
            byMentees: { n: rated?.mentee_ratings ?? 0, mean: num(rated?.mentee_rating) },
          },
          ends: {
            ended: s?.ended ?? 0,
            completed: s?.completed ?? 0,
            endedEarly: s?.ended_early ?? 0,
            reasons: Object.fromEntries(reasons.filter((r) => r.cohort === cohort).map((r) => [r.reason ?? 'unknown', r.n])),
          },
        },
      ];
    }),
  ) as InsightsData['cohorts'];
  return { computedAt: now.toISOString(), window: scope.window ?? 'all', cohorts };
}

/**
 * The figures for the page and its exports, cached for 30 seconds per scope and window so a burst
 * of readers costs one computation — and a new mentorship still shows within a minute. The page,
 * the CSV and the JSON read the same cached result, so within that time they agree to the digit.
 */
const CACHE_MS = 30_000;
const MAX_CACHED = 200;
// On globalThis: the pages and the export routes are separate bundles, and must share one cache.
const cacheHolder = globalThis as unknown as { __askOrGrowInsights?: Map<string, { at: number; value: Promise<InsightsData> }> };
const cached = (cacheHolder.__askOrGrowInsights ??= new Map());

export function getInsights(scope: { mentorId?: string; window: Window }): Promise<InsightsData> {
  const key = `${scope.mentorId ?? 'platform'}:${scope.window}`;
  const now = Date.now();
  const hit = cached.get(key);
  if (hit && now - hit.at < CACHE_MS) return hit.value;
  const value = computeInsights({ mentorId: scope.mentorId, window: scope.window });
  // A failed computation is not kept: the next reader tries again.
  value.catch(() => cached.delete(key));
  cached.delete(key);
  cached.set(key, { at: now, value });
  if (cached.size > MAX_CACHED) cached.delete(cached.keys().next().value!);
  return value;
}

/** Whether the member has a mentor profile (and so their own insights). */
export async function isMentor(viewerId: string) {
  const rows = await run<{ one: number }>(sql`select 1 as one from mentor_profiles where user_id = ${viewerId}::uuid`);
  return rows.length > 0;
}
