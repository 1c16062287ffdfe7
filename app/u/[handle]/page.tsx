import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { Markdown } from '@/components/markdown';
import { StartPreferenceBadge } from '@/components/start-preference';
import { buttonClass } from '@/components/ui/button';
import { followAction } from '@/app/posts/actions';
import { MakeOfferForm } from '@/app/(app)/connections/offer-forms';
import { reportAction, setBlockAction } from '@/app/(app)/safety/actions';
import { BlockControl } from '@/components/block-control';
import { ReportForm } from '@/components/report-form';
import { hasBlocked } from '@/db/queries/blocks';
import { FollowButton } from '@/components/follow-button';
import { isFollowing, listFollowers, listFollowing } from '@/db/queries/follows';
import { getOwnMentorProfile } from '@/db/queries/mentors';
import { listPendingOffers } from '@/db/queries/offers';
import { rapportBetween } from '@/db/queries/rapport';
import { getMemberByHandle, listPublishedPosts } from '@/db/queries/users';
import { describeRapport, isGrown } from '@/lib/rapport';
import { availability, plural } from '@/lib/format';
import { languageName } from '@/lib/languages';
import { countryName, localTime } from '@/lib/places';
import { currentUser } from '@/lib/session';
import { alternatesFor, clip, SITE_NAME } from '@/lib/site-metadata';
import { Tag } from '@/components/ui/badge';
import { cardClass } from '@/components/ui/card';

const loadMember = cache((handle: string) => getMemberByHandle(decodeURIComponent(handle)));

export async function generateMetadata({ params }: PageProps<'/u/[handle]'>): Promise<Metadata> {
  const member = await loadMember((await params).handle);
  // Suspended members are not found either: nothing of theirs reaches the page's head.
  if (!member) return { title: 'Member not found', robots: { index: false } };
  const title = `${member.displayName} (@${member.handle})`;
  const headline = member.mentor?.status === 'active' ? member.mentor.headline : undefined;
  const description = clip(headline || member.bio || `${member.displayName} on ${SITE_NAME}`);
  const path = `/u/${member.handle}`;
  return {
    title,
    description,
    alternates: alternatesFor(path, [{ url: `${path}/feed.xml`, title: `Posts by ${member.displayName}` }]),
    openGraph: {
      type: 'profile',
      siteName: SITE_NAME,
      url: path,
      title,
      description,
      username: member.handle,
      images: member.avatarUpdatedAt
        ? [{ url: `/api/avatars/${member.id}?v=${member.avatarUpdatedAt.getTime()}`, alt: member.displayName }]
        : undefined,
    },
  };
}

function Detail({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="font-medium text-stone-600 dark:text-stone-400">{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export default async function MemberPage({ params }: PageProps<'/u/[handle]'>) {
  const member = await loadMember((await params).handle);
  if (!member) notFound();
  const viewer = await currentUser();
  const isSelf = viewer?.id === member.id;
  const mentor = member.mentor?.status === 'active' ? member.mentor : null;
  const slots = mentor ? availability({ ...mentor, openSlots: mentor.capacity - mentor.activeMenteeCount }) : null;
  const other = viewer && !isSelf ? viewer : undefined;
  const [followers, following, postList, relation] = await Promise.all([
    listFollowers(member.id),
    listFollowing(member.id),
    listPublishedPosts(member.id),
    other
      ? Promise.all([
          isFollowing(other.id, member.id),
          rapportBetween(other.id, member.id),
          getOwnMentorProfile(other.id),
          listPendingOffers(other.id),
          hasBlocked(other.id, member.id),
        ])
      : undefined,
  ]);
  const [viewerFollows, rapport, viewerMentor, offers, viewerBlocked] = relation ?? [false, undefined, undefined, [], false];
  const grown = rapport ? isGrown(rapport) : false;
  const offerKind = viewerMentor?.status === 'active' && !mentor ? 'offer' : mentor ? 'proposal' : undefined;
  const offerPending = offers.some((o) => o.partner.id === member.id);

  return (
    <article className="space-y-6">
      <header className={cardClass('lg', 'flex flex-col gap-4 sm:flex-row sm:items-center')}>
        <Avatar user={member} size={96} decorative />
        <div className="flex-1 space-y-1">
          <h1 className="text-2xl font-bold tracking-tight">{member.displayName}</h1>
          <p className="text-stone-600 dark:text-stone-400">
            @{member.handle} · {plural(member.followerCount, 'follower')}
          </p>
          {mentor && <p className="font-medium">{mentor.headline}</p>}
          {member.bio && <p className="whitespace-pre-line">{member.bio}</p>}
          <p className="text-sm text-stone-600 dark:text-stone-400">
            Member since {member.createdAt.toLocaleDateString('en', { month: 'long', year: 'numeric' })}
          </p>
        </div>
        {isSelf && (
          <Link href="/settings" className={buttonClass('secondary')}>
            Edit profile
          </Link>
        )}
        {other && !viewerBlocked && (
          <FollowButton memberId={member.id} memberName={member.displayName} following={viewerFollows} action={followAction} />
        )}
      </header>

      {rapport && (rapport.fromMe > 0 || rapport.fromThem > 0) && (
        <section aria-label="Your connection" className={`space-y-2 rounded-2xl p-4 ring-1 ${grown ? 'bg-grow-50 text-grow-700 ring-grow-600/30' : 'bg-white ring-stone-200 dark:bg-stone-900 dark:ring-stone-800'}`}>
          <p>
            {grown ? <strong>You two have been growing a connection: </strong> : 'You and ' + member.displayName + ': '}
            {describeRapport(rapport)} (you {rapport.fromMe}, {member.displayName} {rapport.fromThem}).{' '}
            <Link href="/connections" className="underline">
              Your connections
            </Link>
          </p>
          {grown && offerKind && !offerPending && <MakeOfferForm kind={offerKind} partnerId={member.id} partnerName={member.displayName} />}
          {offerPending && <p className="text-sm">An offer or proposal between you is waiting for an answer on your connections page.</p>}
        </section>
      )}

      {mentor && slots && (
        <section aria-labelledby="mentor-heading" className="grid gap-6 md:grid-cols-3">
          <div className="space-y-5 md:col-span-2">
            <h2 id="mentor-heading" className="text-lg font-semibold">
              Mentoring
            </h2>
            <div className={cardClass('md')}>
              <p className="mb-2 text-sm font-medium text-stone-600 dark:text-stone-400">
                How {member.displayName} likes mentorships to start
              </p>
              <StartPreferenceBadge preference={mentor.startPreference} />
              {mentor.startNote && (
                <blockquote className="mt-3 border-l-4 border-stone-300 pl-3 italic dark:border-stone-600">“{mentor.startNote}”</blockquote>
              )}
            </div>
            {!isSelf && (
              <div className="grid gap-4 sm:grid-cols-2" aria-label="Start a mentorship">
                <section aria-labelledby="ask-heading" className="rounded-2xl border border-ask-600/30 bg-ask-50 p-5 text-ask-700">
                  <h3 id="ask-heading" className="font-semibold">
                    Ask
                  </h3>
                  <p className="mt-1 text-sm">
                    {slots.open
                      ? `${member.displayName} has ${slots.text.toLowerCase()}. A request states your goals, a cadence and a length.`
                      : `${member.displayName} cannot take a request right now (${slots.text.toLowerCase()}).`}
                  </p>
                  {slots.open && (
                    <Link href={`/u/${member.handle}/ask`} className={buttonClass('primary', 'mt-3')}>
                      Ask for mentorship
                    </Link>
                  )}
                </section>
                <section aria-labelledby="grow-heading" className="rounded-2xl border border-grow-600/30 bg-grow-50 p-5 text-grow-700">
                  <h3 id="grow-heading" className="font-semibold">
                    Grow
                  </h3>
                  <p className="mt-1 text-sm">
                    Follow {member.displayName}, read what they write and join the discussion; a mentorship can grow from
                    there.
                  </p>
                </section>
              </div>
            )}
            {mentor.bio && <Markdown source={mentor.bio} className="leading-relaxed" />}
          </div>
          <aside aria-label="Mentor details" className={cardClass('md', 'space-y-4 self-start text-sm')}>
            <dl className="space-y-3">
              <Detail term="Availability">{slots.text}</Detail>
              <Detail term="Experience">{plural(mentor.yearsExperience, 'year')}</Detail>
              <Detail term="Languages">{mentor.languages.map(languageName).join(', ')}</Detail>
              <Detail term="Local time">
                {localTime(mentor.timezone)} ({mentor.timezone.replace(/_/g, ' ')})
              </Detail>
              {mentor.country && <Detail term="Country">{countryName(mentor.country)}</Detail>}
            </dl>
            {member.tags.length > 0 && (
              <ul aria-label="Expertise" className="flex flex-wrap gap-2">
                {member.tags.map((t) => (
                  <li key={t.slug}>
                    <Tag href={`/mentors?tag=${t.slug}`} size="sm">
                      {t.name}
                    </Tag>
                  </li>
                ))}
              </ul>
            )}
            {mentor.links.length > 0 && (
              <ul className="space-y-1">
                {mentor.links.map((href) => (
                  <li key={href}>
                    <a href={href} rel="ugc nofollow noopener" className="break-all text-ask-700 underline dark:text-ask-50">
                      {href.replace(/^https?:\/\//, '')}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </aside>
        </section>
      )}
      {postList.length > 0 && (
        <section aria-labelledby="posts-heading" className="space-y-3">
          <h2 id="posts-heading" className="text-lg font-semibold">
            Writing
          </h2>
          <ul className="space-y-3">
            {postList.map((p) => (
              <li key={p.slug} className={cardClass('sm')}>
                <Link href={`/posts/${p.slug}`} className="font-semibold hover:underline">
                  {p.title}
                </Link>
                <p className="text-sm text-stone-700 dark:text-stone-300">{p.excerpt}</p>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-label="Network" className="grid gap-4 sm:grid-cols-2">
        {[
          { title: 'Followers', list: followers },
          { title: 'Following', list: following },
        ].map(({ title, list }) => (
          <details key={title} className={cardClass('sm')}>
            <summary className="cursor-pointer font-semibold">
              {title} ({list.total})
            </summary>
            {list.people.length === 0 ? (
              <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">No one yet.</p>
            ) : (
              <ul className="mt-3 space-y-2">
                {list.people.map((p) => (
                  <li key={p.id} className="flex items-center gap-2 text-sm">
                    <Avatar user={p} size={24} decorative />
                    <Link href={`/u/${p.handle}`} className="hover:underline">
                      {p.displayName}
                    </Link>
                    {p.isMentor && <span className="text-xs text-stone-600 dark:text-stone-400">Mentor</span>}
                  </li>
                ))}
                {list.total > list.people.length && (
                  <li className="text-sm text-stone-600 dark:text-stone-400">and {list.total - list.people.length} more</li>
                )}
              </ul>
            )}
          </details>
        ))}
      </section>

      {other && (
        <section aria-label={`Block or report ${member.displayName}`} className="flex flex-wrap items-start gap-4 border-t border-stone-200 pt-4 dark:border-stone-800">
          <BlockControl memberId={member.id} memberName={member.displayName} blocked={viewerBlocked} action={setBlockAction} />
          <ReportForm targetType="user" targetId={member.id} what={`${member.displayName}’s profile`} action={reportAction} />
        </section>
      )}
    </article>
  );
}
