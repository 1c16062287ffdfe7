import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getOwnProfile } from '@/db/queries/users';
import { requireUser } from '@/lib/session';
import { AvatarForm } from './avatar-form';
import { ProfileForm } from './profile-form';

export const metadata: Metadata = { title: 'Settings' };

function Section({ title, id, children }: { title: string; id: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-2xl border border-stone-200 bg-white p-6 dark:border-stone-800 dark:bg-stone-900">
      <h2 id={id} className="mb-4 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function SettingsPage() {
  const user = await requireUser('/settings');
  const profile = await getOwnProfile(user.id);
  if (!profile) notFound();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Settings</h1>
      <Section title="Profile" id="profile-heading">
        <ProfileForm profile={profile} />
      </Section>
      <Section title="Avatar" id="avatar-heading">
        <AvatarForm user={profile} />
      </Section>
      <Section title="Account" id="account-heading">
        <p className="text-sm text-stone-700 dark:text-stone-300">
          Signed in as <span className="font-medium">{profile.email}</span>. Your e-mail is never shown to other members.
        </p>
      </Section>
    </div>
  );
}
