import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { Avatar } from '@/components/avatar';
import { StartPreferenceBadge } from '@/components/start-preference';
import { buttonClass } from '@/components/ui/button';
import { getMemberByHandle } from '@/db/queries/users';
import { currentUser } from '@/lib/session';
import { languageName, localTime } from '@/lib/format';

const loadMember = cache((handle: string) => getMemberByHandle(decodeURIComponent(handle)));

export async function generateMetadata({ params }: PageProps<'/u/[handle]'>): Promise<Metadata> {
  const member = await loadMember((await params).handle);
  if (!member) return { title: 'Member not found' };
  return {
    title: `${member.displayName} (@${member.handle})`,
    description: member.mentor?.headline ?? (member.bio || `${member.displayName} on Ask or Grow`),
  };
}

export default async function MemberPage({ params }: PageProps<'/u/[handle]'>) {
  const member = await loadMember((await params).handle);
  if (!member) notFound();
  const viewer = await currentUser();
  const isSelf = viewer?.id === member.id;
  const mentor = member.mentor?.status === 'active' ? member.mentor : null;

  return (
    <article className="space-y-6">
      <header className="flex flex-col gap-4 rounded-2xl border border-stone-200 bg-white p-6 sm:flex-row sm:items-center dark:border-stone-800 dark:bg-stone-900">
        <Avatar user={member} size={96} decorative />
        <div className="flex-1 space-y-1">
          <h1 className="text-2xl font-bold tracking-tight">{member.displayName}</h1>
          <p className="text-stone-600 dark:text-stone-400">@{member.handle}</p>
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
      </header>

      {mentor && (
        <section aria-labelledby="mentor-heading" className="grid gap-6 md:grid-cols-3">
          <div className="space-y-4 md:col-span-2">
            <h2 id="mentor-heading" className="text-lg font-semibold">
              Mentoring
            </h2>
            <div className="rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
              <p className="mb-2 text-sm font-medium text-stone-600 dark:text-stone-400">How {member.displayName} likes mentorships to start</p>
              <StartPreferenceBadge preference={mentor.startPreference} />
              {mentor.startNote && <blockquote className="mt-3 border-l-4 border-stone-300 pl-3 italic dark:border-stone-600">{mentor.startNote}</blockquote>}
            </div>
            {mentor.bio && <div className="whitespace-pre-line leading-relaxed">{mentor.bio}</div>}
          </div>
          <aside aria-label="Mentor details" className="space-y-3 rounded-2xl border border-stone-200 bg-white p-5 text-sm dark:border-stone-800 dark:bg-stone-900">
            <dl className="space-y-3">
              <div>
                <dt className="font-medium text-stone-600 dark:text-stone-400">Availability</dt>
                <dd>{mentor.accepting ? `Accepting requests · up to ${mentor.capacity} mentees` : 'Not accepting requests right now'}</dd>
              </div>
              <div>
                <dt className="font-medium text-stone-600 dark:text-stone-400">Experience</dt>
                <dd>{mentor.yearsExperience} years</dd>
              </div>
              {mentor.languages.length > 0 && (
                <div>
                  <dt className="font-medium text-stone-600 dark:text-stone-400">Languages</dt>
                  <dd>{mentor.languages.map(languageName).join(', ')}</dd>
                </div>
              )}
              <div>
                <dt className="font-medium text-stone-600 dark:text-stone-400">Local time</dt>
                <dd>
                  {localTime(mentor.timezone)} ({mentor.timezone.replace(/_/g, ' ')})
                </dd>
              </div>
            </dl>
            {member.tags.length > 0 && (
              <ul aria-label="Expertise" className="flex flex-wrap gap-2">
                {member.tags.map((t) => (
                  <li key={t.slug} className="rounded-full bg-stone-100 px-2.5 py-0.5 text-stone-800 dark:bg-stone-800 dark:text-stone-200">
                    {t.name}
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
    </article>
  );
}
