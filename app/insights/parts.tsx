import { COHORTS, type InsightsData } from '@/lib/insights';
import { LocalTime } from '@/components/local-time';
import { plural } from '@/lib/format';
import { cardClass } from '@/components/ui/card';

/** What the figures rest on, in one line. */
export function Summary({ data, windowLabel }: { data: InsightsData; windowLabel: string }) {
  const requests = data.cohorts['ask-cold'].conversion.tried + data.cohorts['ask-warm'].conversion.tried;
  const grown = data.cohorts.grow.conversion.tried;
  const mentorships = COHORTS.reduce((sum, c) => sum + data.cohorts[c].mentorships, 0);
  return (
    <p className="max-w-3xl text-stone-700 dark:text-stone-300">
      {windowLabel}: {plural(requests, 'answered request')}, {plural(grown, 'grown connection')} with a mentor and {plural(mentorships, 'mentorship')}.
      Figures as of <LocalTime date={data.computedAt} time data-testid="computed-at" />; they refresh within a minute.
    </p>
  );
}

export function Methods() {
  return (
    <section aria-labelledby="methods" className={cardClass('md', 'space-y-3 text-sm text-stone-700 dark:text-stone-300')}>
      <h2 id="methods" className="text-lg font-bold text-stone-900 dark:text-stone-100">
        How these numbers are made
      </h2>
      <ul className="list-disc space-y-2 pl-5">
        <li>
          <strong>Three paths.</strong> A <em>cold ask</em> is a request to a mentor the member had never interacted with; a <em>warm ask</em> follows
          interaction both ways; a <em>grown</em> mentorship started from an offer or proposal once the pair’s connection had grown. Every request and every
          grown connection counts for its path, whether or not it became a mentorship.
        </li>
        <li>
          <strong>Intervals.</strong> Shares carry a 95% Wilson score interval; retention is a Kaplan–Meier estimate with 95% Greenwood bands, so mentorships
          still running count for as long as they have run. Time to mentorship shows the median and quartiles.
        </li>
        <li>
          <strong>Differences.</strong> The headline names a difference only when both paths have at least 30 in the sample and their 95% intervals do not
          overlap — a cautious test: some real differences go unmentioned, but what is said holds.
        </li>
        <li>
          <strong>Privacy.</strong> Only totals are shown. A figure resting on fewer than 5 people is not shown at all; under 30 it is marked “too few to
          tell”.
        </li>
        <li>
          <strong>Time window.</strong> Requests and grown connections count by when they happened, mentorships by when they started.
        </li>
      </ul>
    </section>
  );
}
