import { describe, expect, it } from 'vitest';
import {
  cohortVisibility,
  differs,
  intervalsOverlap,
  kaplanMeier,
  kaplanMeierCounts,
  mean,
  median,
  MIN_CONFIDENT,
  MIN_PUBLIC,
  quantile,
  quartiles,
  survivalAt,
  wilson,
} from './stats';

describe('wilson', () => {
  // z = 1.959964, z² = 3.841459. Centre = (p + z²/2n)/(1 + z²/n),
  // half-width = z/(1 + z²/n) · √(p(1−p)/n + z²/4n²).
  it.each([
    // 0/10: 1 + z²/n = 1.384146; centre = half = 0.192073/1.384146 = 0.138766 → [0, 0.27753].
    [0, 10, 0, 0, 0.27753],
    // 5/10: centre 0.5; half = 1.415998 · √(0.025 + 0.0096036) = 1.415998 · 0.186021 = 0.263405.
    [5, 10, 0.5, 0.23659, 0.76341],
    // 10/10: mirror image of 0/10.
    [10, 10, 1, 0.72247, 1],
    // 1/1: low = 1/(1 + z²) = 1/4.841459 = 0.206549.
    [1, 1, 1, 0.20655, 1],
    // 0/1: high = z²/(1 + z²) = 0.793451.
    [0, 1, 0, 0, 0.79345],
    // 1/10 (asymmetric, away from the edges): [0.01788, 0.40415].
    [1, 10, 0.1, 0.01788, 0.40415],
  ])('%i/%i → p %f, [%f, %f]', (s, n, p, low, high) => {
    const w = wilson(s, n)!;
    expect(w.p).toBe(p);
    expect(w.low).toBeCloseTo(low, 4);
    expect(w.high).toBeCloseTo(high, 4);
  });

  it('is exactly 0 or 1 at the edges', () => {
    expect(wilson(0, 10)!.low).toBe(0);
    expect(wilson(10, 10)!.high).toBe(1);
  });

  it('is undefined for n = 0', () => {
    expect(wilson(0, 0)).toBeUndefined();
  });

  it('never leaves [0, 1] and always contains p', () => {
    for (let n = 1; n <= 60; n++) {
      for (let s = 0; s <= n; s++) {
        const w = wilson(s, n)!;
        expect(w.low).toBeGreaterThanOrEqual(0);
        expect(w.high).toBeLessThanOrEqual(1);
        expect(w.low).toBeLessThanOrEqual(w.p);
        expect(w.high).toBeGreaterThanOrEqual(w.p);
      }
    }
  });

  it('narrows as n grows and widens with z', () => {
    const small = wilson(5, 10)!;
    const large = wilson(50, 100)!;
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
    const z99 = wilson(5, 10, 2.575829)!;
    expect(z99.high - z99.low).toBeGreaterThan(small.high - small.low);
  });

  it('rejects impossible counts', () => {
    expect(() => wilson(11, 10)).toThrow(RangeError);
    expect(() => wilson(-1, 10)).toThrow(RangeError);
    expect(() => wilson(1.5, 10)).toThrow(RangeError);
  });
});

describe('intervalsOverlap / differs', () => {
  it('overlapping intervals do not differ', () => {
    const a = { low: 0.2, high: 0.5 };
    const b = { low: 0.4, high: 0.7 };
    expect(intervalsOverlap(a, b)).toBe(true);
    expect(intervalsOverlap(b, a)).toBe(true);
    expect(differs(a, b)).toBe(false);
  });

  it('nested and touching intervals overlap', () => {
    expect(intervalsOverlap({ low: 0.1, high: 0.9 }, { low: 0.4, high: 0.5 })).toBe(true);
    expect(differs({ low: 0.1, high: 0.4 }, { low: 0.4, high: 0.6 })).toBe(false);
  });

  it('disjoint intervals differ, in either order', () => {
    const a = { low: 0.1, high: 0.3 };
    const b = { low: 0.35, high: 0.6 };
    expect(intervalsOverlap(a, b)).toBe(false);
    expect(differs(a, b)).toBe(true);
    expect(differs(b, a)).toBe(true);
  });

  it('works on Wilson intervals: 2/20 vs 15/20 differ, 8/20 vs 11/20 do not', () => {
    expect(differs(wilson(2, 20)!, wilson(15, 20)!)).toBe(true);
    expect(differs(wilson(8, 20)!, wilson(11, 20)!)).toBe(false);
  });
});

describe('mean', () => {
  it('averages, and is undefined when empty', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(mean([4])).toBe(4);
    expect(mean([])).toBeUndefined();
  });
});

describe('quantile / median / quartiles (type 7)', () => {
  it('odd length: [1..5] → median 3, quartiles 2 and 4', () => {
    expect(median([1, 2, 3, 4, 5])).toBe(3);
    expect(quartiles([1, 2, 3, 4, 5])).toEqual({ q1: 2, median: 3, q3: 4 });
  });

  it('even length interpolates: [1..4] → h = 3q, q1 = 1.75, median 2.5, q3 = 3.25', () => {
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(quartiles([1, 2, 3, 4])).toEqual({ q1: 1.75, median: 2.5, q3: 3.25 });
  });

  it('sorts unsorted input numerically without changing it', () => {
    const input = [10, 2, 33, 4];
    // Sorted: 2, 4, 10, 33. Median = (4 + 10)/2 = 7; q1: h = 0.75 → 2 + 0.75·2 = 3.5;
    // q3: h = 2.25 → 10 + 0.25·23 = 15.75. (A string sort would put 10 before 2.)
    expect(quartiles(input)).toEqual({ q1: 3.5, median: 7, q3: 15.75 });
    expect(input).toEqual([10, 2, 33, 4]);
  });

  it('matches R quantile(1:10, 0.1) = 1.9 and the ends are min and max', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(quantile(xs, 0.1)).toBeCloseTo(1.9, 12);
    expect(quantile(xs, 0)).toBe(1);
    expect(quantile(xs, 1)).toBe(10);
    expect(quantile([7], 0.3)).toBe(7);
  });

  it('is undefined when empty and rejects q outside [0, 1]', () => {
    expect(quantile([], 0.5)).toBeUndefined();
    expect(median([])).toBeUndefined();
    expect(quartiles([])).toBeUndefined();
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
    expect(() => quantile([1], Number.NaN)).toThrow(RangeError);
  });
});

describe('kaplanMeier', () => {
  // 6-MP arm of the leukaemia remission trial (Freireich et al. 1963; Gehan 1965), weeks in
  // remission, + = censored: 6 6 6 6+ 7 9+ 10 10+ 11+ 13 16 17+ 19+ 20+ 22 23 25+ 32+ 32+ 34+ 35+.
  const sixMP = [
    [6, true], [6, true], [6, true], [6, false], [7, true], [9, false], [10, true], [10, false],
    [11, false], [13, true], [16, true], [17, false], [19, false], [20, false], [22, true],
    [23, true], [25, false], [32, false], [32, false], [34, false], [35, false],
  ].map(([time, event]) => ({ time: time as number, event: event as boolean }));

  // By hand, nᵢ at risk, dᵢ events, S = Π(1 − d/n), Σ = Σ d/(n(n − d)), SE = S·√Σ:
  //  t   n  d   S                         Σ                             SE
  //  6  21  3   18/21          = 0.857143  3/378           = 0.007937  0.857143·0.089087 = 0.0764
  //  7  17  1   0.857143·16/17 = 0.806723  + 1/272 (0.003676) = 0.011613  0.806723·0.107765 = 0.0869
  // 10  15  1   ·14/15         = 0.752941  + 1/210 = 0.016375           0.0963
  // 13  12  1   ·11/12         = 0.690196  + 1/132 = 0.023951           0.1068
  // 16  11  1   ·10/11         = 0.627451  + 1/110 = 0.033042           0.1141
  // 22   7  1   ·6/7           = 0.537815  + 1/42  = 0.056851           0.1282
  // 23   6  1   ·5/6           = 0.448179  + 1/30  = 0.090184           0.448179·0.300307 = 0.1346
  // (n at 10 is 15, not 16: the 9+ has left; the 6+ is still at risk at 6, leaves before 7.)
  // All of the quoted textbook figures (S and SE at 6, 7, 23) check out.
  const expected: [number, number, number, number, number][] = [
    // time, atRisk, events, survival, SE
    [6, 21, 3, 0.857143, 0.0764],
    [7, 17, 1, 0.806723, 0.0869],
    [10, 15, 1, 0.752941, 0.0963],
    [13, 12, 1, 0.690196, 0.1068],
    [16, 11, 1, 0.627451, 0.1141],
    [22, 7, 1, 0.537815, 0.1282],
    [23, 6, 1, 0.448179, 0.1346],
  ];

  it('reproduces the 6-MP product-limit estimates and Greenwood standard errors', () => {
    const curve = kaplanMeier(sixMP);
    const eventRows = curve.filter((r) => r.events > 0);
    expect(eventRows.map((r) => r.time)).toEqual(expected.map((e) => e[0]));
    for (const [i, [time, atRisk, events, survival, se]] of expected.entries()) {
      const row = eventRows[i]!;
      expect(row.time).toBe(time);
      expect(row.atRisk).toBe(atRisk);
      expect(row.events).toBe(events);
      expect(row.survival).toBeCloseTo(survival, 5);
      expect(Math.sqrt(row.variance)).toBeCloseTo(se, 4);
    }
  });

  it('lists every observed time, with censorings counted and S unchanged at censor-only times', () => {
    const curve = kaplanMeier(sixMP);
    expect(curve.map((r) => r.time)).toEqual([6, 7, 9, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 34, 35]);
    const at = (t: number) => curve.find((r) => r.time === t)!;
    expect(at(6)).toMatchObject({ atRisk: 21, events: 3, censored: 1 });
    expect(at(32)).toMatchObject({ atRisk: 4, events: 0, censored: 2 });
    expect(at(9).survival).toBe(at(7).survival);
    expect(at(35).survival).toBe(at(23).survival);
    const total = curve.reduce((sum, r) => sum + r.events + r.censored, 0);
    expect(total).toBe(21);
  });

  it('gives a log-log 95% band: t = 6 → [0.6197, 0.9516], t = 23 → [0.1880, 0.6801]', () => {
    // t = 6: σ = √Σ/|ln S| = 0.089087/0.154151 = 0.577921; zσ = 1.132705;
    // low = S^exp(zσ) = exp(−0.154151·3.104102) = 0.61972; high = S^exp(−zσ) = exp(−0.154151·0.322154) = 0.95155.
    // t = 23: σ = 0.300307/0.802563 = 0.374185; zσ = 0.733389;
    // low = exp(−0.802563·2.082136) = 0.18805; high = exp(−0.802563·0.480276) = 0.68014.
    // (Same as R: survfit(Surv(time, status) ~ 1, conf.type = "log-log").)
    const curve = kaplanMeier(sixMP);
    const at = (t: number) => curve.find((r) => r.time === t)!;
    expect(at(6).low).toBeCloseTo(0.61972, 4);
    expect(at(6).high).toBeCloseTo(0.95155, 4);
    expect(at(23).low).toBeCloseTo(0.18805, 4);
    expect(at(23).high).toBeCloseTo(0.68014, 4);
    for (const r of curve) {
      expect(r.low).toBeGreaterThanOrEqual(0);
      expect(r.high).toBeLessThanOrEqual(1);
      expect(r.low).toBeLessThanOrEqual(r.survival);
      expect(r.high).toBeGreaterThanOrEqual(r.survival);
    }
  });

  it('without censoring is the empirical survival, and Greenwood is the binomial variance', () => {
    const curve = kaplanMeier([3, 1, 4, 2].map((time) => ({ time, event: true })));
    // Share with time > t: 3/4, 2/4, 1/4, 0.
    expect(curve.map((r) => r.survival)).toEqual([0.75, 0.5, 0.25, 0]);
    // Greenwood at t = 1: 0.75² · 1/(4·3) = 0.046875 = 0.75·0.25/4; at t = 2: 0.25·(1/12 + 1/6) = 0.0625 = 0.5·0.5/4.
    expect(curve[0]!.variance).toBeCloseTo(0.046875, 12);
    expect(curve[1]!.variance).toBeCloseTo(0.0625, 12);
    expect(curve[2]!.variance).toBeCloseTo((0.25 * 0.75) / 4, 12);
    // Last one standing has the event (n = d): S = 0, band [0, 0], no infinite or NaN variance.
    expect(curve[3]).toMatchObject({ atRisk: 1, events: 1, survival: 0, variance: 0, low: 0, high: 0 });
  });

  it('handles tied events: 1 1 2 2 3 → 3/5, 1/5, 0', () => {
    const curve = kaplanMeier([1, 1, 2, 2, 3].map((time) => ({ time, event: true })));
    expect(curve.map((r) => [r.time, r.atRisk, r.events])).toEqual([[1, 5, 2], [2, 3, 2], [3, 1, 1]]);
    expect(curve[0]!.survival).toBeCloseTo(0.6, 12);
    expect(curve[1]!.survival).toBeCloseTo(0.2, 12);
    expect(curve[2]!.survival).toBe(0);
  });

  it('with everything censored stays at 1 with band [1, 1]', () => {
    const curve = kaplanMeier([{ time: 5, event: false }, { time: 2, event: false }, { time: 5, event: false }]);
    expect(curve).toEqual([
      { time: 2, atRisk: 3, events: 0, censored: 1, survival: 1, variance: 0, low: 1, high: 1 },
      { time: 5, atRisk: 2, events: 0, censored: 2, survival: 1, variance: 0, low: 1, high: 1 },
    ]);
  });

  it('counts a censoring tied with an event as still at risk', () => {
    // 1, 2, 2+, 3: at t = 2, n = 3 (the 2+ included), d = 1 → S = 3/4 · 2/3 = 0.5.
    // (Removing the censoring first would give n = 2 and S = 3/4 · 1/2 = 0.375.)
    const curve = kaplanMeier([
      { time: 3, event: true },
      { time: 2, event: false },
      { time: 1, event: true },
      { time: 2, event: true },
    ]);
    expect(curve.map((r) => [r.time, r.atRisk, r.events, r.censored])).toEqual([
      [1, 4, 1, 0],
      [2, 3, 1, 1],
      [3, 1, 1, 0],
    ]);
    expect(curve[1]!.survival).toBeCloseTo(0.5, 12);
    expect(curve[2]!.survival).toBe(0);
  });

  it('gives the same curve from grouped counts (as the database returns them), in any order', () => {
    const counts = [
      { time: 35, events: 0, censored: 1 }, { time: 6, events: 2, censored: 0 }, { time: 6, events: 1, censored: 1 },
      { time: 7, events: 1, censored: 0 }, { time: 9, events: 0, censored: 1 }, { time: 10, events: 1, censored: 1 },
      { time: 11, events: 0, censored: 1 }, { time: 13, events: 1, censored: 0 }, { time: 16, events: 1, censored: 0 },
      { time: 17, events: 0, censored: 1 }, { time: 19, events: 0, censored: 1 }, { time: 20, events: 0, censored: 1 },
      { time: 22, events: 1, censored: 0 }, { time: 23, events: 1, censored: 0 }, { time: 25, events: 0, censored: 1 },
      { time: 32, events: 0, censored: 2 }, { time: 34, events: 0, censored: 1 }, { time: 40, events: 0, censored: 0 },
    ];
    expect(kaplanMeierCounts(counts)).toEqual(kaplanMeier(sixMP));
    expect(() => kaplanMeierCounts([{ time: 1, events: -1, censored: 0 }])).toThrow(RangeError);
    expect(() => kaplanMeierCounts([{ time: 1, events: 0.5, censored: 0 }])).toThrow(RangeError);
  });

  it('is empty for no observations and rejects non-finite times', () => {
    expect(kaplanMeier([])).toEqual([]);
    expect(() => kaplanMeier([{ time: Number.NaN, event: true }])).toThrow(RangeError);
  });
});

describe('survivalAt', () => {
  const curve = kaplanMeier([
    { time: 2, event: true },
    { time: 4, event: false },
    { time: 6, event: true },
    { time: 8, event: false },
  ]);
  // t = 2: n 4, d 1 → 0.75; t = 6: n 2, d 1 → 0.375; data end at 8 (censored).

  it('is 1 with band [1, 1] before the first event', () => {
    expect(survivalAt(curve, 0)).toEqual({ survival: 1, low: 1, high: 1 });
    expect(survivalAt(curve, 1.99)).toEqual({ survival: 1, low: 1, high: 1 });
  });

  it('is right-continuous: the step at t already counts the events at t', () => {
    expect(survivalAt(curve, 2)!.survival).toBe(0.75);
    expect(survivalAt(curve, 6)!.survival).toBe(0.375);
  });

  it('between steps is the previous step, band included', () => {
    const row = curve.find((r) => r.time === 2)!;
    expect(survivalAt(curve, 3)).toEqual({ survival: 0.75, low: row.low, high: row.high });
    expect(survivalAt(curve, 5.5)!.survival).toBe(0.75);
    expect(survivalAt(curve, 7)!.survival).toBe(0.375);
  });

  it('is defined up to the last observation and undefined beyond it', () => {
    expect(survivalAt(curve, 8)!.survival).toBe(0.375);
    expect(survivalAt(curve, 8.01)).toBeUndefined();
    expect(survivalAt([], 1)).toBeUndefined();
  });

  it('stays 0 beyond the end once everyone has had the event', () => {
    const ended = kaplanMeier([{ time: 1, event: true }, { time: 3, event: true }]);
    expect(survivalAt(ended, 10)).toEqual({ survival: 0, low: 0, high: 0 });
  });

  it('reads the 6-MP curve at weeks 5, 8, 12, 26 and 40', () => {
    const sixMP = kaplanMeier(
      [6, 6, 6, 7, 10, 13, 16, 22, 23].map((time) => ({ time, event: true })).concat(
        [6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35].map((time) => ({ time, event: false })),
      ),
    );
    expect(survivalAt(sixMP, 5)!.survival).toBe(1);
    expect(survivalAt(sixMP, 8)!.survival).toBeCloseTo(0.806723, 5);
    expect(survivalAt(sixMP, 12)!.survival).toBeCloseTo(0.752941, 5);
    expect(survivalAt(sixMP, 26)!.survival).toBeCloseTo(0.448179, 5);
    expect(survivalAt(sixMP, 40)).toBeUndefined();
  });
});

describe('cohortVisibility', () => {
  it.each([
    [0, 'hidden'],
    [4, 'hidden'],
    [5, 'too-few'],
    [29, 'too-few'],
    [30, 'ok'],
    [1000, 'ok'],
  ] as const)('%i people → %s', (n, visibility) => {
    expect(cohortVisibility(n)).toBe(visibility);
  });

  it('exports the thresholds', () => {
    expect(MIN_PUBLIC).toBe(5);
    expect(MIN_CONFIDENT).toBe(30);
  });
});
