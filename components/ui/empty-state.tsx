/**
 * What a page shows when there is nothing (yet): what is missing, in plain words, and a way on.
 * The title is a paragraph inside a page, or (titleAs h1) the page's own heading on error and
 * not-found pages, where the state is the whole page.
 */
export function EmptyState({
  title,
  titleAs: Title = 'p',
  children,
  action,
  className = '',
}: {
  title: React.ReactNode;
  titleAs?: 'p' | 'h1' | 'h2';
  /** One line on why, or what happens next. */
  children?: React.ReactNode;
  /** Links or buttons to go on from here. */
  action?: React.ReactNode;
  className?: string;
}) {
  const big = Title === 'h1';
  return (
    <div className={`space-y-3 rounded-2xl border border-dashed border-stone-300 text-center dark:border-stone-700 ${big ? 'mx-auto my-10 max-w-xl px-6 py-12' : 'p-8'} ${className}`}>
      <Title className={big ? 'text-3xl font-bold tracking-tight text-balance' : 'font-medium'}>{title}</Title>
      {children && <div className={`text-stone-700 dark:text-stone-300 ${big ? '' : 'text-sm'}`}>{children}</div>}
      {action && <div className="flex flex-wrap items-center justify-center gap-3 pt-1">{action}</div>}
    </div>
  );
}
