import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { db } from '@/db';
import { COHORTS, TIME_TO_MENTORSHIP_BUCKETS, type Cohort, type InsightsData, type Window, windowStart } from '@/lib/insights';
import { kaplanMeierCounts } from '@/lib/stats';

/**
 * The experiment's raw figures, aggregated in SQL from the requests, mentorships, messages,
 * goals, ratings and the event log — one statement per kind of figure, each grouped by cohort,
 * so the cost does not grow with rows shipped to JavaScript. Only Wilson intervals and the
 * Kaplan–Meier product (lib/stats.ts) and the presentation rules (lib/insights.ts) run here.
 */
export type Scope = { mentorId?: string; window?: Window; now?: Date };

const rowsOf = <T>(result: unknown) => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
const run = async <T>(query: SQL) => rowsOf<T>(await db().execute(query));
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

/** Requests → accepted per warmth, and how long an answer took (accepted or declined). */
function requestConversion(scope: Scope, now: Date) {
  const f = filters(scope, now);
  return run<{ cohort: Cohort; decided: number; accepted: number; answered: number; median_hours: number | null }>(sql`
    select 'ask-' || r.warmth as cohort,
      (count(*) filter (where r.status in ('accepted', 'declined', 'expired')))::int as decided,
      (count(*) filter (where r.status = 'accepted'))::int as accepted,
      (count(*) filter (where r.status in ('accepted', 'declined')))::int as answered,
      (percentile_cont(0.5) within group (order by extract(epoch from r.answered_at - r.created_at) / 3600.0)
        filter (where r.status in ('accepted', 'declined')))::float8 as median_hours
    from mentorship_requests r
    where true ${f.mentor('r.mentor_id')} ${f.at('r.created_at')} ${f.until('r.created_at')}
    group by 1`);
}

/**
 * Connections that grew between a mentor and another member → a grow-origin mentorship between
 * the pair within 30 days. Pairs of two non-mentors cannot become a mentorship and are not counted,
 * nor are connections younger than 30 days, whose outcome is not known yet.
 */
function grownConversion(scope: Scope, now: Date) {
  const f = filters(scope, now);
  return run<{ grown: number; converted: number; median_days: number | null }>(sql`
    with grown as (
      select split_part(e.data ->> 'pair', ':', 1)::uuid as a, split_part(e.data ->> 'pair', ':', 2)::uuid as b, e.created_at as at
      from events e
      -- Only connections whose 30 days are over: a younger one may still become a mentorship.
      where e.type = 'rapport.grown' ${f.at('e.created_at')}
        and e.created_at <= ${now.toISOString()}::timestamptz - interval '30 days'),
    counted as (
      select g.*, (
        select min(m.started_at) from mentorships m
        where m.origin = 'grow' and m.started_at >= g.at and m.started_at < g.at + interval '30 days'
          and m.started_at <= ${now.toISOString()}::timestamptz
          and ((m.mentor_id = g.a and m.mentee_id = g.b) or (m.mentor_id = g.b and m.mentee_id = g.a))) as started_at
      from grown g
      where exists (select 1 from mentor_profiles p where p.user_id in (g.a, g.b))
        ${scope.mentorId ? sql`and ${scope.mentorId}::uuid in (g.a, g.b)` : sql``})
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
  contact_q1: number | null;
  contact_median: number | null;
  contact_q3: number | null;
  goals: number;
  goals_done: number;
  mentor_ratings: number;
  mentor_rating: number | null;
  mentee_ratings: number;
  mentee_rating: number | null;
} & Record<`bucket_${number}`, number>;

/** Per cohort: size, endings, engagement, time to mentorship (quartiles and buckets), goals, ratings. */
function mentorshipSummary(scope: Scope, now: Date) {
  const f = filters(scope, now);
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  const buckets = TIME_TO_MENTORSHIP_BUCKETS.map(
    (b, i) => sql`, (count(*) filter (where contact_days >= ${sql.raw(String(b.fromDays))} ${b.toDays === undefined ? sql`` : sql`and contact_days < ${sql.raw(String(b.toDays))}`}))::int as ${sql.raw(`bucket_${i}`)}`,
  );
  return run<SummaryRow>(sql`
    with scoped as (
      select m.id, m.mentor_id, m.mentee_id, ${cohortOf} as cohort, m.started_at,
        case when m.ended_at <= ${nowSql} then m.status else 'active' end as status,
        extract(epoch from least(coalesce(m.ended_at, ${nowSql}), ${nowSql}) - m.started_at) / 604800.0 as weeks,
        extract(epoch from m.started_at - m.first_contact_at) / 86400.0 as contact_days
      from mentorships m
      where true ${f.mentor('m.mentor_id')} ${f.at('m.started_at')} ${f.until('m.started_at')}),
    messages as (
      select x.mentorship_id, count(*)::int as n from mentorship_messages x
      where x.mentorship_id in (select id from scoped) and x.created_at <= ${nowSql} group by 1),
    goals as (
      select g.mentorship_id, count(*)::int as n, (count(*) filter (where g.done_at <= ${nowSql}))::int as done
      from mentorship_goals g where g.mentorship_id in (select id from scoped) group by 1),
    ratings as (
      select t.mentorship_id,
        avg(t.rating) filter (where t.rater_id = s.mentor_id) as by_mentor,
        avg(t.rating) filter (where t.rater_id = s.mentee_id) as by_mentee
      from mentorship_ratings t join scoped s on s.id = t.mentorship_id
      where s.status <> 'active' and t.created_at <= ${nowSql} group by 1)
    select s.cohort,
      count(*)::int as mentorships,
      (count(*) filter (where s.status <> 'active'))::int as ended,
      (count(*) filter (where s.status = 'completed'))::int as completed,
      (count(*) filter (where s.status = 'ended'))::int as ended_early,
      -- Weeks it has run, at least one, so a new mentorship's first messages are not inflated.
      avg(coalesce(x.n, 0) / greatest(1.0, s.weeks))::float8 as messages_per_week,
      count(s.contact_days)::int as contact_n,
      (percentile_cont(0.25) within group (order by s.contact_days))::float8 as contact_q1,
      (percentile_cont(0.5) within group (order by s.contact_days))::float8 as contact_median,
      (percentile_cont(0.75) within group (order by s.contact_days))::float8 as contact_q3
      ${sql.join(buckets, sql``)},
      coalesce(sum(g.n), 0)::int as goals,
      coalesce(sum(g.done), 0)::int as goals_done,
      count(t.by_mentor)::int as mentor_ratings, avg(t.by_mentor)::float8 as mentor_rating,
      count(t.by_mentee)::int as mentee_ratings, avg(t.by_mentee)::float8 as mentee_rating
    from scoped s
    left join messages x on x.mentorship_id = s.id
    left join goals g on g.mentorship_id = s.id
    left join ratings t on t.mentorship_id = s.id
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
    from scoped group by 1, 2 order by 1, 2`);
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
  const [requests, [grown], summaries, survival, reasons] = await Promise.all([
    requestConversion(scope, now),
    grownConversion(scope, now),
    mentorshipSummary(scope, now),
    survivalTable(scope, now),
    endReasons(scope, now),
  ]);
  const cohorts = Object.fromEntries(
    COHORTS.map((cohort) => {
      const asked = requests.find((r) => r.cohort === cohort);
      const s = summaries.find((r) => r.cohort === cohort);
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
              : { n: asked?.answered ?? 0, medianHours: num(asked?.median_hours) },
          timeToMentorship: {
            n: s?.contact_n ?? 0,
            q1: num(s?.contact_q1),
            median: num(s?.contact_median),
            q3: num(s?.contact_q3),
            buckets: TIME_TO_MENTORSHIP_BUCKETS.map((_, i) => s?.[`bucket_${i}`] ?? 0),
          },
          curve,
          messagesPerActiveWeek: { n: s?.mentorships ?? 0, mean: num(s?.messages_per_week) },
          goals: { total: s?.goals ?? 0, done: s?.goals_done ?? 0 },
          satisfaction: {
            byMentors: { n: s?.mentor_ratings ?? 0, mean: num(s?.mentor_rating) },
            byMentees: { n: s?.mentee_ratings ?? 0, mean: num(s?.mentee_rating) },
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
