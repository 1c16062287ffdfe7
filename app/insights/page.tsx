import type { Metadata } from 'next';
import Link from 'next/link';
import { InsightsReport, WindowFilter } from '@/components/insights-report';
import { getInsights, isMentor } from '@/db/queries/insights';
import { figuresOf, headline, parseWindow, WINDOW_LABELS } from '@/lib/insights';
import { currentUser } from '@/lib/session';
import { Methods, Summary } from './parts';
import { alternatesFor } from '@/lib/site-metadata';

export const metadata: Metadata = {
  title: 'Insights: should you ask, or let it grow?',
  description: 'Which way of starting a mentorship works better — asking a mentor, or letting it grow? Conversion, retention, engagement and satisfaction, with their margins of error.',
  alternates: alternatesFor('/insights'),
};

export default async function InsightsPage({ searchParams }: PageProps<'/insights'>) {
  const window = parseWindow((await searchParams).window);
  const [data, user] = await Promise.all([getInsights({ window }), currentUser()]);
  const figures = figuresOf(data);
  const mentor = user ? await isMentor(user.id) : false;
  const query = window === 'all' ? '' : `?window=${window}`;
  return (
    <div className="space-y-10">
      <header className="space-y-5">
        <p className="text-sm font-semibold uppercase tracking-wide text-grow-700 dark:text-grow-50">The experiment</p>
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Should you ask, or let it grow?</h1>
        <p className="max-w-3xl text-2xl leading-snug font-semibold" data-testid="headline">
          {headline(figures).sentence}
        </p>
        <Summary data={data} windowLabel={WINDOW_LABELS[window]} />
        <div className="flex flex-wrap items-center gap-4">
          <WindowFilter current={window} basePath="/insights" />
          <p className="text-sm">
            Download every figure: <a href={`/insights.csv${query}`} className="font-medium text-ask-700 underline dark:text-ask-50">CSV</a> ·{' '}
            <a href={`/api/insights${query}`} className="font-medium text-ask-700 underline dark:text-ask-50">JSON</a>
          </p>
          {mentor && (
            <Link href={`/insights/mine${query}`} className="text-sm font-medium text-ask-700 underline dark:text-ask-50">
              Your own figures as a mentor →
            </Link>
          )}
        </div>
      </header>
      <InsightsReport data={data} figures={figures} whose="All mentorships" />
      <Methods />
    </div>
  );
}
