import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getOwnMentorProfile, popularTags } from '@/db/queries/mentors';
import { getNotificationSettings } from '@/db/queries/notifications';
import { getOwnProfile } from '@/db/queries/users';
import { LANGUAGES } from '@/lib/languages';
import { COUNTRIES, TIME_ZONES } from '@/lib/places';
import { requireUser } from '@/lib/session';
import { parseTheme, THEME_COOKIE } from '@/lib/theme';
import { AvatarForm } from './avatar-form';
import { MentorForm, type MentorFormValues } from './mentor-form';
import { MentorStatus } from './mentor-status';
import { NotificationForm } from './notification-form';
import { ProfileForm } from './profile-form';
import { ThemeForm } from './theme-form';
import { Card } from '@/components/ui/card';

export const metadata: Metadata = { title: 'Settings' };

function Section({ title, id, children }: { title: string; id: string; children: React.ReactNode }) {
  return (
    <Card as="section" padding="lg" heading={title} headingId={id} headingClassName="mb-4 text-lg font-semibold">
      {children}
    </Card>
  );
}

export default async function SettingsPage() {
  const user = await requireUser('/settings');
  const [profile, mentor, tags, notificationSettings] = await Promise.all([
    getOwnProfile(user.id),
    getOwnMentorProfile(user.id),
    popularTags(),
    getNotificationSettings(user.id),
  ]);
  if (!profile) notFound();
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const mentorValues: MentorFormValues = mentor
    ? {
        headline: mentor.headline,
        bio: mentor.bio,
        tags: mentor.tagNames.join(', '),
        yearsExperience: String(mentor.yearsExperience),
        capacity: String(mentor.capacity),
        languages: mentor.languages,
        timezone: mentor.timezone,
        country: mentor.country ?? '',
        links: mentor.links,
        startPreference: mentor.startPreference,
        startNote: mentor.startNote,
        accepting: mentor.accepting ? 'on' : undefined,
      }
    : { accepting: 'on', capacity: '3', languages: ['en'], timezone: 'UTC' };
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Settings</h1>
      <Section title="Profile" id="profile-heading">
        <ProfileForm profile={profile} />
      </Section>
      <Section title="Avatar" id="avatar-heading">
        <AvatarForm user={profile} />
      </Section>
      <Section title="Interests and suggestions" id="interests-heading">
        <p className="text-sm text-stone-700 dark:text-stone-300">
          What you are here for, the topics and languages you care about, and how you like to start.{' '}
          <Link href="/welcome" className="font-medium text-ask-700 underline dark:text-ask-50">
            Change them and see the mentors suggested to you
          </Link>
        </p>
      </Section>
      <Section title={mentor ? 'Mentor profile' : 'Become a mentor'} id="mentor-heading">
        {mentor ? (
          <div className="mb-6">
            <MentorStatus status={mentor.status} accepting={mentor.accepting} />
          </div>
        ) : (
          <p className="mb-4 text-sm text-stone-700 dark:text-stone-300">
            Any member can mentor. Fill this in to appear in the mentor directory; you can pause or retire at any time.
          </p>
        )}
        <MentorForm
          initial={mentorValues}
          isNew={!mentor}
          options={{ languages: LANGUAGES, timeZones: TIME_ZONES, countries: COUNTRIES, popularTags: tags.map((t) => t.name) }}
        />
      </Section>
      <Section title="Notifications" id="notifications-heading">
        <NotificationForm settings={notificationSettings} />
      </Section>
      <Section title="Appearance" id="appearance-heading">
        <ThemeForm theme={theme} />
      </Section>
      <Section title="Blocked members" id="blocked-heading">
        <p className="text-sm text-stone-700 dark:text-stone-300">
          Nothing crosses between you and a member you blocked.{' '}
          <Link href="/settings/blocked" className="font-medium text-ask-700 underline dark:text-ask-50">
            See and unblock the members you blocked
          </Link>
        </p>
      </Section>
      <Section title="Account" id="account-heading">
        <p className="text-sm text-stone-700 dark:text-stone-300">
          Signed in as <span className="font-medium">{profile.email}</span>. Your e-mail is never shown to other members.
        </p>
      </Section>
    </div>
  );
}
