import type { Metadata } from 'next';
import Link from 'next/link';
import { MentorCard } from '@/components/mentor-card';
import { PostCard } from '@/components/post-card';
import { buttonClass } from '@/components/ui/button';
import { loadFeed } from '@/db/queries/feed';
import { getInsights } from '@/db/queries/insights';
import { directoryStatements, tagNames } from '@/db/queries/mentors';
import { figuresOf, headline } from '@/lib/insights';
import { alternatesFor } from '@/lib/site-metadata';
import { currentUser } from '@/lib/session';
import { directoryHref, type DirectoryQuery } from '@/lib/validation/directory';
import { cardClass } from '@/components/ui/card';

// The layout's title and description are the home page's; this adds its canonical address and the site feed.
export const metadata: Metadata = { alternates: alternatesFor('/') };

/** A glimpse, not a directory: the full lists are one link away. */
const MENTORS_SHOWN = 3;
const POSTS_SHOWN = 3;

/** The directory's default browse order (open slots first, then most followed), narrowed to mentors taking requests. */
const ACCEPTING: DirectoryQuery = { q: '', tags: [], accepting: true, sort: 'relevance', page: 1 };

const link = 'font-medium text-ask-700 underline dark:text-ask-50';
const growLink = 'font-medium text-grow-700 underline dark:text-grow-50';

export default async function HomePage() {
  // Only the directory's page statement: a landing page needs no match count.
  const [user, insights, mentors, recent] = await Promise.all([
    currentUser(),
    // The experiment's answer, from the 30-second cache; a failure hides it rather than the page.
    getInsights({ window: 'all' }).catch(() => undefined),
    directoryStatements(ACCEPTING, MENTORS_SHOWN).list,
    loadFeed(undefined, undefined, POSTS_SHOWN),
  ]);
  const names = await tagNames(mentors.flatMap((m) => m.tags));
  const sentence = insights ? headline(figuresOf(insights)).sentence : undefined;
  const acceptingHref = directoryHref(ACCEPTING);

  return (
    <div className="space-y-14">
      <section aria-labelledby="question" className="space-y-6 py-4 text-center sm:py-8">
        <h1 id="question" className="text-3xl font-bold tracking-tight text-balance sm:text-5xl">
          Should you <span className="text-ask-700 dark:text-ask-50">ask</span> for a mentorship, or let one{' '}
          <span className="text-grow-700 dark:text-grow-50">grow</span>?
        </h1>
        <p className="mx-auto max-w-2xl text-lg text-stone-700 dark:text-stone-300">
          Send a mentor a formal request — or follow people, read what they write and discuss it until a mentorship grows
          by itself. Ask or Grow supports both, and measures which works better.
        </p>
        {user && !user.onboardedAt && (
          <p className="mx-auto max-w-2xl rounded-xl bg-ask-50 px-4 py-3 text-ask-700">
            New here?{' '}
            <Link href="/welcome" className="font-semibold underline">
              Tell us what you are looking for
            </Link>{' '}
            and get mentors suggested to you.
          </p>
        )}
        <div className="flex flex-col justify-center gap-3 sm:flex-row">
          {user ? (
            <>
              <Link href="/requests" className={buttonClass('primary')}>
                Your requests
              </Link>
              <Link href="/feed" className={buttonClass('grow')}>
                Your feed
              </Link>
            </>
          ) : (
            <>
              <Link href="/mentors" className={buttonClass('primary')}>
                Find a mentor to ask
              </Link>
              <Link href="/feed" className={buttonClass('grow')}>
                Follow people and grow
              </Link>
            </>
          )}
        </div>
      </section>

      {sentence && (
        <section aria-labelledby="so-far" className={cardClass('lg', 'mx-auto max-w-3xl space-y-3 text-center')}>
          <h2 id="so-far" className="text-sm font-semibold tracking-wide text-grow-700 uppercase dark:text-grow-50">
            What the numbers say so far
          </h2>
          <p className="text-xl leading-snug font-semibold text-balance sm:text-2xl" data-testid="headline">
            {sentence}
          </p>
          <p>
            <Link href="/insights" className={link}>
              See the numbers
            </Link>
          </p>
        </section>
      )}

      <section aria-label="The two paths" className="grid gap-6 md:grid-cols-2">
        <div className={cardClass('lg', 'space-y-3')}>
          <h2 className="text-xl font-semibold text-ask-700 dark:text-ask-50">Ask</h2>
          <p className="text-stone-700 dark:text-stone-300">
            Browse mentors by expertise, language and how they like to start. Write a request with your goals, a cadence
            and a length; the mentor accepts or declines with a reason.
          </p>
          <p>
            {user ? (
              <Link href="/mentors" className={link}>
                Find a mentor to ask
              </Link>
            ) : (
              <Link href="/signup" className={link}>
                Sign up to send a request
              </Link>
            )}
          </p>
        </div>
        <div className={cardClass('lg', 'space-y-3')}>
          <h2 className="text-xl font-semibold text-grow-700 dark:text-grow-50">Grow</h2>
          <p className="text-stone-700 dark:text-stone-300">
            Follow people, read their posts, reply and discuss. When the two of you have built real rapport, either side
            can turn it into a mentorship.
          </p>
          <p>
            {user ? (
              <Link href="/posts/new" className={growLink}>
                Write a post
              </Link>
            ) : (
              <Link href="/signup" className={growLink}>
                Sign up to follow people
              </Link>
            )}
          </p>
        </div>
      </section>

      {mentors.length > 0 && (
        <section aria-labelledby="accepting-heading" className="space-y-4">
          <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
            <h2 id="accepting-heading" className="text-2xl font-semibold tracking-tight">
              Mentors taking requests now
            </h2>
            <Link href={acceptingHref} className={`text-sm ${link}`}>
              All mentors with open slots
            </Link>
          </div>
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {mentors.map((m) => (
              <li key={m.id}>
                <MentorCard
                  headingLevel={3}
                  mentor={{ ...m, tags: m.tags.map((slug) => ({ slug, name: names.get(slug) ?? slug })) }}
                />
              </li>
            ))}
          </ul>
        </section>
      )}

      {recent.posts.length > 0 && (
        <section aria-labelledby="recent-heading" className="space-y-4">
          <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
            <h2 id="recent-heading" className="text-2xl font-semibold tracking-tight">
              Recently written
            </h2>
            <Link href="/feed" className={`text-sm ${growLink}`}>
              More in the feed
            </Link>
          </div>
          <ul className="space-y-4">
            {recent.posts.map((post) => (
              <li key={post.id}>
                <PostCard post={post} headingLevel={3} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
