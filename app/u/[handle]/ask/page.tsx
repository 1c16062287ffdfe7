import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { StartPreferenceBadge } from '@/components/start-preference';
import { buttonClass } from '@/components/ui/button';
import { getAskContext } from '@/db/queries/requests';
import { getMemberByHandle } from '@/db/queries/users';
import { BLOCKED } from '@/lib/blocks';
import { availability, formatDate } from '@/lib/format';
import { CADENCE_LABELS, MAX_PENDING_REQUESTS } from '@/lib/requests';
import { requireUser } from '@/lib/session';
import { AskForm } from './ask-form';
import { cardClass } from '@/components/ui/card';

const loadMember = cache((handle: string) => getMemberByHandle(decodeURIComponent(handle)));

export async function generateMetadata({ params }: PageProps<'/u/[handle]/ask'>): Promise<Metadata> {
  const member = await loadMember((await params).handle);
  return { title: member ? `Ask ${member.displayName} for mentorship` : 'Member not found' };
}

/** Why this viewer cannot ask this member right now, in plain words, with the way forward. */
function Blocked({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby="blocked-heading" className="space-y-3 rounded-2xl border border-amber-300 bg-amber-50 p-6 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50">
      <h2 id="blocked-heading" className="text-lg font-semibold">
        {title}
      </h2>
      <div className="space-y-3">{children}</div>
    </section>
  );
}

export default async function AskPage({ params }: PageProps<'/u/[handle]/ask'>) {
  const { handle } = await params;
  const viewer = await requireUser(`/u/${handle}/ask`);
  const member = await loadMember(handle);
  if (!member) notFound();
  const mentor = member.mentor;
  const context = mentor && viewer.id !== member.id ? await getAskContext(viewer.id, member.id) : undefined;
  const slots = mentor ? availability({ ...mentor, openSlots: mentor.capacity - mentor.activeMenteeCount }) : undefined;
  const name = member.displayName;
  const profile = `/u/${member.handle}`;

  let blocked: React.ReactNode = null;
  if (viewer.id === member.id) {
    blocked = (
      <Blocked title="This is your own mentor profile">
        <p>You cannot ask yourself for a mentorship. Requests others send you appear under Requests.</p>
        <Link href="/requests" className={buttonClass('secondary')}>
          Go to your requests
        </Link>
      </Blocked>
    );
  } else if (!mentor || !context || !slots) {
    blocked = (
      <Blocked title={`${name} is not a mentor`}>
        <p>Only members with a mentor profile can be asked. You can still follow them and let something grow.</p>
        <Link href="/mentors" className={buttonClass('secondary')}>
          Find a mentor
        </Link>
      </Blocked>
    );
  } else if (mentor.status !== 'active') {
    blocked = (
      <Blocked title={`${name} has retired as a mentor`}>
        <p>They are not taking requests any more. Their past mentorships stay, but you cannot start a new one.</p>
        <Link href="/mentors" className={buttonClass('secondary')}>
          Find another mentor
        </Link>
      </Blocked>
    );
  } else if (context.activeMentorshipId) {
    blocked = (
      <Blocked title={`${name} is already your mentor`}>
        <p>The two of you have an active mentorship, so there is nothing to ask.</p>
        <Link href={`/mentorships/${context.activeMentorshipId}`} className={buttonClass('primary')}>
          Open your mentorship
        </Link>
      </Blocked>
    );
  } else if (context.blocked) {
    blocked = (
      <Blocked title={`You cannot ask ${name}`}>
        <p>{BLOCKED.request}</p>
        <Link href={profile} className={buttonClass('secondary')}>
          Back to the profile
        </Link>
      </Blocked>
    );
  } else if (context.pendingRequestId) {
    blocked = (
      <Blocked title="Your request is already waiting">
        <p>
          You already have a request waiting with {name}. They have 14 days to answer; you can see it, or withdraw it, under
          Requests.
        </p>
        <Link href="/requests" className={buttonClass('primary')}>
          See your requests
        </Link>
      </Blocked>
    );
  } else if (context.cooldownUntil) {
    blocked = (
      <Blocked title={`${name} declined your last request`}>
        <p>
          You can ask {name} again from <strong>{formatDate(context.cooldownUntil)}</strong>, 30 days after their answer. Until
          then, following them and joining the discussion is a good way to keep in touch.
        </p>
        <Link href="/requests" className={buttonClass('secondary')}>
          See their answer
        </Link>
      </Blocked>
    );
  } else if (!mentor.accepting) {
    blocked = (
      <Blocked title={`${name} has paused new requests`}>
        <p>They are still listed, but not taking requests right now. Try again later, or follow them in the meantime.</p>
        <Link href="/mentors?accepting=1" className={buttonClass('secondary')}>
          Find a mentor with open slots
        </Link>
      </Blocked>
    );
  } else if (!slots.open) {
    blocked = (
      <Blocked title={`${name} is full right now`}>
        <p>
          All {mentor.capacity} of their mentee slots are taken. A slot opens when one of their mentorships ends.
        </p>
        <Link href="/mentors?accepting=1" className={buttonClass('secondary')}>
          Find a mentor with open slots
        </Link>
      </Blocked>
    );
  } else if (context.pendingCount >= MAX_PENDING_REQUESTS) {
    blocked = (
      <Blocked title={`You have ${MAX_PENDING_REQUESTS} requests waiting`}>
        <p>
          A member can have at most {MAX_PENDING_REQUESTS} requests waiting for an answer at once. Withdraw one, or wait for
          answers, before you ask {name}.
        </p>
        <Link href="/requests" className={buttonClass('primary')}>
          See your requests
        </Link>
      </Blocked>
    );
  }

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <header className={cardClass('lg', 'space-y-4')}>
        <div className="flex items-center gap-4">
          <Avatar user={member} size={64} decorative />
          <div className="min-w-0">
            <h1 className="text-2xl font-bold tracking-tight">Ask {name} for mentorship</h1>
            {mentor && <p className="text-stone-700 dark:text-stone-300">{mentor.headline}</p>}
            <Link href={profile} className="text-sm text-ask-700 underline dark:text-ask-50">
              Back to {name}’s page
            </Link>
          </div>
        </div>
        {mentor && slots && mentor.status === 'active' && (
          <div className="space-y-3">
            <p className="text-sm font-medium text-stone-600 dark:text-stone-400">How {name} likes mentorships to start</p>
            <StartPreferenceBadge preference={mentor.startPreference} />
            {mentor.startNote && (
              <blockquote className="border-l-4 border-stone-300 pl-3 italic dark:border-stone-600">“{mentor.startNote}”</blockquote>
            )}
            <p>
              <span className="font-medium">Availability: </span>
              <span className={slots.open ? 'font-medium text-grow-700 dark:text-grow-50' : ''}>{slots.text}</span>
            </p>
          </div>
        )}
      </header>

      {blocked ?? (
        <section aria-labelledby="request-heading" className={cardClass('lg', 'space-y-4')}>
          <h2 id="request-heading" className="text-lg font-semibold">
            Your request
          </h2>
          {mentor?.startPreference === 'grow' && (
            <p className="rounded-lg bg-grow-50 p-3 text-sm text-grow-700">
              {name} prefers to let a mentorship grow first, from following, reading and discussing. You can still ask:
              a specific, well-thought-out request is welcome, and they may suggest getting to know each other first.
            </p>
          )}
          <p className="text-sm text-stone-700 dark:text-stone-300">
            {name} sees your message, your goals and what the two of you have already exchanged. They have 14 days to
            accept or decline; you can withdraw the request until then.
          </p>
          <AskForm
            mentorId={member.id}
            mentorName={name}
            cadences={Object.entries(CADENCE_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </section>
      )}
    </div>
  );
}
