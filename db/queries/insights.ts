import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { db } from '@/db';
import { kaplanMeier, survivalAt, wilson } from '@/lib/stats';

/**
 * The experiment's figures, aggregated in SQL from the requests, mentorships, messages, goals,
 * ratings and the event log; only Wilson and Kaplan–Meier are finished in lib/stats.ts.
 * Platform-wide, or for one mentor's own requests and mentorships.
 */
export const COHORTS = ['ask-cold', 'ask-warm', 'grow'] as const;
export type Cohort = (typeof COHORTS)[number];
export const RETENTION_WEEKS = [4, 8, 12, 26] as const;

type Scope = { mentorId?: string; since?: Date; now?: Date };

const rowsOf = <T>(result: unknown) => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
const run = async <T>(query: SQL) => rowsOf<T>(await db().execute(query));

const cohortOf = sql.raw(`case when m.origin = 'grow' then 'grow' else 'ask-' || m.warmth end`);
const mentorFilter = (column: string, scope: Scope) => (scope.mentorId ? sql`and ${sql.raw(column)} = ${scope.mentorId}::uuid` : sql``);
const sinceFilter = (column: string, scope: Scope) =>
  scope.since ? sql`and ${sql.raw(column)} >= ${scope.since.toISOString()}::timestamptz` : sql``;

/** Requests → accepted, per warmth, and the median hours to an answer (accepted or declined). */
async function requestConversion(scope: Scope) {
  const rows = await run<{ cohort: Cohort; decided: number; accepted: number; median_hours: number | string | null }>(sql`
    select 'ask-' || r.warmth as cohort,
      (count(*) filter (where r.status in ('accepted', 'declined', 'expired')))::int as decided,
      (count(*) filter (where r.status = 'accepted'))::int as accepted,
      (percentile_cont(0.5) within group (order by extract(epoch from r.answered_at - r.created_at) / 3600.0)
        filter (where r.status in ('accepted', 'declined')))::float8 as median_hours
    from mentorship_requests r
    where true ${mentorFilter('r.mentor_id', scope)} ${sinceFilter('r.created_at', scope)}
    group by 1`);
  return new Map(rows.map((r) => [r.cohort, { ...r, medianHours: r.median_hours === null ? undefined : Number(r.median_hours) }]));
}

/** Connections that grew → a grow-origin mentorship between the pair within 30 days. */
async function grownConversion(scope: Scope) {
  const [row] = await run<{ grown: number; converted: number }>(sql`
    with grown as (
      select split_part(e.data ->> 'pair', ':', 1)::uuid as a, split_part(e.data ->> 'pair', ':', 2)::uuid as b, e.created_at as at
      from events e where e.type = 'rapport.grown' ${sinceFilter('e.created_at', scope)})
    select count(*)::int as grown,
      (count(*) filter (where exists (
        select 1 from mentorships m
        where m.origin = 'grow' and m.started_at >= g.at and m.started_at < g.at + interval '30 days'
          and ((m.mentor_id = g.a and m.mentee_id = g.b) or (m.mentor_id = g.b and m.mentee_id = g.a))
          ${mentorFilter('m.mentor_id', scope)})))::int as converted
    from grown g
    ${scope.mentorId ? sql`where ${scope.mentorId}::uuid in (g.a, g.b)` : sql``}`);
  return row ?? { grown: 0, converted: 0 };
}

type MentorshipRow = {
  cohort: Cohort;
  days: number;
  ended: boolean;
  status: 'active' | 'completed' | 'ended';
  end_reason: string | null;
  messages: number;
  active_weeks: number;
  goals: number;
  goals_done: number;
  mentor_rating: number | null;
  mentee_rating: number | null;
};

/** One row per mentorship with what the metrics need, aggregated in the database. */
async function mentorshipFacts(scope: Scope, now: Date) {
  return run<MentorshipRow>(sql`
    select ${cohortOf} as cohort,
      extract(epoch from coalesce(m.ended_at, ${now.toISOString()}::timestamptz) - m.started_at) / 86400.0 as days,
      m.status <> 'active' as ended, m.status, m.end_reason,
      (select count(*)::int from mentorship_messages x where x.mentorship_id = m.id) as messages,
      -- Weeks it has run (at least one, so a new mentorship's first messages are not inflated).
      greatest(1, extract(epoch from coalesce(m.ended_at, ${now.toISOString()}::timestamptz) - m.started_at) / 604800.0)::float8 as active_weeks,
      (select count(*)::int from mentorship_goals g where g.mentorship_id = m.id) as goals,
      (select count(*)::int from mentorship_goals g where g.mentorship_id = m.id and g.done_at is not null) as goals_done,
      (select rating from mentorship_ratings t where t.mentorship_id = m.id and t.rater_id = m.mentor_id) as mentor_rating,
      (select rating from mentorship_ratings t where t.mentorship_id = m.id and t.rater_id = m.mentee_id) as mentee_rating
    from mentorships m
    where true ${mentorFilter('m.mentor_id', scope)} ${sinceFilter('m.started_at', scope)}`);
}

const average = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : undefined);

export type CohortFigures = {
  mentorships: number;
  /** Ask cohorts: decided requests → accepted. Grow: connections that grew → a mentorship within 30 days. */
  conversion: { tried: number; converted: number; interval: ReturnType<typeof wilson> };
  medianAnswerHours: number | undefined;
  /** Kaplan–Meier share still active; undefined past the last observation. */
  retention: { weeks: number; survival?: number; low?: number; high?: number }[];
  messagesPerActiveWeek: number | undefined;
  goalsDone: ReturnType<typeof wilson>;
  satisfaction: { byMentors: number | undefined; byMentees: number | undefined; ratings: number };
  ends: { completed: number; endedEarly: number; reasons: Record<string, number> };
};

export async function computeInsights(scope: Scope = {}) {
  const now = scope.now ?? new Date();
  const [requests, grown, mentorships] = await Promise.all([requestConversion(scope), grownConversion(scope), mentorshipFacts(scope, now)]);
  const cohorts = Object.fromEntries(
    COHORTS.map((cohort) => {
      const rows = mentorships.filter((m) => m.cohort === cohort);
      const curve = kaplanMeier(rows.map((m) => ({ time: Number(m.days) / 7, event: m.ended })));
      const asked = requests.get(cohort);
      const rated = (side: 'mentor_rating' | 'mentee_rating') => rows.map((m) => m[side]).filter((r): r is number => r !== null).map(Number);
      const ends = rows.filter((m) => m.ended);
      return [
        cohort,
        {
          mentorships: rows.length,
          conversion:
            cohort === 'grow'
              ? { tried: grown.grown, converted: grown.converted, interval: wilson(grown.converted, grown.grown) }
              : { tried: asked?.decided ?? 0, converted: asked?.accepted ?? 0, interval: wilson(asked?.accepted ?? 0, asked?.decided ?? 0) },
          medianAnswerHours: cohort === 'grow' ? undefined : asked?.medianHours,
          retention: RETENTION_WEEKS.map((weeks) => ({ weeks, ...survivalAt(curve, weeks) })),
          messagesPerActiveWeek: average(rows.map((m) => m.messages / Number(m.active_weeks))),
          goalsDone: wilson(
            rows.reduce((s, m) => s + m.goals_done, 0),
            rows.reduce((s, m) => s + m.goals, 0),
          ),
          satisfaction: { byMentors: average(rated('mentor_rating')), byMentees: average(rated('mentee_rating')), ratings: rated('mentor_rating').length + rated('mentee_rating').length },
          ends: {
            completed: ends.filter((m) => m.status === 'completed').length,
            endedEarly: ends.filter((m) => m.status === 'ended').length,
            reasons: Object.fromEntries([...new Set(ends.map((m) => m.end_reason ?? 'unknown'))].map((r) => [r, ends.filter((m) => (m.end_reason ?? 'unknown') === r).length])),
          },
        },
      ];
    }),
  ) as Record<Cohort, CohortFigures>;
  return { computedAt: now, cohorts };
}
