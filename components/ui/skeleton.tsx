/** A grey placeholder block while something loads; still when the reader asked for less motion. */
export function Skeleton({ className = '' }: { className?: string }) {
  return <div aria-hidden="true" className={`rounded-lg bg-stone-200 motion-safe:animate-pulse dark:bg-stone-800 ${className}`} />;
}

const WIDTHS = ['w-11/12', 'w-full', 'w-3/4', 'w-5/6', 'w-2/3'];

/**
 * Lines of text that are on their way, with words for those who cannot see grey bars. Only
 * where JavaScript fills them in: no route has a loading.tsx, because a streamed page shows
 * its fallback for good without JavaScript and answers 200 where it should answer 404.
 */
export function SkeletonText({ label = 'Loading…', lines = 3 }: { label?: string; lines?: number }) {
  return (
    <div className="space-y-2">
      <p className="sr-only">{label}</p>
      {Array.from({ length: lines }, (_, i) => (
        <Skeleton key={i} className={`h-4 ${WIDTHS[i % WIDTHS.length]}`} />
      ))}
    </div>
  );
}
