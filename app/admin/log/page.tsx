import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { listModerationLog, type LogEntry } from '@/db/queries/moderation';
import { formatDateTime, plural } from '@/lib/format';
import { ACTION_LABELS, TARGET_LABELS, isModerationAction } from '@/lib/moderation';
import type { ReportTarget } from '@/db/schema/safety';
import { requireUser } from '@/lib/session';
import { AdminNav } from '../admin-nav';
import { EmptyState } from '@/components/ui/empty-state';
import { cardClass } from '@/components/ui/card';

export const metadata: Metadata = { title: 'Moderation log', robots: { index: false } };

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** What an entry was about, from what the log row kept (the thing itself may be gone). */
function About({ entry }: { entry: LogEntry }) {
  const d = entry.data;
  const handle = text(d.handle);
  const resolved = typeof d.resolvedReports === 'number' && d.resolvedReports > 0 ? ` · ${plural(d.resolvedReports, 'report')} resolved` : '';
  let about: React.ReactNode;
  if (entry.targetType === 'post' && text(d.title)) {
    about = (
      <>
        <Link href={`/posts/${text(d.slug)}`} className="underline">
          {text(d.title)}
        </Link>
        {handle && ` by @${handle}`}
      </>
    );
  } else if (entry.targetType === 'comment' && handle) {
    about = (
      <>
        A comment by @{handle} on{' '}
        <Link href={`/posts/${text(d.postSlug)}?comment=${entry.targetId}#comment-${entry.targetId}`} className="underline">
          {text(d.postTitle)}
        </Link>
      </>
    );
  } else if (entry.targetType === 'user' && handle) {
    about = `@${handle}`;
  } else {
    about = TARGET_LABELS[entry.targetType as ReportTarget] ?? entry.targetType;
  }
  return (
    <>
      {about}
      {resolved}
    </>
  );
}

export default async function ModerationLogPage({ searchParams }: PageProps<'/admin/log'>) {
  const viewer = await requireUser('/admin/log');
  const raw = (await searchParams).before;
  const before = typeof raw === 'string' && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
  const log = await listModerationLog(viewer.id, { before });
  if (!log) notFound();

  return (
    <div className="space-y-6">
      <header className="space-y-3">
        <AdminNav page="log" />
        <h1 className="text-2xl font-bold tracking-tight">Audit log</h1>
        <p className="text-stone-700 dark:text-stone-300">
          Every moderation action, newest first. The log is append-only: the database refuses to change or delete an entry.
        </p>
      </header>
      {log.entries.length === 0 ? (
        <EmptyState title="No moderation actions yet." />
      ) : (
        <div className={cardClass('none', 'overflow-x-auto')}>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Moderation actions, newest first</caption>
            <thead className="bg-stone-100 dark:bg-stone-800">
              <tr>
                <th scope="col" className="px-3 py-2 font-semibold">
                  When
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Moderator
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Action
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  About
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Note
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200 dark:divide-stone-800">
              {log.entries.map((entry) => (
                <tr key={entry.id} className="align-top">
                  <td className="px-3 py-2 whitespace-nowrap">
                    <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt)}</time>
                  </td>
                  <td className="px-3 py-2">{entry.admin ? `@${entry.admin.handle}` : 'Command line (npm run admin:grant)'}</td>
                  <th scope="row" className="px-3 py-2 font-medium">
                    {isModerationAction(entry.action) ? ACTION_LABELS[entry.action] : entry.action}
                  </th>
                  <td className="px-3 py-2 break-words">
                    <About entry={entry} />
                  </td>
                  <td className="px-3 py-2 break-words whitespace-pre-line">{entry.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {log.next !== undefined && (
        <nav aria-label="Older entries" className="flex justify-center">
          <Link href={`/admin/log?before=${log.next}`} className="rounded-lg px-3 py-1.5 text-sm underline hover:bg-stone-200 dark:hover:bg-stone-800" rel="next">
            Older entries →
          </Link>
        </nav>
      )}
    </div>
  );
}
