import { cardClass } from './card';

/** A grey placeholder block while a page loads; still when the reader asked for less motion. */
export function Skeleton({ className = '' }: { className?: string }) {
  return <div aria-hidden="true" className={`rounded-lg bg-stone-200 motion-safe:animate-pulse dark:bg-stone-800 ${className}`} />;
}

/** A card-shaped placeholder: a line of title and two of text. */
export function SkeletonCard({ className = '' }: { className?: string }) {
  return (
    <div aria-hidden="true" className={cardClass('md', `space-y-3 ${className}`)}>
      <Skeleton className="h-5 w-2/5" />
      <Skeleton className="h-4 w-full" />
      <Skeleton className="h-4 w-3/4" />
    </div>
  );
}

/** A few cards in a column, or two columns from small screens up. */
export function SkeletonCards({ count = 3, grid = false }: { count?: number; grid?: boolean }) {
  return (
    <div className={grid ? 'grid gap-4 sm:grid-cols-2' : 'space-y-4'}>
      {Array.from({ length: count }, (_, i) => (
        <SkeletonCard key={i} />
      ))}
    </div>
  );
}

/**
 * A whole page while it loads (a route's loading.tsx): a heading bar and a line, then what the
 * page puts below (cards by default). Busy for assistive technology, with words for those who
 * cannot see the grey shapes.
 */
export function PageSkeleton({ className = 'mx-auto max-w-3xl', children }: { className?: string; children?: React.ReactNode }) {
  return (
    <div aria-busy="true" className={`space-y-6 ${className}`}>
      <p className="sr-only">Loading…</p>
      <div className="space-y-2">
        <Skeleton className="h-8 w-1/3" />
        <Skeleton className="h-4 w-2/3" />
      </div>
      {children ?? <SkeletonCards />}
    </div>
  );
}
