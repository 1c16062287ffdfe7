import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';

// Shown for a handle no one has and for a suspended account alike: the page does not say which.
export default function MemberNotFound() {
  return (
    <div className="mx-auto max-w-lg space-y-4 py-16 text-center">
      <h1 className="text-3xl font-bold tracking-tight">This profile is not available</h1>
      <p className="text-stone-700 dark:text-stone-300">
        The member may have changed their handle, or the account is no longer active.
      </p>
      <Link href="/" className={buttonClass('primary')}>
        Back to the start
      </Link>
    </div>
  );
}
