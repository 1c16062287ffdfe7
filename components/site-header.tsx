import Link from 'next/link';
import { Avatar } from '@/components/ui/avatar';
import { ThemeToggle, type ThemeAction } from '@/components/theme-toggle';
import { buttonClass } from '@/components/ui/button';
import { countUnread } from '@/db/queries/notifications';
import { currentUser } from '@/lib/session';

// buttonClass's own px-4 comes later in the stylesheet than px-2 or px-2.5, so the narrower
// padding the header needs to fit one row is marked important.
const link = buttonClass('ghost', 'shrink-0 px-2.5!');

/**
 * Lucide's bell (ISC licence), drawn here: lucide-react's icon component is a client component,
 * and importing it in the header put its code on every page, for visitors too.
 */
function BellIcon({ className }: { className?: string }) {
  return (
    <svg aria-hidden="true" className={className} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
      <path d="M10.268 21a2 2 0 0 0 3.464 0" />
      <path d="M3.262 15.326A1 1 0 0 0 4 17h16a1 1 0 0 0 .74-1.673C19.41 13.956 18 12.499 18 8A6 6 0 0 0 6 8c0 4.499-1.411 5.956-2.738 7.326" />
    </svg>
  );
}

/** Lucide's settings gear (ISC licence), drawn here for the same reason as the bell. */
function SettingsIcon({ className }: { className?: string }) {
  return (
    <svg aria-hidden="true" className={className} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
      <path d="M9.671 4.136a2.34 2.34 0 0 1 4.659 0 2.34 2.34 0 0 0 3.319 1.915 2.34 2.34 0 0 1 2.33 4.033 2.34 2.34 0 0 0 0 3.831 2.34 2.34 0 0 1-2.33 4.033 2.34 2.34 0 0 0-3.319 1.915 2.34 2.34 0 0 1-4.659 0 2.34 2.34 0 0 0-3.32-1.915 2.34 2.34 0 0 1-2.33-4.033 2.34 2.34 0 0 0 0-3.831A2.34 2.34 0 0 1 6.35 6.051a2.34 2.34 0 0 0 3.319-1.915" />
      <circle cx="12" cy="12" r="3" />
    </svg>
  );
}

export async function SiteHeader({ signOutAction, themeAction }: { signOutAction: () => Promise<void>; themeAction: ThemeAction }) {
  const user = await currentUser();
  const unread = user ? await countUnread(user.id) : 0;
  return (
    <header className="border-b border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
      <nav aria-label="Main" className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-1 gap-y-2 px-4 py-3">
        <Link href="/" className="mr-auto text-lg font-bold tracking-tight lg:mr-3">
          Ask <span className="text-ask-700 dark:text-ask-50">or</span> Grow
        </Link>
        {/* On a phone the sections get rows of their own below, wrapping rather than scrolling
            sideways, so none is hidden past the edge. */}
        <div className="order-last -mx-1 flex w-full flex-wrap gap-1 px-1 lg:order-none lg:mr-auto lg:w-auto">
          <Link href="/mentors" className={link}>
            Mentors
          </Link>
          <Link href="/feed" className={link}>
            Feed
          </Link>
          {/* For members the row is full; they find the insights on the home page and in the footer. */}
          {!user && (
            <Link href="/insights" className={link}>
              Insights
            </Link>
          )}
          {user && (
            <>
              <Link href="/connections" className={link}>
                Connections
              </Link>
              <Link href="/requests" className={link}>
                Requests
              </Link>
              <Link href="/mentorships" className={link}>
                Mentorships
              </Link>
              <Link href="/posts/new" className={link}>
                Write
              </Link>
              {/* Only for admins: no one else learns that /admin exists. */}
              {user.role === 'admin' && (
                <Link href="/admin" className={link}>
                  Moderation
                </Link>
              )}
            </>
          )}
        </div>
        {user ? (
          <div className="flex items-center gap-1">
            <ThemeToggle action={themeAction} />
            <Link
              href="/notifications"
              className={buttonClass('ghost', 'relative px-2!')}
              aria-label={unread ? `Notifications, ${unread} unread` : 'Notifications'}
              data-testid="bell"
            >
              <BellIcon className="size-5" />
              {unread > 0 && (
                <span
                  aria-hidden="true"
                  className="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs leading-5 font-bold text-white"
                >
                  {unread > 99 ? '99+' : unread}
                </span>
              )}
            </Link>
            <Link href={`/u/${user.handle}`} className="flex items-center gap-2 rounded-lg px-2 py-1 hover:bg-stone-100 dark:hover:bg-stone-800">
              <Avatar user={user} size={28} decorative />
              <span className="sr-only">{user.displayName}</span>
            </Link>
            {/* An icon, as the bell: with the member's links the row fits 1280 px on one line. */}
            <Link href="/settings" className={buttonClass('ghost', 'px-2!')} aria-label="Settings" title="Settings">
              <SettingsIcon className="size-5" />
            </Link>
            <form action={signOutAction}>
              <button type="submit" className={buttonClass('secondary', 'px-3!')}>
                Sign out
              </button>
            </form>
          </div>
        ) : (
          <div className="flex items-center gap-1">
            <ThemeToggle action={themeAction} />
            <Link href="/signin" className={buttonClass('ghost', 'max-sm:px-2')}>
              Sign in
            </Link>
            <Link href="/signup" className={buttonClass('primary', 'max-sm:px-3')}>
              Sign up
            </Link>
          </div>
        )}
      </nav>
    </header>
  );
}
