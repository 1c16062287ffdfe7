import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg space-y-4 py-16 text-center">
      <h1 className="text-3xl font-bold tracking-tight">We could not find that page</h1>
      <p className="text-stone-700 dark:text-stone-300">
        The link may be old, or the member may have changed their handle.
      </p>
      <Link href="/" className={buttonClass('primary')}>
        Back to the start
      </Link>
    </div>
  );
}
