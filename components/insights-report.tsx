import { DistributionBars, IntervalBars, Legend, SurvivalCurves, type Bar, type Curve } from '@/components/charts';
import {
  COHORT_LABELS,
  COHORTS,
  find,
  formatInterval,
  formatValue,
  RETENTION_WEEKS,
  TIME_TO_MENTORSHIP_BUCKETS,
  WINDOW_LABELS,
  WINDOWS,
  type Cohort,
  type Figure,
  type InsightsData,
  type Window,
} from '@/lib/insights';
import { END_REASONS } from '@/lib/requests';
import { cohortVisibility } from '@/lib/stats';
import { EmptyState } from '@/components/ui/empty-state';
import { cardClass } from '@/components/ui/card';
import { Tabs } from '@/components/ui/tabs';

const INTERVAL_NAMES: Record<Figure['interval'], string> = {
  'wilson-95': '95% CI',
  'greenwood-95': '95% CI',
  quartiles: 'quartiles',
  '': '',
};

function Badge({ status }: { status: Figure['status'] }) {
  if (status !== 'too-few') return null;
  return (
    <span className="ml-1 inline-block rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200">
      too few to tell
    </span>
  );
}

/** One figure in a table cell: the value, its interval, its n, and a flag when n is under 30. */
function FigureCell({ figure, who }: { figure: Figure | undefined; who?: string }) {
  if (!figure) return <td className="px-3 py-2 align-top">—</td>;
  const interval = formatInterval(figure);
  return (
    <td className="px-3 py-2 align-top" data-metric={figure.metric} data-cohort={figure.cohort} data-scope={who}>
      <span className="font-semibold tabular-nums" data-part="value">
        {formatValue(figure)}
      </span>
      <Badge status={figure.status} />
      {interval && (
        <span className="block text-xs text-stone-600 tabular-nums dark:text-stone-400" data-part="interval">
          {INTERVAL_NAMES[figure.interval]} {interval}
        </span>
      )}
      <span className="block text-xs text-stone-600 tabular-nums dark:text-stone-400" data-part="n">
        n = {figure.n.toLocaleString('en')}
      </span>
    </td>
  );
}

const th = 'px-3 py-2 text-left align-bottom text-sm font-semibold';

/** A table of measures by cohort; beside the platform's figures when `compare` is given. */
function FiguresTable({
  caption,
  metrics,
  figures,
  compare,
}: {
  caption: string;
  metrics: readonly string[];
  figures: readonly Figure[];
  compare?: readonly Figure[];
}) {
  const labelOf = (metric: string) => figures.find((f) => f.metric === metric)?.label ?? metric;
  return (
    <div className={cardClass('none', 'overflow-x-auto')}>
      <table className="w-full min-w-[32rem] border-collapse text-sm">
        <caption className="px-3 pt-3 text-left text-sm text-stone-700 dark:text-stone-300">{caption}</caption>
        <thead>
          <tr className="border-b border-stone-200 dark:border-stone-800">
            <th scope="col" className={th}>
              Measure
            </th>
            {compare ? (
              <>
                <th scope="col" className={th}>
                  Path
                </th>
                <th scope="col" className={th}>
                  Yours
                </th>
                <th scope="col" className={th}>
                  Platform
                </th>
              </>
            ) : (
              COHORTS.map((c) => (
                <th key={c} scope="col" className={th}>
                  {COHORT_LABELS[c].name}
                </th>
              ))
            )}
          </tr>
        </thead>
        <tbody>
          {metrics.map((metric) =>
            compare ? (
              COHORTS.map((c, i) => (
                <tr key={`${metric}-${c}`} className={i === 0 ? 'border-t border-stone-200 dark:border-stone-800' : ''}>
                  {i === 0 && (
                    <th scope="rowgroup" rowSpan={COHORTS.length} className="px-3 py-2 text-left align-top font-normal">
                      {labelOf(metric)}
                    </th>
                  )}
                  <th scope="row" className="px-3 py-2 text-left align-top font-normal text-stone-700 dark:text-stone-300">
                    {COHORT_LABELS[c].name}
                  </th>
                  <FigureCell figure={find(figures, metric, c)} who="mine" />
                  <FigureCell figure={find(compare, metric, c)} who="platform" />
                </tr>
              ))
            ) : (
              <tr key={metric} className="border-t border-stone-200 dark:border-stone-800">
                <th scope="row" className="px-3 py-2 text-left align-top font-normal">
                  {labelOf(metric)}
                </th>
                {COHORTS.map((c) => (
                  <FigureCell key={c} figure={find(figures, metric, c)} />
                ))}
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

function Section({ id, title, intro, children }: { id: string; title: string; intro: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-4">
      <h2 id={id} className="text-xl font-bold">
        {title}
      </h2>
      <p className="max-w-3xl text-stone-700 dark:text-stone-300">{intro}</p>
      {children}
    </section>
  );
}

function NothingToDraw() {
  return (
    <EmptyState title="No path has enough data in this window to draw yet." />
  );
}

/** What a chart cannot draw: hidden cohorts and small ones, said in words next to the legend. */
const sizeNote = (n: number) => {
  const v = cohortVisibility(n);
  return v === 'hidden' ? 'fewer than 5, not shown' : v === 'too-few' ? 'too few to tell, drawn faint' : undefined;
};

export function WindowFilter({ current, basePath }: { current: Window; basePath: string }) {
  return (
    <Tabs
      label="Time window"
      tabs={WINDOWS.map((w) => ({ href: w === 'all' ? basePath : `${basePath}?window=${w}`, label: WINDOW_LABELS[w], current: w === current }))}
    />
  );
}

/** The sections of the insights: charts, each followed by the table with its numbers. */
export function InsightsReport({
  data,
  figures,
  compare,
  whose,
}: {
  data: InsightsData;
  figures: readonly Figure[];
  /** The platform's figures, shown beside a mentor's own. */
  compare?: readonly Figure[];
  whose: string;
}) {
  const drawn = (metric: string) =>
    COHORTS.flatMap((c) => {
      const f = find(figures, metric, c);
      return f && f.value !== undefined && f.low !== undefined && f.high !== undefined
        ? [{ cohort: c, value: f.value, low: f.low, high: f.high, faint: f.status === 'too-few' } satisfies Bar]
        : [];
    });
  const conversionBars = drawn('conversion');
  const curves: Curve[] = COHORTS.filter((c) => cohortVisibility(data.cohorts[c].mentorships) !== 'hidden').map((c) => ({
    cohort: c,
    points: data.cohorts[c].curve,
    faint: cohortVisibility(data.cohorts[c].mentorships) === 'too-few',
  }));
  const lastWeek = Math.max(0, ...curves.map((c) => c.points.at(-1)?.time ?? 0));
  const maxWeeks = lastWeek > 30 ? 52 : 26;
  const distributions = COHORTS.filter((c) => cohortVisibility(data.cohorts[c].timeToMentorship.n) !== 'hidden').map((c) => {
    const t = data.cohorts[c].timeToMentorship;
    return { cohort: c, shares: t.buckets.map((b) => b / Math.max(1, t.n)), faint: cohortVisibility(t.n) === 'too-few' };
  });
  const describeBars = (bars: readonly Bar[], what: string) =>
    bars.length === 0
      ? `${what}: no cohort has enough data to draw.`
      : `${what}: ${bars.map((b) => `${COHORT_LABELS[b.cohort].plural} ${Math.round(b.value * 100)}% (95% interval ${Math.round(b.low * 100)} to ${Math.round(b.high * 100)}%)`).join('; ')}.`;
  const at12 = (c: Cohort) => find(figures, 'retention_12w', c);

  return (
    <div className="space-y-12">
      <Section
        id="conversion"
        title="Does it become a mentorship?"
        intro="For asks: the share of requests the mentor accepted, of all that were answered or expired (withdrawn and waiting ones are left out). For the Grow path: the share of connections between a mentor and a member that grew and became a mentorship within 30 days. Whiskers show the 95% Wilson interval."
      >
        <figure className="space-y-3">
          <figcaption className="text-sm font-medium">{whose}: conversion by path</figcaption>
          <Legend cohorts={COHORTS} note={(c) => sizeNote(data.cohorts[c].conversion.tried)} />
          {conversionBars.length ? <IntervalBars bars={conversionBars} title={describeBars(conversionBars, `${whose}: conversion by path`)} /> : <NothingToDraw />}
        </figure>
        <FiguresTable
          caption="Conversion and time to an answer, by path"
          metrics={['conversion', 'answer_median_hours', 'grown_to_start_median_hours']}
          figures={figures}
          compare={compare}
        />
      </Section>

      <Section
        id="retention"
        title="How long do mentorships last?"
        intro="The share of mentorships still active after a number of weeks, estimated with Kaplan–Meier: mentorships still running count for as long as they have run so far (censored) instead of being dropped or counted as ended. Shaded bands are 95% Greenwood intervals (log-log)."
      >
        <figure className="space-y-3">
          <figcaption className="text-sm font-medium">{whose}: share still active, by weeks since the start</figcaption>
          <Legend cohorts={COHORTS} note={(c) => sizeNote(data.cohorts[c].mentorships)} />
          {curves.length === 0 ? (
            <NothingToDraw />
          ) : (
          <SurvivalCurves
            curves={curves}
            maxWeeks={maxWeeks}
            title={`${whose}: retention curves. ${COHORTS.map((c) => {
              const f = at12(c);
              return `${COHORT_LABELS[c].plural}: ${f ? formatValue(f) : '—'} still active at 12 weeks`;
            }).join('; ')}. The table below has every figure.`}
          />
          )}
        </figure>
        <FiguresTable caption="Still active after 4, 8, 12 and 26 weeks (Kaplan–Meier)" metrics={RETENTION_WEEKS.map((w) => `retention_${w}w`)} figures={figures} compare={compare} />
      </Section>

      <Section
        id="time-to-mentorship"
        title="How long from first contact to a mentorship?"
        intro="From the pair’s first interaction of any kind — a follow, comment, reaction, the request or the offer — to the day the mentorship started. A cold ask starts the clock with the request itself."
      >
        <figure className="space-y-3">
          <figcaption className="text-sm font-medium">{whose}: time from first contact to mentorship</figcaption>
          <Legend cohorts={COHORTS} note={(c) => sizeNote(data.cohorts[c].timeToMentorship.n)} />
          {distributions.length === 0 ? (
            <NothingToDraw />
          ) : (
          <DistributionBars
            buckets={TIME_TO_MENTORSHIP_BUCKETS.map((b) => b.label)}
            series={distributions}
            title={`${whose}: distribution of time from first contact to mentorship. ${COHORTS.map((c) => {
              const f = find(figures, 'time_to_mentorship_days', c);
              return `${COHORT_LABELS[c].plural}: median ${f ? formatValue(f) : '—'}`;
            }).join('; ')}.`}
          />
          )}
        </figure>
        <FiguresTable caption="Days from first contact to the start: median and quartiles" metrics={['time_to_mentorship_days']} figures={figures} compare={compare} />
      </Section>

      <Section
        id="engagement"
        title="Engagement and satisfaction"
        intro="Messages per week the mentorship was active (averaged over mentorships, counting at least one week each), the share of goals ticked off, and the rating each side gave when it ended."
      >
        <FiguresTable
          caption="Engagement and satisfaction, by path"
          metrics={['mentorships', 'messages_per_active_week', 'goals_completed', 'rating_by_mentors', 'rating_by_mentees']}
          figures={figures}
          compare={compare}
        />
      </Section>

      <Section id="endings" title="How do mentorships end?" intro="Of the mentorships that have ended: completed as planned, or ended early — and the reason given.">
        <FiguresTable
          caption="Endings and their reasons, as shares of the mentorships that ended"
          metrics={['completed', ...END_REASONS.map((r) => `end_reason_${r}`)]}
          figures={figures}
          compare={compare}
        />
      </Section>
    </div>
  );
}
