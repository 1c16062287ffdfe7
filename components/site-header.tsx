import Link from 'next/link';
import { Avatar } from '@/components/avatar';
import { buttonClass } from '@/components/ui/button';
import { currentUser } from '@/lib/session';

export async function SiteHeader({ signOutAction }: { signOutAction: () => Promise<void> }) {
  const user = await currentUser();
  return (
    <header className="border-b border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
      <nav aria-label="Main" className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-1 gap-y-2 px-4 py-3">
        <Link href="/" className="mr-2 text-lg font-bold tracking-tight">
          Ask <span className="text-ask-700 dark:text-ask-50">or</span> Grow
        </Link>
        <Link href="/mentors" className={buttonClass('ghost', 'px-2.5')}>
          Mentors
        </Link>
        <Link href="/feed" className={buttonClass('ghost', user ? 'px-2.5' : 'mr-auto px-2.5')}>
          Feed
        </Link>
        {user ? (
          <>
            <Link href="/connections" className={buttonClass('ghost', 'px-2.5')}>
              Connections
            </Link>
            <Link href="/requests" className={buttonClass('ghost', 'px-2.5')}>
              Requests
            </Link>
            <Link href="/mentorships" className={buttonClass('ghost', 'px-2.5')}>
              Mentorships
            </Link>
            <Link href="/posts/new" className={buttonClass('ghost', 'mr-auto px-2.5')}>
              Write
            </Link>
            <Link href={`/u/${user.handle}`} className="flex items-center gap-2 rounded-lg px-2 py-1 hover:bg-stone-100 dark:hover:bg-stone-800">
              <Avatar user={user} size={28} decorative />
              <span className="sr-only text-sm font-medium sm:not-sr-only">{user.displayName}</span>
            </Link>
            <Link href="/settings" className={buttonClass('ghost')}>
              Settings
            </Link>
            <form action={signOutAction}>
              <button type="submit" className={buttonClass('secondary')}>
                Sign out
              </button>
            </form>
          </>
        ) : (
          <>
            <Link href="/signin" className={buttonClass('ghost')}>
              Sign in
            </Link>
            <Link href="/signup" className={buttonClass('primary')}>
              Sign up
            </Link>
          </>
        )}
      </nav>
    </header>
  );
}
