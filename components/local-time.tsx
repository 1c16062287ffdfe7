'use client';

import { useSyncExternalStore } from 'react';
import { formatDate, formatDateTime } from '@/lib/format';

type LocalTimeProps = {
  /** A Date, or an ISO 8601 string (kept as the datetime attribute as given). */
  date: Date | string;
  /** Show the time of day too, not only the date. */
  time?: boolean;
  className?: string;
  'data-testid'?: string;
};

const subscribe = () => () => {};

/**
 * A moment in the reader's locale and time zone. The server knows neither, so it renders the
 * UTC text of lib/format (which stays when scripts do not run); once hydrated, the browser's own
 * Intl formatting replaces it.
 */
export function LocalTime({ date, time = false, className, 'data-testid': testId }: LocalTimeProps) {
  const moment = typeof date === 'string' ? new Date(date) : date;
  // false while hydrating (matching the server's text), true from the render right after.
  const inBrowser = useSyncExternalStore(subscribe, () => true, () => false);
  const text = inBrowser
    ? new Intl.DateTimeFormat(undefined, time ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }).format(moment)
    : time
      ? formatDateTime(moment)
      : formatDate(moment);
  return (
    <time dateTime={typeof date === 'string' ? date : date.toISOString()} className={className} data-testid={testId} suppressHydrationWarning>
      {text}
    </time>
  );
}
