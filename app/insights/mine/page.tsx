import type { Metadata } from 'next';
import Link from 'next/link';
import { InsightsReport, WindowFilter } from '@/components/insights-report';
import { getInsights, isMentor } from '@/db/queries/insights';
import { figuresOf, headline, parseWindow, WINDOW_LABELS } from '@/lib/insights';
import { requireUser } from '@/lib/session';
import { Methods, Summary } from '../parts';

export const metadata: Metadata = { title: 'Your insights as a mentor', robots: { index: false } };

export default async function MyInsightsPage({ searchParams }: PageProps<'/insights/mine'>) {
  const window = parseWindow((await searchParams).window);
  const query = window === 'all' ? '' : `?window=${window}`;
  const user = await requireUser(`/insights/mine${query}`);
  if (!(await isMentor(user.id))) {
    return (
      <div className="max-w-2xl space-y-4">
        <h1 className="text-3xl font-bold tracking-tight">Your insights as a mentor</h1>
        <p className="text-stone-700 dark:text-stone-300">
          These figures are about the requests you receive and the mentorships you lead, so they appear once you mentor. Set up a mentor profile in{' '}
          <Link href="/settings" className="font-medium text-ask-700 underline dark:text-ask-50">
            your settings
          </Link>
          , or see <Link href={`/insights${query}`} className="font-medium text-ask-700 underline dark:text-ask-50">the platform’s insights</Link>.
        </p>
      </div>
    );
  }
  const [mine, platform] = await Promise.all([getInsights({ window, mentorId: user.id }), getInsights({ window })]);
  const figures = figuresOf(mine);
  return (
    <div className="space-y-10">
      <header className="space-y-5">
        <p className="text-sm font-semibold uppercase tracking-wide text-grow-700 dark:text-grow-50">Only you see this page</p>
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Your insights as a mentor</h1>
        <p className="max-w-3xl text-2xl leading-snug font-semibold" data-testid="headline">
          {headline(figures).sentence}
        </p>
        <Summary data={mine} windowLabel={`${WINDOW_LABELS[window]}, your requests and mentorships`} />
        <div className="flex flex-wrap items-center gap-4">
          <WindowFilter current={window} basePath="/insights/mine" />
          <p className="text-sm">
            Download yours:{' '}
            <a href={`/insights.csv?scope=mine${window === 'all' ? '' : `&window=${window}`}`} className="font-medium text-ask-700 underline dark:text-ask-50">
              CSV
            </a>{' '}
            ·{' '}
            <a href={`/api/insights?scope=mine${window === 'all' ? '' : `&window=${window}`}`} className="font-medium text-ask-700 underline dark:text-ask-50">
              JSON
            </a>
          </p>
          <Link href={`/insights${query}`} className="text-sm font-medium text-ask-700 underline dark:text-ask-50">
            The platform’s insights →
          </Link>
        </div>
        <p className="max-w-3xl text-sm text-stone-700 dark:text-stone-300">
          The same rules as for everyone: a figure resting on fewer than 5 people is not shown, so no single mentee’s answer or rating can be read off it.
        </p>
      </header>
      <InsightsReport data={mine} figures={figures} compare={figuresOf(platform)} whose="Your mentorships" />
      <Methods />
    </div>
  );
}
