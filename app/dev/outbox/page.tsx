import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { listRecentMail } from '@/db/queries/mail';
import { env } from '@/lib/env';
import { formatDateTime } from '@/lib/format';
import { EmptyState } from '@/components/ui/empty-state';
import { cardClass } from '@/components/ui/card';

export const metadata: Metadata = { title: 'Outbox (development)', robots: { index: false, follow: false } };

const STATUS_STYLE = {
  pending: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200',
  sending: 'bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200',
  sent: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200',
  failed: 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200',
} as const;

/**
 * The latest mails the app queued or sent — what would have gone out when no SMTP server is
 * configured. Development only: it shows every member's mail, so production hides it unless
 * MAIL_OUTBOX_PAGE is set (for a staging server with fake members).
 */
export default async function OutboxPage() {
  await connection();
  const e = env();
  if (e.NODE_ENV === 'production' && !e.MAIL_OUTBOX_PAGE) notFound();
  const mails = await listRecentMail(50);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold tracking-tight">Outbox</h1>
        <p className="text-stone-700 dark:text-stone-300">
          The latest {mails.length} mails, newest first. Without SMTP settings they are written to the server log instead of being sent.
        </p>
      </header>
      {mails.length === 0 ? (
        <EmptyState title="No mail yet." />
      ) : (
        <ul className="space-y-4">
          {mails.map((m) => (
            <li key={m.id} className={cardClass('sm')}>
              <details>
                <summary className="cursor-pointer space-y-1">
                  <span className="font-semibold break-words">{m.subject}</span>
                  <span className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-stone-700 dark:text-stone-300">
                    <span>To {m.to}</span>
                    <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${STATUS_STYLE[m.status]}`}>{m.status}</span>
                    <span>{m.kind}</span>
                    <span>
                      {m.sentAt ? `sent ${formatDateTime(m.sentAt)}` : `due ${formatDateTime(m.sendAfter)}`}
                      {m.attempts > 1 ? ` · ${m.attempts} attempts` : ''}
                    </span>
                  </span>
                  {m.error && <span className="block text-sm text-red-700 dark:text-red-300">{m.error}</span>}
                </summary>
                <pre className="mt-3 overflow-x-auto whitespace-pre-wrap break-words rounded-lg bg-stone-100 p-3 text-sm dark:bg-stone-800">{m.text}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
