import Link from 'next/link';

const tab = 'rounded-lg px-3 py-1.5 text-sm font-medium hover:bg-stone-200 dark:hover:bg-stone-800';
const current = 'bg-stone-200 dark:bg-stone-800';

/** The two moderation pages. Rendered only after the page has checked its viewer is an admin. */
export function AdminNav({ page }: { page: 'queue' | 'log' }) {
  return (
    <nav aria-label="Moderation" className="flex gap-1">
      <Link href="/admin" aria-current={page === 'queue' ? 'page' : undefined} className={`${tab} ${page === 'queue' ? current : ''}`}>
        Reports
      </Link>
      <Link href="/admin/log" aria-current={page === 'log' ? 'page' : undefined} className={`${tab} ${page === 'log' ? current : ''}`}>
        Audit log
      </Link>
    </nav>
  );
}
