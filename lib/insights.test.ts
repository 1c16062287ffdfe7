import { describe, expect, it } from 'vitest';
import { COHORTS, figuresOf, find, formatInterval, formatValue, headline, parseWindow, toCsv, windowStart, type CohortData, type InsightsData } from './insights';
import { kaplanMeier } from './stats';

/** A cohort of `size` mentorships, `ended` of which ended before `weeks`, the rest running past 30 weeks. */
function cohort(size: number, ended: number, extra: Partial<CohortData> = {}): CohortData {
  const curve = kaplanMeier([
    ...Array.from({ length: ended }, (_, i) => ({ time: 1 + (i % 10), event: true })),
    ...Array.from({ length: size - ended }, () => ({ time: 30, event: false })),
  ]);
  return {
    mentorships: size,
    conversion: { tried: size * 2, converted: size },
    answer: { n: size, medianHours: 30 },
    timeToMentorship: { n: size, q1: 1, median: 5, q3: 20, buckets: [0, 0, 0, 0, 0, 0] },
    curve,
    messagesPerActiveWeek: { n: size, mean: 2.5 },
    goals: { total: size * 2, done: size },
    satisfaction: { byMentors: { n: ended, mean: 4.2 }, byMentees: { n: ended, mean: 4.5 } },
    ends: { ended, completed: Math.floor(ended / 2), endedEarly: ended - Math.floor(ended / 2), reasons: { goals_met: Math.floor(ended / 2), schedule: ended - Math.floor(ended / 2) } },
    ...extra,
  };
}

const data = (cohorts: Partial<Record<(typeof COHORTS)[number], CohortData>>): InsightsData => ({
  computedAt: '2026-11-26T12:00:00.000Z',
  window: 'all',
  cohorts: { 'ask-cold': cohort(0, 0), 'ask-warm': cohort(0, 0), grow: cohort(0, 0), ...cohorts },
});

describe('the headline', () => {
  it('states a difference only when both samples are large enough and the intervals are apart', () => {
    // 200 cold asks, 120 ended by week 12 (40% still active); 200 grown, 40 ended (80%).
    const figures = figuresOf(data({ 'ask-cold': cohort(200, 120), grow: cohort(200, 40) }));
    const h = headline(figures);
    expect(h).toMatchObject({ kind: 'difference', metric: 'retention_12w', cohorts: ['grow', 'ask-cold'] });
    expect(h.sentence).toBe('Grown mentorships lasted longer: 80% were still active at 12 weeks, against 40% of cold asks.');
  });

  it('says neither path stands out when every interval overlaps', () => {
    const figures = figuresOf(data({ 'ask-cold': cohort(40, 20), grow: cohort(40, 19) }));
    expect(headline(figures).kind).toBe('no-difference');
  });

  it('claims nothing from cohorts under 30', () => {
    const small = { conversion: { tried: 29, converted: 10 }, goals: { total: 29, done: 10 } };
    const figures = figuresOf(data({ 'ask-cold': cohort(29, 29, small), grow: cohort(29, 0, small) }));
    expect(find(figures, 'retention_12w', 'grow')).toMatchObject({ status: 'too-few' });
    expect(headline(figures)).toMatchObject({ kind: 'too-few' });
  });
});

describe('figures', () => {
  it('hide every value of a sample under 5, flag those under 30, and keep n', () => {
    const figures = figuresOf(data({ 'ask-cold': cohort(4, 1), 'ask-warm': cohort(12, 3), grow: cohort(30, 3) }));
    for (const f of figures.filter((f) => f.n < 5)) {
      expect(f.status).toBe('hidden');
      expect(f.value).toBeUndefined();
      expect(f.low).toBeUndefined();
    }
    expect(find(figures, 'mentorships', 'ask-cold')).toMatchObject({ status: 'hidden', n: 4 });
    expect(find(figures, 'retention_12w', 'ask-cold')).toMatchObject({ status: 'hidden', n: 4 });
    // Goals are gated by the number of mentorships too, not only by the number of goals (8).
    expect(find(figures, 'goals_completed', 'ask-cold')).toMatchObject({ status: 'hidden', n: 8 });
    expect(find(figures, 'mentorships', 'ask-warm')).toMatchObject({ status: 'too-few', value: 12 });
    expect(find(figures, 'mentorships', 'grow')).toMatchObject({ status: 'ok', value: 30 });
    expect(formatValue(find(figures, 'rating_by_mentees', 'ask-cold')!)).toBe('fewer than 5');
  });

  it('mark retention past the last observation as no data rather than guess', () => {
    const figures = figuresOf(data({ grow: { ...cohort(40, 10), curve: kaplanMeier(Array.from({ length: 40 }, (_, i) => ({ time: i % 10, event: i < 10 }))) } }));
    expect(find(figures, 'retention_26w', 'grow')).toMatchObject({ status: 'no-data', n: 40 });
    expect(formatValue(find(figures, 'retention_26w', 'grow')!)).toBe('—');
  });

  it('format values and intervals in the units a reader expects', () => {
    expect(formatValue({ unit: 'share', status: 'ok', value: 0.6449 })).toBe('64%');
    expect(formatValue({ unit: 'hours', status: 'ok', value: 30 })).toBe('30.0 h');
    expect(formatValue({ unit: 'hours', status: 'ok', value: 72 })).toBe('3.0 days');
    expect(formatInterval({ metric: 'x', cohort: 'grow', label: '', unit: 'share', value: 0.5, low: 0.4, high: 0.6, interval: 'wilson-95', n: 100, status: 'ok' })).toBe('40%–60%');
  });
});

describe('the CSV', () => {
  it('has one row per figure with every interval and n, quoting what needs it', () => {
    const figures = figuresOf(data({ grow: cohort(40, 10) }));
    const csv = toCsv(figures, { window: '12m', computedAt: '2026-11-26T12:00:00.000Z', scope: 'platform' });
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('scope,window,computed_at,cohort,metric,label,unit,value,low,high,interval,n,status');
    expect(lines).toHaveLength(figures.length + 1);
    const conversion = lines.find((l) => l.includes(',grow,conversion,'))!;
    expect(conversion).toMatch(/^platform,12m,2026-11-26T12:00:00.000Z,grow,conversion,Grown connections that became a mentorship within 30 days,share,0\.5,0\.39\d*,0\.60\d*,wilson-95,80,ok$/);
    expect(lines.find((l) => l.includes(',grow,time_to_mentorship_days,'))).toContain(',"Time from first contact to mentorship (median, quartiles)",days,5,1,20,quartiles,40,ok');
    expect(lines.find((l) => l.includes(',ask-cold,conversion,'))).toMatch(/,share,,,,wilson-95,0,hidden$/);
  });
});

describe('windows', () => {
  it('parse only the known windows and start where they say', () => {
    expect(parseWindow('90d')).toBe('90d');
    expect(parseWindow('<script>')).toBe('all');
    expect(parseWindow(['90d'])).toBe('all');
    const now = new Date('2026-11-26T12:00:00Z');
    expect(windowStart('90d', now)?.toISOString()).toBe('2026-08-28T12:00:00.000Z');
    expect(windowStart('12m', now)?.toISOString()).toBe('2025-11-26T12:00:00.000Z');
    expect(windowStart('all', now)).toBeUndefined();
  });
});
