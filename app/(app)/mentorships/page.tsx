import type { Metadata } from 'next';
import Link from 'next/link';
import { Avatar } from '@/components/ui/avatar';
import { ButtonLink } from '@/components/ui/button';
import { listMentorships } from '@/db/queries/mentorships';
import { formatDate } from '@/lib/format';
import { requireUser } from '@/lib/session';
import { MENTORSHIP_STATUS_LABELS, originShort } from './words';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { cardClass } from '@/components/ui/card';

export const metadata: Metadata = { title: 'Mentorships' };

export default async function MentorshipsPage() {
  const user = await requireUser('/mentorships');
  const mentorships = await listMentorships(user.id);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold tracking-tight">Mentorships</h1>
        <p className="text-stone-700 dark:text-stone-300">The mentorships you are in, as mentor or mentee: messages, goals and how each ended.</p>
      </header>
      {mentorships.length === 0 ? (
        <EmptyState title="You have no mentorships yet." action={<ButtonLink href="/mentors">Find a mentor</ButtonLink>}>
          Find a mentor and ask them, or follow a few and let something grow. Requests you send and receive are under{' '}
          <Link href="/requests" className="font-medium text-ask-700 underline dark:text-ask-50">
            Requests
          </Link>
          .
        </EmptyState>
      ) : (
        <ul className="space-y-3">
          {mentorships.map((m) => {
            const youMentor = m.mentor.id === user.id;
            const other = youMentor ? m.mentee : m.mentor;
            const active = m.status === 'active';
            return (
              <li key={m.id}>
                <article className={cardClass('md', 'flex flex-wrap items-center gap-4')}>
                  <Avatar user={other} size={48} decorative />
                  <div className="min-w-0 flex-1 space-y-1">
                    <h2 className="font-semibold break-words">
                      <Link href={`/mentorships/${m.id}`} className="hover:underline">
                        {youMentor ? `Mentoring ${other.displayName}` : `Mentored by ${other.displayName}`}
                      </Link>
                    </h2>
                    <p className="text-sm text-stone-600 dark:text-stone-400">
                      You are the {youMentor ? 'mentor' : 'mentee'} · {originShort(m)} · started {formatDate(m.startedAt)}
                      {m.endedAt && ` · ended ${formatDate(m.endedAt)}`}
                    </p>
                  </div>
                  <Badge tone={active ? 'grow' : 'neutral'}>{MENTORSHIP_STATUS_LABELS[m.status]}</Badge>
                </article>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
