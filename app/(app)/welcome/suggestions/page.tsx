import type { Metadata } from 'next';
import Link from 'next/link';
import { FollowButton } from '@/components/follow-button';
import { MentorCard } from '@/components/mentor-card';
import { buttonClass, ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { getOnboarding, suggestMentors, type MentorSuggestion } from '@/db/queries/onboarding';
import { getOwnMentorProfile } from '@/db/queries/mentors';
import { requireUser } from '@/lib/session';
import { followAction } from '@/app/posts/actions';

export const metadata: Metadata = { title: 'Mentors for you' };

/** Why a mentor is on the list, in a few words. */
function reasons(m: MentorSuggestion) {
  const why: string[] = [];
  if (m.sharedInterests.length) why.push(`Shares your interest in ${m.sharedInterests.map((t) => t.name).join(', ')}`);
  if (m.sharesLanguage) why.push('speaks your language');
  if (!m.sharedInterests.length) why.push('popular and open to new mentees');
  const text = why.join(' · ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export default async function SuggestionsPage() {
  const viewer = await requireUser('/welcome/suggestions');
  const [answers, suggestions, ownMentor] = await Promise.all([
    getOnboarding(viewer.id),
    suggestMentors(viewer.id),
    getOwnMentorProfile(viewer.id),
  ]);
  const wantsToMentor = (answers?.goal === 'mentor' || answers?.goal === 'both') && ownMentor?.status !== 'active';
  const matched = suggestions.some((s) => s.sharedInterests.length > 0);

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Mentors for you</h1>
        <p className="max-w-3xl text-stone-700 dark:text-stone-300">
          {matched
            ? 'Chosen for the topics, languages and way of starting you told us about. '
            : 'Some of the most followed mentors who can take someone now. Tell us your interests for a closer match. '}
          Two ways in: <strong>follow</strong> a few, read and discuss what they write, and let a mentorship grow — or{' '}
          <strong>ask</strong> one directly with your goals.
        </p>
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <Link href="/welcome" className="underline">
            Change my answers
          </Link>
          <Link href="/mentors" className="underline">
            Browse all mentors
          </Link>
        </p>
      </header>

      {wantsToMentor && (
        <section aria-labelledby="mentor-heading" className="rounded-2xl border border-grow-600/30 bg-grow-50 p-5 text-grow-700 dark:border-grow-50/30 dark:bg-stone-900 dark:text-grow-50">
          <h2 id="mentor-heading" className="font-semibold">
            You would like to mentor others
          </h2>
          <p className="mt-1 text-sm">A mentor profile lists you in the directory, so people can follow you and ask you.</p>
          <Link href="/settings#mentor-heading" className={buttonClass('grow', 'mt-3')}>
            Set up your mentor profile
          </Link>
        </section>
      )}

      {suggestions.length === 0 ? (
        <EmptyState title="No mentors to suggest yet." action={<ButtonLink href="/feed" variant="secondary">Read the latest posts</ButtonLink>}>
          Mentors appear here as soon as someone lists themself in the directory.
        </EmptyState>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {suggestions.map((m) => (
            <li key={m.id}>
              <MentorCard mentor={m}>
                <p className="border-t border-stone-200 pt-3 text-sm text-stone-700 dark:border-stone-800 dark:text-stone-300">{reasons(m)}</p>
                <div className="flex flex-wrap items-start gap-2">
                  <FollowButton memberId={m.id} memberName={m.displayName} following={m.following} action={followAction} />
                  {m.accepting && m.openSlots > 0 && (
                    <Link href={`/u/${m.handle}/ask`} className={buttonClass('secondary')}>
                      Ask<span className="sr-only"> {m.displayName} for a mentorship</span>
                    </Link>
                  )}
                </div>
              </MentorCard>
            </li>
          ))}
        </ul>
      )}

      <div className="flex flex-wrap gap-3 border-t border-stone-200 pt-6 dark:border-stone-800">
        <ButtonLink href="/feed">Go to your feed</ButtonLink>
        <ButtonLink href="/mentors" variant="secondary">
          Find a mentor to ask
        </ButtonLink>
      </div>
    </div>
  );
}
