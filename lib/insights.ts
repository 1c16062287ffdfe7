/**
 * What the insights show, from the raw figures the database returns (db/queries/insights.ts):
 * every figure with its interval, its sample size and whether it may be shown; the headline
 * sentence; and the one flat list of figures that the page's tables, the CSV and the JSON all
 * print, so the three cannot disagree. Pure: no I/O.
 */
import { END_REASON_LABELS, type EndReason } from '@/lib/requests';
import { cohortVisibility, differs, survivalAt, wilson, type SurvivalPoint } from '@/lib/stats';

export const COHORTS = ['ask-cold', 'ask-warm', 'grow'] as const;
export type Cohort = (typeof COHORTS)[number];

export const COHORT_LABELS: Record<Cohort, { name: string; plural: string; short: string; description: string }> = {
  'ask-cold': { name: 'Cold ask', plural: 'cold asks', short: 'Cold ask', description: 'a request to a mentor the mentee had not interacted with' },
  'ask-warm': { name: 'Warm ask', plural: 'warm asks', short: 'Warm ask', description: 'a request after the two had already interacted both ways' },
  grow: { name: 'Grown', plural: 'grown mentorships', short: 'Grown', description: 'an offer or proposal once their connection had grown' },
};

export const WINDOWS = ['90d', '12m', 'all'] as const;
export type Window = (typeof WINDOWS)[number];
export const WINDOW_LABELS: Record<Window, string> = { '90d': 'Last 90 days', '12m': 'Last 12 months', all: 'All time' };

export function parseWindow(value: unknown): Window {
  return WINDOWS.includes(value as Window) ? (value as Window) : 'all';
}

/** Start of a window ending at `now`; undefined for all time. */
export function windowStart(window: Window, now: Date): Date | undefined {
  if (window === '90d') return new Date(now.getTime() - 90 * 24 * 3600 * 1000);
  if (window === '12m') {
    const start = new Date(now);
    start.setUTCFullYear(start.getUTCFullYear() - 1);
    return start;
  }
  return undefined;
}

export const RETENTION_WEEKS = [4, 8, 12, 26] as const;

/** Time from the pair's first contact to the mentorship's start, in buckets for the distribution chart. */
export const TIME_TO_MENTORSHIP_BUCKETS: readonly { label: string; fromDays: number; toDays?: number }[] = [
  { label: 'under a day', fromDays: 0, toDays: 1 },
  { label: '1–7 days', fromDays: 1, toDays: 7 },
  { label: '1–4 weeks', fromDays: 7, toDays: 28 },
  { label: '1–3 months', fromDays: 28, toDays: 91 },
  { label: '3–6 months', fromDays: 91, toDays: 182 },
  { label: 'over 6 months', fromDays: 182 },
];

/** The raw figures of one cohort, as computed in the database. */
export type CohortData = {
  mentorships: number;
  /** Ask: decided requests → accepted. Grow: grown connections → a mentorship within 30 days. */
  conversion: { tried: number; converted: number };
  /** Ask: median hours from request to answer. Grow: from the connection growing to the start. */
  answer: { n: number; medianHours: number | undefined };
  /** Days from the pair's first contact to the start. */
  timeToMentorship: { n: number; q1?: number; median?: number; q3?: number; buckets: number[] };
  /** Kaplan–Meier retention, time in weeks. */
  curve: SurvivalPoint[];
  messagesPerActiveWeek: { n: number; mean: number | undefined };
  goals: { total: number; done: number };
  satisfaction: { byMentors: { n: number; mean: number | undefined }; byMentees: { n: number; mean: number | undefined } };
  ends: { ended: number; completed: number; endedEarly: number; reasons: Record<string, number> };
};

export type InsightsData = { computedAt: string; window: Window; cohorts: Record<Cohort, CohortData> };

export type Unit = 'count' | 'share' | 'hours' | 'days' | 'per-week' | 'rating';
export type IntervalKind = 'wilson-95' | 'greenwood-95' | 'quartiles' | '';
export type Status = 'ok' | 'too-few' | 'hidden' | 'no-data';

/** One figure of one cohort: a row of the tables, the CSV and the JSON alike. */
export type Figure = {
  metric: string;
  cohort: Cohort;
  label: string;
  unit: Unit;
  /** Undefined when hidden (fewer than 5) or when there is nothing to estimate. */
  value?: number;
  low?: number;
  high?: number;
  interval: IntervalKind;
  n: number;
  status: Status;
};

function status(n: number, value: number | undefined): Status {
  const visibility = cohortVisibility(n);
  if (visibility === 'hidden') return 'hidden';
  return value === undefined ? 'no-data' : visibility;
}

function figure(f: Omit<Figure, 'status'> & { gate?: number }): Figure {
  const { gate, ...rest } = f;
  const s = status(Math.min(rest.n, gate ?? rest.n), rest.value);
  if (s === 'hidden' || s === 'no-data') return { metric: rest.metric, cohort: rest.cohort, label: rest.label, unit: rest.unit, interval: rest.interval, n: rest.n, status: s };
  return { ...rest, status: s };
}

function proportion(metric: string, cohort: Cohort, label: string, successes: number, n: number, gate?: number): Figure {
  const w = wilson(successes, n);
  return figure({ metric, cohort, label, unit: 'share', value: w?.p, low: w?.low, high: w?.high, interval: 'wilson-95', n, gate });
}

/** Every figure of every cohort, in the order the page and the exports list them. */
export function figuresOf(data: InsightsData): Figure[] {
  const out: Figure[] = [];
  for (const cohort of COHORTS) {
    const c = data.cohorts[cohort];
    const ask = cohort !== 'grow';
    const people = c.mentorships;
    out.push(figure({ metric: 'mentorships', cohort, label: 'Mentorships', unit: 'count', value: people, interval: '', n: people }));
    out.push(
      proportion(
        'conversion',
        cohort,
        ask ? 'Requests accepted (of those answered or expired)' : 'Grown connections that became a mentorship within 30 days',
        c.conversion.converted,
        c.conversion.tried,
      ),
    );
    out.push(
      figure({
        metric: ask ? 'answer_median_hours' : 'grown_to_start_median_hours',
        cohort,
        label: ask ? 'Median time to an answer' : 'Median time from a grown connection to the start',
        unit: 'hours',
        value: c.answer.medianHours,
        interval: '',
        n: c.answer.n,
      }),
    );
    const t = c.timeToMentorship;
    out.push(
      figure({ metric: 'time_to_mentorship_days', cohort, label: 'Time from first contact to mentorship (median, quartiles)', unit: 'days', value: t.median, low: t.q1, high: t.q3, interval: 'quartiles', n: t.n }),
    );
    const observed = c.curve.reduce((sum, p) => sum + p.events + p.censored, 0);
    for (const weeks of RETENTION_WEEKS) {
      const at = survivalAt(c.curve, weeks);
      out.push(
        figure({ metric: `retention_${weeks}w`, cohort, label: `Still active at ${weeks} weeks`, unit: 'share', value: at?.survival, low: at?.low, high: at?.high, interval: 'greenwood-95', n: observed }),
      );
    }
    out.push(
      figure({ metric: 'messages_per_active_week', cohort, label: 'Messages per active week (mean)', unit: 'per-week', value: c.messagesPerActiveWeek.mean, interval: '', n: c.messagesPerActiveWeek.n }),
    );
    out.push(proportion('goals_completed', cohort, 'Goals completed', c.goals.done, c.goals.total, people));
    out.push(figure({ metric: 'rating_by_mentors', cohort, label: 'Mean end rating by mentors (1–5)', unit: 'rating', value: c.satisfaction.byMentors.mean, interval: '', n: c.satisfaction.byMentors.n }));
    out.push(figure({ metric: 'rating_by_mentees', cohort, label: 'Mean end rating by mentees (1–5)', unit: 'rating', value: c.satisfaction.byMentees.mean, interval: '', n: c.satisfaction.byMentees.n }));
    out.push(proportion('completed', cohort, 'Ended mentorships that were completed (not ended early)', c.ends.completed, c.ends.ended));
    const reasons = Object.keys(END_REASON_LABELS) as EndReason[];
    for (const reason of [...reasons, ...Object.keys(c.ends.reasons).filter((r) => !reasons.includes(r as EndReason))]) {
      const label = END_REASON_LABELS[reason as EndReason] ?? reason;
      out.push(proportion(`end_reason_${reason}`, cohort, `Ended because: ${label.toLowerCase()}`, c.ends.reasons[reason] ?? 0, c.ends.ended));
    }
  }
  return out;
}

export const find = (figures: readonly Figure[], metric: string, cohort: Cohort) => figures.find((f) => f.metric === metric && f.cohort === cohort);

const percent = (x: number) => `${Math.round(x * 100)}%`;

/** How a figure's value reads in a table cell or a sentence. */
export function formatValue(f: Pick<Figure, 'unit' | 'status'> & { value?: number }): string {
  if (f.status === 'hidden') return 'fewer than 5';
  if (f.value === undefined) return '—';
  switch (f.unit) {
    case 'count':
      return f.value.toLocaleString('en');
    case 'share':
      return percent(f.value);
    case 'hours':
      return f.value < 48 ? `${f.value.toFixed(1)} h` : `${(f.value / 24).toFixed(1)} days`;
    case 'days':
      return `${f.value.toFixed(1)} days`;
    case 'per-week':
      return f.value.toFixed(2);
    case 'rating':
      return f.value.toFixed(2);
  }
}

export function formatInterval(f: Figure): string {
  if (f.low === undefined || f.high === undefined) return '';
  const one = (value: number) => formatValue({ unit: f.unit, status: f.status, value });
  return `${one(f.low)}–${one(f.high)}`;
}

type Comparison = { metric: string; sentence: (first: Cohort, a: string, second: Cohort, b: string) => string };

const many = (c: Cohort) => COHORT_LABELS[c].plural;
/** What each path tries before there is a mentorship: a request, or a connection that grew. */
const attempts: Record<Cohort, string> = { 'ask-cold': 'cold requests', 'ask-warm': 'warm requests', grow: 'grown connections' };

/** The comparisons the headline may make, most telling first. */
const COMPARISONS: Comparison[] = [
  { metric: 'retention_12w', sentence: (x, a, y, b) => `${capitalise(many(x))} lasted longer: ${a} were still active at 12 weeks, against ${b} of ${many(y)}.` },
  { metric: 'conversion', sentence: (x, a, y, b) => `${capitalise(attempts[x])} became a mentorship more often: ${a} did, against ${b} of ${attempts[y]}.` },
  { metric: 'completed', sentence: (x, a, y, b) => `${capitalise(many(x))} were completed more often: ${a} of those that ended, against ${b} of ${many(y)}.` },
  { metric: 'goals_completed', sentence: (x, a, y, b) => `${capitalise(many(x))} met more of their goals: ${a} of goals completed, against ${b} in ${many(y)}.` },
  { metric: 'retention_26w', sentence: (x, a, y, b) => `${capitalise(many(x))} lasted longer: ${a} were still active at 26 weeks, against ${b} of ${many(y)}.` },
];

const PAIRS: [Cohort, Cohort][] = [
  ['grow', 'ask-cold'],
  ['ask-warm', 'ask-cold'],
  ['grow', 'ask-warm'],
];

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export type Headline = { sentence: string; kind: 'difference' | 'no-difference' | 'too-few'; metric?: string; cohorts?: [Cohort, Cohort] };

/**
 * The answer in one sentence. A difference is stated only when both figures rest on at least 30
 * and their 95% intervals do not overlap; otherwise the sentence says there is none to report.
 */
export function headline(figures: readonly Figure[]): Headline {
  const confident = (f: Figure | undefined): f is Figure & { value: number; low: number; high: number } =>
    f?.status === 'ok' && f.value !== undefined && f.low !== undefined && f.high !== undefined;
  let comparable = false;
  for (const c of COMPARISONS) {
    for (const [x, y] of PAIRS) {
      const a = find(figures, c.metric, x);
      const b = find(figures, c.metric, y);
      if (!confident(a) || !confident(b)) continue;
      comparable = true;
      if (!differs(a, b)) continue;
      const [first, second] = a.value >= b.value ? [a, b] : [b, a];
      return {
        kind: 'difference',
        metric: c.metric,
        cohorts: [first.cohort, second.cohort],
        sentence: c.sentence(first.cohort, percent(first.value), second.cohort, percent(second.value)),
      };
    }
  }
  if (comparable) {
    return {
      kind: 'no-difference',
      sentence: 'So far neither path stands out: wherever there is enough data, the paths are within each other’s margin of error.',
    };
  }
  return { kind: 'too-few', sentence: 'Too few mentorships yet to tell whether asking or growing works better.' };
}

const csvCell = (value: string | number | undefined) => {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** The figures as CSV: one row per figure, the same rows the page's tables show. */
export function toCsv(figures: readonly Figure[], meta: { window: Window; computedAt: string; scope: string }): string {
  const header = ['scope', 'window', 'computed_at', 'cohort', 'metric', 'label', 'unit', 'value', 'low', 'high', 'interval', 'n', 'status'];
  const lines = figures.map((f) =>
    [meta.scope, meta.window, meta.computedAt, f.cohort, f.metric, f.label, f.unit, f.value, f.low, f.high, f.interval, f.n, f.status].map(csvCell).join(','),
  );
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}
