import type { Metadata } from 'next';
import Link from 'next/link';
import { Avatar } from '@/components/ui/avatar';
import { countUnread, listNotifications } from '@/db/queries/notifications';
import { LocalTime } from '@/components/local-time';
import { describe } from '@/lib/notifications';
import { requireUser } from '@/lib/session';
import { MarkAllRead } from './mark-all-read';
import { EmptyState } from '@/components/ui/empty-state';
import { ButtonLink } from '@/components/ui/button';
import { cardClass } from '@/components/ui/card';

export const metadata: Metadata = { title: 'Notifications' };

export default async function NotificationsPage({ searchParams }: PageProps<'/notifications'>) {
  const user = await requireUser('/notifications');
  const before = (await searchParams).before;
  const beforeDate = typeof before === 'string' && !Number.isNaN(Date.parse(before)) ? new Date(before) : undefined;
  const [{ items, more }, unread] = await Promise.all([listNotifications(user.id, { before: beforeDate }), countUnread(user.id)]);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">Notifications</h1>
          <p className="text-stone-700 dark:text-stone-300" aria-live="polite">
            {unread === 0 ? 'You are all caught up.' : `${unread} unread.`}{' '}
            <Link href="/settings#notifications-heading" className="text-ask-700 underline dark:text-ask-50">
              Choose what you hear about
            </Link>
          </p>
        </div>
        {unread > 0 && <MarkAllRead />}
      </header>
      {items.length === 0 ? (
        <EmptyState
          title="Nothing yet."
          action={
            <ButtonLink href="/mentors" variant="secondary">
              Find mentors
            </ButtonLink>
          }
        >
          When someone asks you for a mentorship, answers your request, writes to you or comments on your writing, you will see it here.
        </EmptyState>
      ) : (
        <ul className={cardClass('none', 'divide-y divide-stone-200 overflow-hidden dark:divide-stone-800')}>
          {items.map((item) => {
            const { text } = describe({ kind: item.kind, actorName: item.actorName ?? undefined, actorCount: item.actorCount, data: item.data });
            const isUnread = item.readAt === null;
            return (
              <li key={item.id} className={isUnread ? 'bg-ask-50/60 dark:bg-stone-800/60' : ''}>
                {/* A plain link, not prefetched: opening marks it read. */}
                <a href={`/notifications/${item.id}`} className="flex items-start gap-3 px-4 py-3 hover:bg-stone-100 dark:hover:bg-stone-800">
                  {item.actorId && item.actorHandle ? (
                    <Avatar user={{ id: item.actorId, displayName: item.actorName ?? '', avatarUpdatedAt: item.actorAvatarUpdatedAt }} size={36} decorative />
                  ) : (
                    <span className="size-9 shrink-0 rounded-full bg-stone-200 dark:bg-stone-700" aria-hidden="true" />
                  )}
                  <span className="min-w-0 flex-1">
                    <span className={`block break-words ${isUnread ? 'font-semibold' : ''}`}>
                      {isUnread && <span className="sr-only">Unread: </span>}
                      {text}
                    </span>
                    <LocalTime date={item.updatedAt} time className="block text-sm text-stone-600 dark:text-stone-400" />
                  </span>
                  {isUnread && <span className="mt-2 size-2.5 shrink-0 rounded-full bg-ask-700 dark:bg-ask-50" aria-hidden="true" />}
                </a>
              </li>
            );
          })}
        </ul>
      )}
      {more && (
        <Link href={`/notifications?before=${encodeURIComponent(items.at(-1)!.updatedAt.toISOString())}`} className="inline-block text-ask-700 underline dark:text-ask-50">
          Older notifications
        </Link>
      )}
    </div>
  );
}
