/**
 * Small, pure statistics for the insights page (PRODUCT.md, "Insights: the experiment"):
 * confidence intervals for proportions, quantiles, survival curves for retention, and the
 * cohort-size rules that decide whether a figure is shown at all. No dependencies, no I/O.
 */

/** Two-sided 95% standard-normal quantile, Φ⁻¹(0.975). */
export const Z95 = 1.959964;

/** Below this many people a cohort gets no public figure at all (privacy). */
export const MIN_PUBLIC = 5;
/** Below this many people a cohort's figures are shown but flagged "too few to tell". */
export const MIN_CONFIDENT = 30;

export type Interval = { low: number; high: number };

export type SurvivalPoint = {
  /** An observed time (event or censoring). */
  time: number;
  /** Observations with time ≥ this time (censorings at this time are still at risk here). */
  atRisk: number;
  /** Events at exactly this time. */
  events: number;
  /** Censorings at exactly this time. */
  censored: number;
  /** Product-limit estimate of S(time). */
  survival: number;
  /** Greenwood's variance of `survival`. */
  variance: number;
  /** Lower end of the confidence band (log-log transform). */
  low: number;
  /** Upper end of the confidence band (log-log transform). */
  high: number;
};

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/**
 * Confidence interval for a proportion such as a cohort's conversion rate: the Wilson score
 * interval (Wilson 1927). Unlike the normal ("Wald") interval it stays inside [0, 1] and is
 * not degenerate at 0/n or n/n. Undefined when n = 0 (there is no proportion to estimate).
 */
export function wilson(successes: number, n: number, z = Z95): { p: number; low: number; high: number } | undefined {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`wilson: n must be a non-negative integer, got ${n}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError(`wilson: successes must be an integer in [0, ${n}], got ${successes}`);
  }
  if (n === 0) return undefined;
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0/n and n/n the bound is exactly 0 or 1; pin it so rounding cannot leave [0, 1].
  const low = successes === 0 ? 0 : clamp01(centre - half);
  const high = successes === n ? 1 : clamp01(centre + half);
  return { p, low, high };
}

/** Whether two confidence intervals share any point (touching ends count as overlapping). */
export function intervalsOverlap(a: Interval, b: Interval): boolean {
  return a.low <= b.high && b.low <= a.high;
}

/**
 * Whether a difference between two cohorts may be called out: only when their confidence
 * intervals are disjoint. (Non-overlap of two 95% intervals is a conservative test: some real
 * differences go unreported, which is the intended bias for a public page.)
 */
export function differs(a: Interval, b: Interval): boolean {
  return !intervalsOverlap(a, b);
}

/** Arithmetic mean, e.g. of satisfaction ratings; undefined for no values. */
export function mean(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/**
 * The q-th sample quantile (0 ≤ q ≤ 1), e.g. for time to an answer: linear interpolation
 * between closest ranks, Hyndman & Fan (1996) type 7, the default of R's `quantile` and
 * NumPy's `percentile`. Input may be unsorted and is not modified; undefined when empty.
 */
export function quantile(sortedOrUnsorted: readonly number[], q: number): number | undefined {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile: q must be in [0, 1], got ${q}`);
  if (sortedOrUnsorted.length === 0) return undefined;
  const xs = [...sortedOrUnsorted].sort((a, b) => a - b);
  const h = (xs.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, xs.length - 1);
  const xLo = xs[lo]!;
  const xHi = xs[hi]!;
  return xLo + (h - lo) * (xHi - xLo);
}

/** The median (type-7 quantile at 0.5: the mean of the middle two for even lengths); undefined when empty. */
export function median(values: readonly number[]): number | undefined {
  return quantile(values, 0.5);
}

/** First quartile, median and third quartile (type-7 quantiles, as R/NumPy) for a box summary; undefined when empty. */
export function quartiles(values: readonly number[]): { q1: number; median: number; q3: number } | undefined {
  if (values.length === 0) return undefined;
  return { q1: quantile(values, 0.25)!, median: quantile(values, 0.5)!, q3: quantile(values, 0.75)! };
}

/**
 * Retention curve when some mentorships are still running (right-censored): the Kaplan–Meier
 * product-limit estimator (Kaplan & Meier 1958), S(t) = Π_{tᵢ ≤ t} (1 − dᵢ/nᵢ), with
 * Greenwood's variance Var S(t) = S(t)² · Σ_{tᵢ ≤ t} dᵢ / (nᵢ (nᵢ − dᵢ)).
 *
 * One row per distinct observed time, ascending. The product runs over event times only; a
 * time with only censorings gets a row with events = 0 and S unchanged, so the curve also
 * records how far the data reach (see `survivalAt`). At tied times events are taken to happen
 * before censorings: an observation censored at t is still at risk at t.
 *
 * The confidence band (default 95%) uses the log-log transform (Kalbfleisch & Prentice; SAS's
 * default, R's `conf.type = "log-log"`): log(−log S) ± z·σ with σ = √Σ / |log S|, i.e.
 * [S^exp(zσ), S^exp(−zσ)], which always lies within [0, 1], unlike the plain S ± z·SE band.
 * Edge cases: before any event S = 1, variance 0 and band [1, 1]; when everyone still at risk
 * has the event (nᵢ = dᵢ) the Greenwood term is infinite but S = 0 exactly with nobody left,
 * so the row reports variance 0 and band [0, 0].
 */
export function kaplanMeier(observations: readonly { time: number; event: boolean }[], z = Z95): SurvivalPoint[] {
  const byTime = new Map<number, { time: number; events: number; censored: number }>();
  for (const o of observations) {
    const row = byTime.get(o.time) ?? { time: o.time, events: 0, censored: 0 };
    if (o.event) row.events++;
    else row.censored++;
    byTime.set(o.time, row);
  }
  return kaplanMeierCounts([...byTime.values()], z);
}

/**
 * The same estimator from counts already grouped by time — what the database returns (one row
 * per cohort and day, not one per mentorship). Rows may come in any order; a time may repeat.
 */
export function kaplanMeierCounts(rows: readonly { time: number; events: number; censored: number }[], z = Z95): SurvivalPoint[] {
  const grouped = new Map<number, { events: number; censored: number }>();
  for (const r of rows) {
    if (!Number.isFinite(r.time)) throw new RangeError(`kaplanMeier: time must be finite, got ${r.time}`);
    if (!(Number.isInteger(r.events) && r.events >= 0 && Number.isInteger(r.censored) && r.censored >= 0)) {
      throw new RangeError(`kaplanMeier: counts must be non-negative integers, got ${r.events}/${r.censored}`);
    }
    const g = grouped.get(r.time) ?? { events: 0, censored: 0 };
    g.events += r.events;
    g.censored += r.censored;
    grouped.set(r.time, g);
  }
  const times = [...grouped.keys()].filter((t) => grouped.get(t)!.events + grouped.get(t)!.censored > 0).sort((a, b) => a - b);
  const curve: SurvivalPoint[] = [];
  let atRisk = times.reduce((sum, t) => sum + grouped.get(t)!.events + grouped.get(t)!.censored, 0);
  let survival = 1;
  let greenwood = 0; // Σ dᵢ / (nᵢ (nᵢ − dᵢ)), over event times so far
  for (const time of times) {
    const { events, censored } = grouped.get(time)!;
    if (events > 0) {
      survival *= 1 - events / atRisk;
      if (events === atRisk) survival = 0;
      else greenwood += events / (atRisk * (atRisk - events));
    }
    let variance: number;
    let low: number;
    let high: number;
    if (survival === 0) {
      variance = 0;
      low = 0;
      high = 0;
    } else if (survival === 1) {
      variance = 0;
      low = 1;
      high = 1;
    } else {
      variance = survival * survival * greenwood;
      const sigma = Math.sqrt(greenwood) / Math.abs(Math.log(survival));
      low = clamp01(survival ** Math.exp(z * sigma));
      high = clamp01(survival ** Math.exp(-z * sigma));
    }
    curve.push({ time, atRisk, events, censored, survival, variance, low, high });
    atRisk -= events + censored;
  }
  return curve;
}

/**
 * The survival estimate at time t, e.g. retention at 4, 8, 12 or 26 weeks: the value of the
 * right-continuous step function, so 1 (band [1, 1]) before the first observed time and the
 * last step at or before t otherwise. Beyond the last observed time the product-limit estimate
 * is not defined (nothing is known about anyone after it), so this returns undefined — except
 * when the curve has already reached 0, which stays 0. Undefined for an empty curve.
 */
export function survivalAt(
  curve: readonly SurvivalPoint[],
  t: number,
): { survival: number; low: number; high: number } | undefined {
  const last = curve.at(-1);
  if (last === undefined) return undefined;
  if (t > last.time) return last.survival === 0 ? { survival: 0, low: 0, high: 0 } : undefined;
  let found: SurvivalPoint | undefined;
  for (const point of curve) {
    if (point.time > t) break;
    found = point;
  }
  if (found === undefined) return { survival: 1, low: 1, high: 1 };
  return { survival: found.survival, low: found.low, high: found.high };
}

/**
 * Whether a cohort of n people may be shown: under MIN_PUBLIC → 'hidden' (no public figure,
 * privacy), under MIN_CONFIDENT → 'too-few' (shown, flagged "too few to tell"), else 'ok'.
 */
export function cohortVisibility(n: number): 'hidden' | 'too-few' | 'ok' {
  if (!(n >= MIN_PUBLIC)) return 'hidden';
  if (n < MIN_CONFIDENT) return 'too-few';
  return 'ok';
}
