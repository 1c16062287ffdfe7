import Link from 'next/link';

export type TabLink = { href: string; label: React.ReactNode; current: boolean };

/**
 * Links between sibling pages (or views of one page), drawn as tabs. Plain navigation with
 * aria-current="page" rather than an ARIA tab widget: each tab is its own address, works
 * without JavaScript, and the back button keeps working.
 */
export function Tabs({ label, tabs, className = '' }: { label: string; tabs: TabLink[]; className?: string }) {
  return (
    <nav aria-label={label} className={`flex flex-wrap gap-1 rounded-xl bg-stone-200/60 p-1 dark:bg-stone-800/60 ${className}`}>
      {tabs.map((t) => (
        <Link
          key={t.href}
          href={t.href}
          aria-current={t.current ? 'page' : undefined}
          className={`rounded-lg px-3 py-1.5 text-sm font-medium ${
            t.current
              ? 'bg-white text-stone-900 shadow-sm dark:bg-stone-950 dark:text-stone-100'
              : 'text-stone-700 hover:bg-white/60 dark:text-stone-300 dark:hover:bg-stone-950/60'
          }`}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
