/**
 * The insights' charts as plain server-rendered SVG: no client JavaScript, scale with their
 * container (viewBox), follow the colour scheme through CSS classes, and say what they show in
 * an accessible name. Each is drawn next to a table with the same numbers (the text alternative).
 * Cohorts differ by line style and position as well as colour, so colour is never the only cue.
 */
import { COHORT_LABELS, type Cohort } from '@/lib/insights';

export const COHORT_STYLE: Record<Cohort, { stroke: string; fill: string; dash?: string; swatch: string }> = {
  'ask-cold': { stroke: 'stroke-indigo-600 dark:stroke-indigo-400', fill: 'fill-indigo-600 dark:fill-indigo-400', swatch: 'bg-indigo-600 dark:bg-indigo-400' },
  'ask-warm': { stroke: 'stroke-amber-600 dark:stroke-amber-400', fill: 'fill-amber-600 dark:fill-amber-400', dash: '7 4', swatch: 'bg-amber-600 dark:bg-amber-400' },
  grow: { stroke: 'stroke-emerald-600 dark:stroke-emerald-400', fill: 'fill-emerald-600 dark:fill-emerald-400', dash: '2 3', swatch: 'bg-emerald-600 dark:bg-emerald-400' },
};

const axis = 'stroke-stone-300 dark:stroke-stone-700';
const label = 'fill-stone-600 text-[13px] dark:fill-stone-300';
const pct = (x: number) => `${Math.round(x * 100)}%`;

export function Legend({ cohorts, note }: { cohorts: readonly Cohort[]; note?: (c: Cohort) => string | undefined }) {
  return (
    <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm text-stone-700 dark:text-stone-300" aria-label="Legend">
      {cohorts.map((c) => (
        <li key={c} className="flex items-center gap-2">
          <svg width="28" height="10" aria-hidden="true">
            <line x1="0" x2="28" y1="5" y2="5" strokeWidth="3" strokeDasharray={COHORT_STYLE[c].dash} className={COHORT_STYLE[c].stroke} />
          </svg>
          {COHORT_LABELS[c].name}
          {note?.(c) && <span className="text-stone-500 dark:text-stone-400">({note(c)})</span>}
        </li>
      ))}
    </ul>
  );
}

export type Bar = { cohort: Cohort; value: number; low: number; high: number; faint?: boolean };

/** Horizontal bars (a share) with their 95% intervals as whiskers. */
export function IntervalBars({ bars, title }: { bars: readonly Bar[]; title: string }) {
  const width = 480;
  const left = 84;
  const right = 52;
  const row = 38;
  const top = 8;
  const height = top + bars.length * row + 26;
  const x = (v: number) => left + v * (width - left - right);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full max-w-2xl" role="img" aria-label={title}>
      {[0, 0.25, 0.5, 0.75, 1].map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={top} y2={height - 22} className={axis} strokeDasharray={t === 0 ? undefined : '2 3'} />
          <text x={x(t)} y={height - 6} textAnchor="middle" className={label}>
            {pct(t)}
          </text>
        </g>
      ))}
      {bars.map((b, i) => {
        const y = top + i * row;
        const style = COHORT_STYLE[b.cohort];
        return (
          <g key={b.cohort} opacity={b.faint ? 0.55 : 1}>
            <text x={left - 8} y={y + 17} textAnchor="end" className={label}>
              {COHORT_LABELS[b.cohort].short}
            </text>
            <rect x={x(0)} y={y + 6} width={Math.max(1, x(b.value) - x(0))} height={16} rx={2} className={style.fill} opacity={0.8} />
            <line x1={x(b.low)} x2={x(b.high)} y1={y + 14} y2={y + 14} strokeWidth={2} className="stroke-stone-900 dark:stroke-stone-100" />
            <line x1={x(b.low)} x2={x(b.low)} y1={y + 8} y2={y + 20} strokeWidth={2} className="stroke-stone-900 dark:stroke-stone-100" />
            <line x1={x(b.high)} x2={x(b.high)} y1={y + 8} y2={y + 20} strokeWidth={2} className="stroke-stone-900 dark:stroke-stone-100" />
            <text x={x(b.high) + 6} y={y + 19} className="fill-stone-800 text-[14px] font-semibold dark:fill-stone-100">
              {pct(b.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export type Curve = { cohort: Cohort; points: readonly { time: number; survival: number; low: number; high: number }[]; faint?: boolean };

/** Kaplan–Meier step curves with their confidence bands, over weeks. */
export function SurvivalCurves({ curves, maxWeeks, title }: { curves: readonly Curve[]; maxWeeks: number; title: string }) {
  const width = 520;
  const height = 320;
  const left = 48;
  const right = 16;
  const top = 10;
  const bottom = 34;
  const x = (w: number) => left + (Math.min(w, maxWeeks) / maxWeeks) * (width - left - right);
  const y = (s: number) => top + (1 - s) * (height - top - bottom);
  const ticks = [0, 4, 8, 12, 26, 39, 52].filter((t) => t <= maxWeeks);
  const steps = (points: Curve['points'], key: 'survival' | 'low' | 'high') => {
    const visible = points.filter((p) => p.time <= maxWeeks);
    const out: [number, number][] = [[0, 1]];
    for (const p of visible) {
      out.push([p.time, out.at(-1)![1]]);
      out.push([p.time, p[key]]);
    }
    const last = visible.at(-1);
    if (last) out.push([last.time, last[key]]);
    return out;
  };
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full max-w-2xl" role="img" aria-label={title}>
      {[0, 0.25, 0.5, 0.75, 1].map((s) => (
        <g key={s}>
          <line x1={left} x2={width - right} y1={y(s)} y2={y(s)} className={axis} strokeDasharray={s === 0 ? undefined : '2 3'} />
          <text x={left - 6} y={y(s) + 4} textAnchor="end" className={label}>
            {pct(s)}
          </text>
        </g>
      ))}
      {ticks.map((t) => (
        <text key={t} x={x(t)} y={height - bottom + 16} textAnchor="middle" className={label}>
          {t}
        </text>
      ))}
      <text x={(left + width - right) / 2} y={height - 4} textAnchor="middle" className={label}>
        weeks since the mentorship started
      </text>
      {curves.map((c) => {
        const style = COHORT_STYLE[c.cohort];
        const high = steps(c.points, 'high');
        const low = steps(c.points, 'low');
        const band = [...high, ...low.reverse()].map(([t, s]) => `${x(t).toFixed(1)},${y(s).toFixed(1)}`).join(' ');
        const line = steps(c.points, 'survival')
          .map(([t, s], i) => `${i ? 'L' : 'M'}${x(t).toFixed(1)},${y(s).toFixed(1)}`)
          .join('');
        return (
          <g key={c.cohort} opacity={c.faint ? 0.55 : 1}>
            <polygon points={band} className={style.fill} opacity={0.12} />
            <path d={line} fill="none" strokeWidth={2.5} strokeDasharray={style.dash} className={style.stroke} />
          </g>
        );
      })}
    </svg>
  );
}

export type Distribution = { cohort: Cohort; shares: readonly number[]; faint?: boolean };

/** Grouped horizontal bars: for each bucket, the share of each cohort's mentorships in it. */
export function DistributionBars({ buckets, series, title }: { buckets: readonly string[]; series: readonly Distribution[]; title: string }) {
  const width = 480;
  const left = 112;
  const right = 44;
  const bar = 11;
  const group = series.length * (bar + 2) + 12;
  const top = 6;
  const height = top + buckets.length * group + 24;
  const max = Math.max(0.05, ...series.flatMap((s) => s.shares));
  const x = (v: number) => left + (v / max) * (width - left - right);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full max-w-2xl" role="img" aria-label={title}>
      <line x1={left} x2={left} y1={top} y2={height - 22} className={axis} />
      {buckets.map((bucket, i) => {
        const y0 = top + i * group;
        return (
          <g key={bucket}>
            <text x={left - 8} y={y0 + (series.length * (bar + 2)) / 2 + 4} textAnchor="end" className={label}>
              {bucket}
            </text>
            {series.map((s, j) => (
              <g key={s.cohort} opacity={s.faint ? 0.55 : 1}>
                <rect x={left} y={y0 + j * (bar + 2)} width={Math.max(0.5, x(s.shares[i] ?? 0) - left)} height={bar} className={COHORT_STYLE[s.cohort].fill} />
                <text x={x(s.shares[i] ?? 0) + 4} y={y0 + j * (bar + 2) + bar - 1.5} className="fill-stone-600 text-[11px] dark:fill-stone-300">
                  {pct(s.shares[i] ?? 0)}
                </text>
              </g>
            ))}
          </g>
        );
      })}
      <text x={(left + width - right) / 2} y={height - 6} textAnchor="middle" className={label}>
        share of the cohort’s mentorships
      </text>
    </svg>
  );
}
