import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { getMentorship } from '@/db/queries/mentorships';
import { formatDate, plural } from '@/lib/format';
import { LocalTime } from '@/components/local-time';
import { CADENCE_LABELS, intendedEnd } from '@/lib/requests';
import { requireUser } from '@/lib/session';
import { endReasonText, MENTORSHIP_STATUS_LABELS, originText } from '../words';
import { GoalToggle } from './goal-toggle';
import { AddGoalForm, EndForm, MessageForm, RateForm } from './mentorship-forms';
import { reportAction } from '../../safety/actions';
import { ReportForm } from '@/components/report-form';
import { Toast } from '@/components/ui/toast';
import { Badge } from '@/components/ui/badge';
import { cardClass } from '@/components/ui/card';

type Mentorship = NonNullable<Awaited<ReturnType<typeof getMentorship>>>;
type Person = Mentorship['mentor'];


const load = cache(async (id: string) => {
  const viewer = await requireUser(`/mentorships/${encodeURIComponent(id)}`);
  // A malformed id, someone else's mentorship and a missing one all look the same: not found.
  const mentorship = await getMentorship(viewer.id, id);
  return { viewer, mentorship };
});

export async function generateMetadata({ params }: PageProps<'/mentorships/[id]'>): Promise<Metadata> {
  const { mentorship } = await load((await params).id);
  if (!mentorship) return { title: 'Mentorship not found' };
  const other = mentorship.role === 'mentor' ? mentorship.mentee : mentorship.mentor;
  return { title: `Mentorship with ${other.displayName}` };
}

const card = cardClass('lg');
const muted = 'text-sm text-stone-600 dark:text-stone-400';

function stateSentence(m: Mentorship) {
  if (m.status === 'active') return `Active since ${formatDate(m.startedAt)}.`;
  const when = m.endedAt ? ` on ${formatDate(m.endedAt)}` : '';
  return m.status === 'completed' ? `Completed${when}.` : `Ended early${when}.`;
}

function Stars({ rating }: { rating: number }) {
  return (
    <span className="inline-flex items-center gap-2">
      <span aria-hidden className="tracking-widest text-amber-700 dark:text-amber-300">
        {'★'.repeat(rating)}
        {'☆'.repeat(5 - rating)}
      </span>
      <span className="font-medium">{rating} of 5</span>
    </span>
  );
}

function PersonChip({ person, role, isViewer }: { person: Person; role: string; isViewer: boolean }) {
  return (
    <div className="flex items-center gap-3">
      <Avatar user={person} size={48} decorative />
      <div>
        <Link href={`/u/${person.handle}`} className="font-semibold hover:underline">
          {person.displayName}
        </Link>
        <p className={muted}>
          {role}
          {isViewer && ' (you)'}
        </p>
      </div>
    </div>
  );
}

export default async function MentorshipPage({ params, searchParams }: PageProps<'/mentorships/[id]'>) {
  const { viewer, mentorship: m } = await load((await params).id);
  if (!m) notFound();
  // Set by accepting a request, which only the mentor can do.
  const started = (await searchParams).started === '1' && m.role === 'mentor';
  const active = m.status === 'active';
  const other = m.role === 'mentor' ? m.mentee : m.mentor;
  const nameOf = (id: string | null) => (id === m.mentor.id ? m.mentor.displayName : id === m.mentee.id ? m.mentee.displayName : undefined);
  const doneCount = m.goals.filter((g) => g.doneAt).length;
  const ratingOf = (id: string) => m.ratings.find((r) => r.raterId === id);
  const end = m.lengthWeeks ? intendedEnd(m.startedAt, m.lengthWeeks) : undefined;

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      {started && <Toast>You accepted: the mentorship has started. The request’s goals are your shared checklist; say hello below.</Toast>}
      <header className={`${card} space-y-5`}>
        <div className="space-y-1">
          <p className="text-sm font-medium text-stone-600 dark:text-stone-400">
            <Link href="/mentorships" className="hover:underline">
              Mentorships
            </Link>{' '}
            <span aria-hidden>›</span>
          </p>
          <h1 className="text-2xl font-bold tracking-tight">Mentorship with {other.displayName}</h1>
          <p className="text-lg">
            <Badge tone={active ? 'grow' : 'neutral'} className="mr-1 align-middle">
              {MENTORSHIP_STATUS_LABELS[m.status]}
            </Badge>{' '}
            {active ? `since ${formatDate(m.startedAt)}` : m.endedAt ? `on ${formatDate(m.endedAt)}` : ''}
          </p>
        </div>
        <div className="flex flex-wrap gap-x-10 gap-y-4">
          <PersonChip person={m.mentor} role="Mentor" isViewer={m.role === 'mentor'} />
          <PersonChip person={m.mentee} role="Mentee" isViewer={m.role === 'mentee'} />
        </div>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          <div>
            <dt className="font-medium text-stone-600 dark:text-stone-400">How it started</dt>
            <dd>{originText(m)}</dd>
          </div>
          <div>
            <dt className="font-medium text-stone-600 dark:text-stone-400">Started</dt>
            <dd>{formatDate(m.startedAt)}</dd>
          </div>
          <div>
            <dt className="font-medium text-stone-600 dark:text-stone-400">Cadence</dt>
            <dd>{m.cadence ? CADENCE_LABELS[m.cadence] : 'None agreed yet'}</dd>
          </div>
          <div>
            <dt className="font-medium text-stone-600 dark:text-stone-400">Intended length</dt>
            <dd>{m.lengthWeeks && end ? `${plural(m.lengthWeeks, 'week')}, until ${formatDate(end)}` : 'Open-ended'}</dd>
          </div>
        </dl>
      </header>

      {!active && (
        <section aria-labelledby="ending-heading" className={`${card} space-y-4`}>
          <h2 id="ending-heading" className="text-lg font-semibold">
            How it ended
          </h2>
          <p>
            {m.endedBy && nameOf(m.endedBy)
              ? `${m.endedBy === viewer.id ? 'You' : nameOf(m.endedBy)} ended it${m.endedAt ? ` on ${formatDate(m.endedAt)}` : ''}.`
              : stateSentence(m)}{' '}
            Outcome: <strong>{MENTORSHIP_STATUS_LABELS[m.status]}</strong>.
            {endReasonText(m.endReason) && (
              <>
                {' '}
                Reason: <strong>{endReasonText(m.endReason)}</strong>.
              </>
            )}
          </p>
          <h3 className="font-semibold">Ratings</h3>
          <ul className="space-y-3">
            {[
              { person: m.mentor, role: 'mentor' },
              { person: m.mentee, role: 'mentee' },
            ].map(({ person, role }) => {
              const rating = ratingOf(person.id);
              return (
                <li key={person.id} className="space-y-1">
                  <p>
                    <span className="font-medium">
                      {person.id === viewer.id ? 'Your rating' : `${person.displayName}’s rating`} ({role}):
                    </span>{' '}
                    {rating ? <Stars rating={rating.rating} /> : <span className={muted}>not rated yet</span>}
                  </p>
                  {rating?.comment && (
                    <blockquote className="border-l-4 border-stone-300 pl-3 break-words whitespace-pre-line dark:border-stone-600">{rating.comment}</blockquote>
                  )}
                </li>
              );
            })}
          </ul>
          {!ratingOf(viewer.id) && (
            <div className="space-y-3 border-t border-stone-200 pt-4 dark:border-stone-800">
              <h3 className="font-semibold">Rate this mentorship</h3>
              <p className="text-sm text-stone-700 dark:text-stone-300">How was it for you? {other.displayName} will see your rating and comment.</p>
              <RateForm mentorshipId={m.id} />
            </div>
          )}
        </section>
      )}

      <section aria-labelledby="goals-heading" className={`${card} space-y-4`}>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="goals-heading" className="text-lg font-semibold">
            Goals
          </h2>
          {m.goals.length > 0 && (
            <p className={muted}>
              {doneCount} of {plural(m.goals.length, 'goal')} done
            </p>
          )}
        </div>
        {m.goals.length === 0 ? (
          <p className={muted}>{active ? 'No goals yet. Add what you want to reach together.' : 'This mentorship had no goals.'}</p>
        ) : (
          <ul className="space-y-1">
            {m.goals.map((g) => {
              const detail = g.doneAt ? `Done${nameOf(g.doneBy) ? ` by ${g.doneBy === viewer.id ? 'you' : nameOf(g.doneBy)}` : ''} on ${formatDate(g.doneAt)}` : undefined;
              return (
                <li key={g.id}>
                  {active ? (
                    <GoalToggle mentorshipId={m.id} goal={{ id: g.id, title: g.title, done: Boolean(g.doneAt) }} detail={detail} />
                  ) : (
                    <p className="flex items-start gap-3 px-2 py-1.5">
                      <span aria-hidden className="w-5 text-center font-bold text-grow-700 dark:text-grow-50">
                        {g.doneAt ? '✓' : '–'}
                      </span>
                      <span>
                        {g.title}
                        <span className="sr-only">{g.doneAt ? ' (done)' : ' (not done)'}</span>
                        {detail && <span className={`block ${muted}`}>{detail}</span>}
                      </span>
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {active && <AddGoalForm mentorshipId={m.id} />}
      </section>

      <section aria-labelledby="messages-heading" className={`${card} space-y-4`}>
        <h2 id="messages-heading" className="text-lg font-semibold">
          Messages
        </h2>
        {m.messages.length === 0 ? (
          <p className={muted}>
            {active ? 'No messages yet. Say hello, and agree when and how you will first meet.' : 'No messages were sent.'}
          </p>
        ) : (
          <ol aria-label="Message thread" className="space-y-3">
            {m.messages.map((msg) => {
              const mine = msg.authorId === viewer.id;
              const author = msg.authorId === m.mentor.id ? m.mentor : m.mentee;
              return (
                <li key={msg.id}>
                  <article
                    className={`rounded-xl p-4 ${mine ? 'ml-6 bg-ask-50 text-stone-900 dark:bg-stone-800 dark:text-stone-100' : 'mr-6 bg-stone-100 dark:bg-stone-950'}`}
                  >
                    <header className="mb-1 flex flex-wrap items-center gap-x-2 text-sm">
                      <Avatar user={author} size={24} decorative />
                      <span className="font-semibold">{author.displayName}</span>
                      {mine && <span className="text-stone-600 dark:text-stone-400">(you)</span>}
                      <LocalTime date={msg.createdAt} time className="text-stone-600 dark:text-stone-400" />
                    </header>
                    <p className="break-words whitespace-pre-line">{msg.body}</p>
                    {!mine && (
                      <div className="mt-2">
                        <ReportForm targetType="message" targetId={msg.id} what={`${author.displayName}’s message`} action={reportAction} />
                      </div>
                    )}
                  </article>
                </li>
              );
            })}
          </ol>
        )}
        {active ? (
          <MessageForm mentorshipId={m.id} otherName={other.displayName} />
        ) : (
          <p className={muted}>The mentorship has ended, so the thread is closed. It stays here for both of you.</p>
        )}
      </section>

      {active && (
        <section aria-labelledby="end-heading" className={card}>
          <details>
            <summary className="cursor-pointer">
              <h2 id="end-heading" className="inline text-lg font-semibold">
                End mentorship
              </h2>
            </summary>
            <div className="mt-4 space-y-4">
              <p className="text-sm text-stone-700 dark:text-stone-300">
                Either of you can end it, once the goals are met or if it no longer works. Say how it went and rate it;{' '}
                {other.displayName} can rate it afterwards. The messages and goals stay here, read-only.
              </p>
              <EndForm mentorshipId={m.id} />
            </div>
          </details>
        </section>
      )}
    </div>
  );
}
