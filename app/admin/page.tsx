import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { listModeratedNow, listReportQueue, type ModeratedItem, type QueueEntry } from '@/db/queries/moderation';
import { formatDateTime, plural } from '@/lib/format';
import { DONE_MESSAGES, MODERATION_INTENTS, TARGET_LABELS, type ModerationIntent } from '@/lib/moderation';
import { REPORT_CATEGORY_LABELS } from '@/lib/reports';
import { requireUser } from '@/lib/session';
import type { ReportCategory } from '@/db/schema/safety';
import { AdminNav } from './admin-nav';
import { ModerationForm, type ModerationButton } from './moderation-form';
import { Toast } from '@/components/ui/toast';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { cardClass } from '@/components/ui/card';

export const metadata: Metadata = { title: 'Moderation', robots: { index: false } };

const card = cardClass('md', 'space-y-4');
const quote = 'border-l-4 border-stone-300 pl-3 whitespace-pre-line break-words dark:border-stone-600';

function heading(entry: QueueEntry) {
  const p = entry.preview;
  switch (p.type) {
    case 'post':
      return `Post: ${p.title}`;
    case 'comment':
      return `Comment on “${p.postTitle}”`;
    case 'user':
      return `Profile: ${p.displayName} (@${p.handle})`;
    case 'message':
      return 'Private message';
    case 'gone':
      return `${TARGET_LABELS[entry.targetType]} (deleted since it was reported)`;
  }
}

function Preview({ entry }: { entry: QueueEntry }) {
  const p = entry.preview;
  switch (p.type) {
    case 'post':
      return (
        <div className="space-y-1">
          <Link href={`/posts/${p.slug}`} className="font-medium text-ask-700 underline dark:text-ask-50">
            Open the post<span className="sr-only"> “{p.title}”</span>
          </Link>
          {p.excerpt && <p className={quote}>{p.excerpt}</p>}
        </div>
      );
    case 'comment':
      return (
        <div className="space-y-1">
          <p className={quote}>{p.body}</p>
          <Link href={`/posts/${p.postSlug}?comment=${entry.targetId}#comment-${entry.targetId}`} className="text-sm text-ask-700 underline dark:text-ask-50">
            See it in the discussion
          </Link>
        </div>
      );
    case 'user':
      return p.bio ? <p className={quote}>{p.bio}</p> : <p className="text-sm text-stone-600 dark:text-stone-400">No bio.</p>;
    case 'message':
      return (
        <div className="space-y-1">
          <p className="text-sm text-stone-600 dark:text-stone-400">
            Sent {formatDateTime(p.sentAt)}. Shown to moderators only because someone in the conversation reported it.
          </p>
          <p className={quote}>{p.body}</p>
        </div>
      );
    case 'gone':
      return <p className="text-sm text-stone-600 dark:text-stone-400">Its author deleted it; only the reports are left to close.</p>;
  }
}

function buttonsFor(entry: QueueEntry, viewerId: string): ModerationButton[] {
  const about = heading(entry);
  const buttons: ModerationButton[] = [];
  const p = entry.preview;
  if (p.type === 'post') {
    buttons.push(p.hidden ? { intent: 'restore_post', label: 'Restore post', about } : { intent: 'hide_post', label: 'Hide post', about, variant: 'danger' });
  } else if (p.type === 'comment') {
    buttons.push(
      p.hidden ? { intent: 'restore_comment', label: 'Restore comment', about } : { intent: 'hide_comment', label: 'Hide comment', about, variant: 'danger' },
    );
  }
  const m = entry.member;
  if (m && m.role !== 'admin' && m.id !== viewerId) {
    buttons.push(
      m.suspended
        ? { intent: 'restore_member', label: `Restore @${m.handle}`, about }
        : { intent: 'suspend_member', label: `Suspend @${m.handle}`, about, variant: 'danger' },
    );
  }
  buttons.push({ intent: 'dismiss_reports', label: entry.reportCount === 1 ? 'Dismiss report' : 'Dismiss reports', about });
  return buttons;
}

function QueueItem({ entry, viewerId }: { entry: QueueEntry; viewerId: string }) {
  const id = `${entry.targetType}-${entry.targetId}`;
  const m = entry.member;
  return (
    <article aria-labelledby={`${id}-heading`} className={card}>
      <header className="space-y-1">
        <h3 id={`${id}-heading`} className="font-semibold break-words">
          {heading(entry)}
        </h3>
        <p className="text-sm text-stone-600 dark:text-stone-400">
          {plural(entry.reportCount, 'report')} · {entry.categories.map((c) => REPORT_CATEGORY_LABELS[c as ReportCategory] ?? c).join(', ')} · latest{' '}
          <time dateTime={entry.lastReportedAt.toISOString()}>{formatDateTime(entry.lastReportedAt)}</time>
        </p>
        {m && (
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <span>
              {entry.targetType === 'user' ? 'Account' : 'By'}{' '}
              {m.suspended ? (
                <span className="font-medium">@{m.handle}</span>
              ) : (
                <Link href={`/u/${m.handle}`} className="font-medium underline">
                  @{m.handle}
                </Link>
              )}
            </span>
            {m.role === 'admin' && <Badge tone="ask">Admin</Badge>}
            {m.suspended && <Badge tone="danger">Suspended</Badge>}
          </p>
        )}
        {(entry.preview.type === 'post' || entry.preview.type === 'comment') && entry.preview.hidden && (
          <p>
            <Badge tone="warning">Hidden</Badge>
          </p>
        )}
      </header>
      <Preview entry={entry} />
      {entry.notes.length > 0 && (
        <div className="space-y-1">
          <h4 className="text-sm font-medium text-stone-600 dark:text-stone-400">What reporters wrote</h4>
          <ul className="space-y-1 text-sm">
            {entry.notes.map((note, i) => (
              <li key={i} className={quote}>
                {note}
              </li>
            ))}
          </ul>
        </div>
      )}
      <ModerationForm
        formId={id}
        contentId={entry.targetType === 'post' || entry.targetType === 'comment' ? entry.targetId : undefined}
        memberId={m?.id}
        reportId={entry.reportId}
        buttons={buttonsFor(entry, viewerId)}
      />
    </article>
  );
}

function describeModerated(item: ModeratedItem) {
  switch (item.type) {
    case 'post':
      return { title: `Post: ${item.title}`, detail: `by @${item.handle}`, href: `/posts/${item.slug}` };
    case 'comment':
      return { title: `Comment by @${item.handle}`, detail: `on “${item.postTitle}”: ${item.body}`, href: `/posts/${item.postSlug}?comment=${item.id}#comment-${item.id}` };
    case 'user':
      return { title: `Account: ${item.displayName} (@${item.handle})`, detail: 'suspended', href: undefined };
  }
}

const RESTORE: Record<ModeratedItem['type'], { intent: ModerationIntent; label: string }> = {
  post: { intent: 'restore_post', label: 'Restore post' },
  comment: { intent: 'restore_comment', label: 'Restore comment' },
  user: { intent: 'restore_member', label: 'Restore account' },
};

export default async function AdminPage({ searchParams }: PageProps<'/admin'>) {
  const viewer = await requireUser('/admin');
  const [queue, moderated] = await Promise.all([listReportQueue(viewer.id), listModeratedNow(viewer.id)]);
  // Not an admin: the page does not exist, as far as they can tell.
  if (!queue || !moderated) notFound();
  const params = await searchParams;
  const done = typeof params.done === 'string' && (MODERATION_INTENTS as readonly string[]).includes(params.done) ? (params.done as ModerationIntent) : undefined;
  const resolved = Number(typeof params.resolved === 'string' ? params.resolved : 0) || 0;

  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <AdminNav page="queue" />
        <h1 className="text-2xl font-bold tracking-tight">Moderation</h1>
        <p className="text-stone-700 dark:text-stone-300">
          Open reports, one entry per reported thing, newest report first. Every action is written to the{' '}
          <Link href="/admin/log" className="text-ask-700 underline dark:text-ask-50">
            audit log
          </Link>{' '}
          and closes the reports it answers.
        </p>
      </header>
      {done && (
        <Toast>
          {DONE_MESSAGES[done]} {resolved > 0 && `${plural(resolved, 'report')} resolved.`}
        </Toast>
      )}

      <section aria-labelledby="queue-heading" className="space-y-4">
        <h2 id="queue-heading" className="text-xl font-semibold">
          Open reports ({queue.length})
        </h2>
        {queue.length === 0 ? (
          <EmptyState title="No open reports.">Nothing is waiting for a moderator.</EmptyState>
        ) : (
          <ol className="space-y-4">
            {queue.map((entry) => (
              <li key={`${entry.targetType}-${entry.targetId}`}>
                <QueueItem entry={entry} viewerId={viewer.id} />
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="moderated-heading" className="space-y-4">
        <h2 id="moderated-heading" className="text-xl font-semibold">
          Hidden and suspended now ({moderated.length})
        </h2>
        {moderated.length === 0 ? (
          <p className="text-stone-700 dark:text-stone-300">Nothing is hidden and no account is suspended.</p>
        ) : (
          <ul className="space-y-4">
            {moderated.map((item) => {
              const { title, detail, href } = describeModerated(item);
              const restore = RESTORE[item.type];
              return (
                <li key={`${item.type}-${item.id}`} className={card}>
                  <div className="space-y-1">
                    <h3 className="font-semibold break-words">
                      {href ? (
                        <Link href={href} className="underline">
                          {title}
                        </Link>
                      ) : (
                        title
                      )}
                    </h3>
                    <p className="text-sm break-words text-stone-700 dark:text-stone-300">{detail}</p>
                    <p className="text-sm text-stone-600 dark:text-stone-400">
                      Since <time dateTime={item.since.toISOString()}>{formatDateTime(item.since)}</time>
                    </p>
                  </div>
                  <ModerationForm
                    formId={`restore-${item.type}-${item.id}`}
                    contentId={item.type === 'user' ? undefined : item.id}
                    memberId={item.type === 'user' ? item.id : undefined}
                    buttons={[{ ...restore, about: title }]}
                  />
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
