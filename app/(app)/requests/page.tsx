import type { Metadata } from 'next';
import Link from 'next/link';
import { Avatar } from '@/components/ui/avatar';
import { ButtonLink } from '@/components/ui/button';
import { getOwnMentorProfile } from '@/db/queries/mentors';
import { listInbox, listOutbox } from '@/db/queries/requests';
import type { RequestStatus } from '@/db/schema/requests';
import { LocalTime } from '@/components/local-time';
import { formatDate, plural } from '@/lib/format';
import { describeRapport, isGrown } from '@/lib/rapport';
import { CADENCE_LABELS, DECLINE_REASON_LABELS, REQUEST_STATUS_TEXT } from '@/lib/requests';
import { requireUser } from '@/lib/session';
import { AcceptForm, DeclineForm, WithdrawForm } from './request-actions';
import { Toast } from '@/components/ui/toast';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { cardClass } from '@/components/ui/card';

export const metadata: Metadata = { title: 'Requests' };

type Inbox = Awaited<ReturnType<typeof listInbox>>;
type Outbox = Awaited<ReturnType<typeof listOutbox>>;
type Person = Inbox['answered'][number]['mentee'];
type Exchange = Inbox['pending'][number]['exchange'];

const BANNERS = {
  sent: 'Request sent. The mentor has 14 days to answer; their answer will appear here.',
  declined: 'Request declined. The mentee sees your reason and your note.',
  withdrawn: 'Request withdrawn. The mentor no longer sees it as waiting.',
} as const;

const STATUS_TONE: Record<RequestStatus, BadgeTone> = {
  pending: 'warning',
  accepted: 'grow',
  declined: 'danger',
  withdrawn: 'neutral',
  expired: 'neutral',
};

const frame = cardClass('none');
const card = `${frame} p-5`;
const muted = 'text-sm text-stone-600 dark:text-stone-400';

function StatusBadge({ status }: { status: RequestStatus }) {
  return <Badge tone={STATUS_TONE[status]}>{REQUEST_STATUS_TEXT[status].label}</Badge>;
}

function WarmthBadge({ warmth }: { warmth: 'cold' | 'warm' }) {
  return warmth === 'warm' ? <Badge tone="grow">Warm request</Badge> : <Badge>Cold request</Badge>;
}

function PersonLine({ person, headingId, prefix }: { person: Person; headingId?: string; prefix?: string }) {
  return (
    <div className="flex min-w-0 items-center gap-3">
      <Avatar user={person} size={40} decorative />
      <div className="min-w-0">
        <h3 id={headingId} className="font-semibold break-words">
          {prefix}
          <Link href={`/u/${person.handle}`} className="hover:underline">
            {person.displayName}
          </Link>
        </h3>
        <p className={muted}>@{person.handle}</p>
      </div>
    </div>
  );
}

function Terms({ request }: { request: { cadence: keyof typeof CADENCE_LABELS; lengthWeeks: number; createdAt: Date; expiresAt: Date } }) {
  return (
    <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
      <div className="flex gap-1">
        <dt className="font-medium">Cadence:</dt>
        <dd>{CADENCE_LABELS[request.cadence]}</dd>
      </div>
      <div className="flex gap-1">
        <dt className="font-medium">Length:</dt>
        <dd>{plural(request.lengthWeeks, 'week')}</dd>
      </div>
      <div className="flex gap-1">
        <dt className="font-medium">Sent:</dt>
        <dd>
          <LocalTime date={request.createdAt} />
        </dd>
      </div>
      <div className="flex gap-1">
        <dt className="font-medium">Expires:</dt>
        <dd>
          <LocalTime date={request.expiresAt} /> without an answer
        </dd>
      </div>
    </dl>
  );
}

function Goals({ goals }: { goals: string[] }) {
  return (
    <div>
      <p className="text-sm font-medium">Goals</p>
      <ol className="mt-1 list-decimal space-y-0.5 pl-6">
        {goals.map((g, i) => (
          <li key={i}>{g}</li>
        ))}
      </ol>
    </div>
  );
}

const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

function Exchanged({ exchange, name }: { exchange: Exchange; name: string }) {
  const lines = [
    exchange.menteeFollowsYou && `${name} has followed you since ${formatDate(exchange.menteeFollowsYou)}.`,
    exchange.youFollowMentee && `You have followed ${name} since ${formatDate(exchange.youFollowMentee)}.`,
    exchange.fromMentee > 0 && `${name} has commented on, replied to or reacted to your writing ${times(exchange.fromMentee)}.`,
    exchange.fromYou > 0 && `You have commented on, replied to or reacted to theirs ${times(exchange.fromYou)}.`,
    isGrown(exchange.rapport) && `Your connection has grown: ${describeRapport(exchange.rapport)}.`,
  ].filter((l): l is string => Boolean(l));
  return (
    <div className="rounded-lg bg-stone-50 p-3 text-sm dark:bg-stone-950">
      <p className="font-medium">What you have exchanged</p>
      {lines.length ? (
        <ul className="mt-1 space-y-0.5">
          {lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      ) : (
        <p className="mt-1">Nothing yet — this would be a cold request.</p>
      )}
    </div>
  );
}

function Received({ inbox, mentor }: { inbox: Inbox; mentor: Awaited<ReturnType<typeof getOwnMentorProfile>> }) {
  const reasons = Object.entries(DECLINE_REASON_LABELS).map(([value, label]) => ({ value, label }));
  return (
    <section aria-labelledby="received-heading" className="space-y-4">
      <h2 id="received-heading" className="text-xl font-semibold">
        Received{inbox.pending.length > 0 && <span className="font-normal"> · {inbox.pending.length} waiting for your answer</span>}
      </h2>
      {inbox.pending.length === 0 && (
        <EmptyState
          title="No requests are waiting for your answer."
          action={
            <>
              <ButtonLink href="/settings" variant="secondary">
                Mentor settings
              </ButtonLink>
              <ButtonLink href="/mentors" variant="secondary">
                Browse the directory
              </ButtonLink>
            </>
          }
        >
          {!mentor
              ? 'You are not a mentor at the moment, so no one can send you a new request.'
              : mentor.status === 'retired'
                ? 'Your mentor profile is retired, so no one can send you a request.'
                : !mentor.accepting
                  ? 'You have paused new requests. Members can still follow you and let something grow.'
                  : mentor.activeMenteeCount >= mentor.capacity
                    ? 'All your mentee slots are taken, so no one can ask you until a mentorship ends.'
                    : 'Members find you in the mentor directory and on your page; their requests appear here.'}
        </EmptyState>
      )}
      {inbox.pending.length > 0 && (
        <ul className="space-y-4">
          {inbox.pending.map((r) => (
            <li key={r.id}>
              <article aria-labelledby={`from-${r.id}`} className={`${card} space-y-4`}>
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <PersonLine person={r.mentee} headingId={`from-${r.id}`} />
                  <WarmthBadge warmth={r.warmth} />
                </div>
                {r.mentee.bio && <p className="text-sm whitespace-pre-line text-stone-700 dark:text-stone-300">{r.mentee.bio}</p>}
                <div>
                  <p className="text-sm font-medium">Their message</p>
                  <p className="mt-1 break-words whitespace-pre-line">{r.message}</p>
                </div>
                <Goals goals={r.goals} />
                <Terms request={r} />
                <Exchanged exchange={r.exchange} name={r.mentee.displayName} />
                <div className="flex flex-wrap items-start gap-3">
                  <AcceptForm requestId={r.id} menteeName={r.mentee.displayName} />
                  <div className="min-w-64 flex-1">
                    <DeclineForm requestId={r.id} menteeName={r.mentee.displayName} reasons={reasons} />
                  </div>
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
      {inbox.answered.length > 0 && (
        <div className="space-y-3">
          <h3 className="text-lg font-semibold">Answered and closed</h3>
          <ul aria-label="Received requests, answered and closed" className={`${frame} divide-y divide-stone-200 dark:divide-stone-800`}>
            {inbox.answered.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-5 py-3">
                <Avatar user={r.mentee} size={32} decorative />
                <Link href={`/u/${r.mentee.handle}`} className="font-medium hover:underline">
                  {r.mentee.displayName}
                </Link>
                <StatusBadge status={r.status} />
                <span className={muted}>
                  sent <LocalTime date={r.createdAt} />
                  {r.answeredAt && (
                    <>
                      {' · closed '}
                      <LocalTime date={r.answeredAt} />
                    </>
                  )}
                </span>
                <p className="w-full text-sm">
                  {REQUEST_STATUS_TEXT[r.status].forMentor}
                  {r.declineReason && ` Reason: ${DECLINE_REASON_LABELS[r.declineReason]}.`}
                  {r.mentorshipId && (
                    <>
                      {' '}
                      <Link href={`/mentorships/${r.mentorshipId}`} className="font-medium text-ask-700 underline dark:text-ask-50">
                        Open the mentorship
                      </Link>
                    </>
                  )}
                </p>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function Sent({ outbox }: { outbox: Outbox }) {
  const nothing = outbox.pending.length === 0 && outbox.answered.length === 0;
  return (
    <section aria-labelledby="sent-heading" className="space-y-4">
      <h2 id="sent-heading" className="text-xl font-semibold">
        Sent{outbox.pending.length > 0 && <span className="font-normal"> · {outbox.pending.length} waiting for an answer</span>}
      </h2>
      {outbox.pending.length === 0 && (
        <EmptyState
          title={nothing ? 'You have not asked anyone for a mentorship yet.' : 'None of your requests is waiting for an answer.'}
          action={<ButtonLink href="/mentors?accepting=1">Find a mentor</ButtonLink>}
        >
          Find a mentor whose experience fits your goals. Each says whether they prefer to be asked or to let it grow.
        </EmptyState>
      )}
      {outbox.pending.length > 0 && (
        <ul className="space-y-4">
          {outbox.pending.map((r) => (
            <li key={r.id}>
              <article aria-labelledby={`to-${r.id}`} className={`${card} space-y-4`}>
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <PersonLine person={r.mentor} headingId={`to-${r.id}`} prefix="To " />
                  <StatusBadge status={r.status} />
                </div>
                <p className="text-sm">{REQUEST_STATUS_TEXT.pending.forMentee}</p>
                <Terms request={r} />
                <details className="text-sm">
                  <summary className="cursor-pointer font-medium">Your message and goals</summary>
                  <div className="mt-2 space-y-3">
                    <p className="break-words whitespace-pre-line">{r.message}</p>
                    <Goals goals={r.goals} />
                  </div>
                </details>
                <WithdrawForm requestId={r.id} mentorName={r.mentor.displayName} />
              </article>
            </li>
          ))}
        </ul>
      )}
      {outbox.answered.length > 0 && (
        <div className="space-y-3">
          <h3 className="text-lg font-semibold">Answered and closed</h3>
          <ul aria-label="Sent requests, answered and closed" className={`${frame} divide-y divide-stone-200 dark:divide-stone-800`}>
            {outbox.answered.map((r) => (
              <li key={r.id} className="space-y-2 px-5 py-3">
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <Avatar user={r.mentor} size={32} decorative />
                  <Link href={`/u/${r.mentor.handle}`} className="font-medium hover:underline">
                    {r.mentor.displayName}
                  </Link>
                  <StatusBadge status={r.status} />
                  <span className={muted}>
                    sent <LocalTime date={r.createdAt} />
                    {r.answeredAt && (
                      <>
                        {' · closed '}
                        <LocalTime date={r.answeredAt} />
                      </>
                    )}
                  </span>
                </div>
                <p className="text-sm">{REQUEST_STATUS_TEXT[r.status].forMentee}</p>
                {r.declineReason && (
                  <p className="text-sm">
                    <span className="font-medium">Their reason: </span>
                    {DECLINE_REASON_LABELS[r.declineReason]}
                  </p>
                )}
                {r.declineNote && (
                  <figure className="text-sm">
                    <figcaption className="font-medium">Their note</figcaption>
                    <blockquote className="mt-1 border-l-4 border-stone-300 pl-3 break-words whitespace-pre-line dark:border-stone-600">{r.declineNote}</blockquote>
                  </figure>
                )}
                {r.mentorshipId && (
                  <Link href={`/mentorships/${r.mentorshipId}`} className="text-sm font-medium text-ask-700 underline dark:text-ask-50">
                    Open the mentorship
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

export default async function RequestsPage({ searchParams }: PageProps<'/requests'>) {
  const user = await requireUser('/requests');
  const params = await searchParams;
  const [inbox, outbox, mentor] = await Promise.all([listInbox(user.id), listOutbox(user.id), getOwnMentorProfile(user.id)]);
  const banner = (Object.keys(BANNERS) as (keyof typeof BANNERS)[]).find((k) => params[k] === '1');
  const showReceived = Boolean(mentor) || inbox.pending.length > 0 || inbox.answered.length > 0;
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold tracking-tight">Requests</h1>
        <p className="text-stone-700 dark:text-stone-300">
          {showReceived ? 'Requests members sent you, and the ones you sent.' : 'The mentorship requests you sent, and their answers.'}
        </p>
      </header>
      {banner && <Toast>{BANNERS[banner]}</Toast>}
      {showReceived && <Received inbox={inbox} mentor={mentor} />}
      <Sent outbox={outbox} />
    </div>
  );
}
