import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { currentUser } from '@/lib/session';

export default async function HomePage() {
  const user = await currentUser();
  return (
    <div className="space-y-12">
      <section className="space-y-5 py-8 text-center">
        <h1 className="text-4xl font-bold tracking-tight sm:text-5xl">
          Should you <span className="text-ask-700 dark:text-ask-50">ask</span> for a mentorship,
          <br className="hidden sm:block" /> or let one <span className="text-grow-700 dark:text-grow-50">grow</span>?
        </h1>
        <p className="mx-auto max-w-2xl text-lg text-stone-700 dark:text-stone-300">
          Send a formal request to a professional you look up to — or follow them, read what they write, join the
          discussion, and let a working relationship become a mentorship. Ask or Grow supports both, and measures
          which one works better.
        </p>
        <div className="flex flex-wrap justify-center gap-3">
          <Link href="/mentors" className={buttonClass('primary')}>
            Find a mentor to ask
          </Link>
          {user ? (
            <Link href={`/u/${user.handle}`} className={buttonClass('secondary')}>
              Go to your profile
            </Link>
          ) : (
            <>
              <Link href="/signup" className={buttonClass('secondary')}>
                Join Ask or Grow
              </Link>
            </>
          )}
        </div>
      </section>

      <section aria-label="The two paths" className="grid gap-6 md:grid-cols-2">
        <div className="rounded-2xl border border-stone-200 bg-white p-6 dark:border-stone-800 dark:bg-stone-900">
          <h2 className="text-xl font-semibold text-ask-700 dark:text-ask-50">Ask</h2>
          <p className="mt-2 text-stone-700 dark:text-stone-300">
            Browse mentors by expertise, language and how they like to start. Write a request with your goals, a
            cadence and a length; the mentor accepts or declines with a reason.
          </p>
        </div>
        <div className="rounded-2xl border border-stone-200 bg-white p-6 dark:border-stone-800 dark:bg-stone-900">
          <h2 className="text-xl font-semibold text-grow-700 dark:text-grow-50">Grow</h2>
          <p className="mt-2 text-stone-700 dark:text-stone-300">
            Follow people, read their posts, reply and discuss. When the two of you have built real rapport, either
            side can turn it into a mentorship.
          </p>
        </div>
      </section>
    </div>
  );
}
