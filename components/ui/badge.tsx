import Link from 'next/link';

// Each pair was checked for WCAG AA (≥ 4.5:1) in light and dark: the tinted "-50" grounds keep
// their dark text in both schemes, as the rest of the app's ask and grow panels do.
const tones = {
  neutral: 'bg-stone-100 text-stone-800 ring-stone-400/40 dark:bg-stone-800 dark:text-stone-100',
  ask: 'bg-ask-50 text-ask-700 ring-ask-600/30',
  grow: 'bg-grow-50 text-grow-700 ring-grow-600/30',
  warning: 'bg-amber-50 text-amber-900 ring-amber-600/30 dark:bg-amber-950 dark:text-amber-100',
  danger: 'bg-red-50 text-red-800 ring-red-600/30 dark:bg-red-950 dark:text-red-100',
} as const;

export type BadgeTone = keyof typeof tones;

/** A tone's colours, for a larger panel in the same voice (start-preference.tsx). */
export const toneClass = (tone: BadgeTone) => tones[tone];

/** A short status label: "Pending", "Warm request", "Grown". */
export function Badge({ tone = 'neutral', className = '', children }: { tone?: BadgeTone; className?: string; children: React.ReactNode }) {
  return <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${tones[tone]} ${className}`}>{children}</span>;
}

const tagLinkHover = {
  neutral: 'hover:bg-stone-200 dark:hover:bg-stone-700',
  ask: 'hover:bg-white',
  grow: 'hover:bg-white',
  warning: 'hover:bg-white dark:hover:bg-amber-900',
  danger: 'hover:bg-white dark:hover:bg-red-900',
} as const;

/** A topic: an expertise or a post's tag, a link to more of the same when href is given. */
export function Tag({
  tone = 'neutral',
  href,
  size = 'xs',
  className = '',
  children,
  ...link
}: {
  tone?: BadgeTone;
  href?: string;
  size?: 'xs' | 'sm';
  className?: string;
  children: React.ReactNode;
} & Omit<React.AnchorHTMLAttributes<HTMLAnchorElement>, 'href' | 'className' | 'children'>) {
  const look = `inline-flex items-center gap-1 rounded-full ${size === 'sm' ? 'px-2.5 text-sm' : 'px-2 text-xs'} py-0.5 ${tone === 'neutral' ? '' : 'ring-1'} ${tones[tone]} ${className}`;
  if (!href) return <span className={look}>{children}</span>;
  return (
    <Link href={href} className={`${look} ${tagLinkHover[tone]}`} {...link}>
      {children}
    </Link>
  );
}
