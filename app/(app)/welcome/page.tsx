import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { getOnboarding } from '@/db/queries/onboarding';
import { popularTags, tagNames } from '@/db/queries/mentors';
import { isLanguageCode, LANGUAGE_CODES, languageName } from '@/lib/languages';
import { requireUser } from '@/lib/session';
import { WelcomeForm } from './welcome-form';

export const metadata: Metadata = { title: 'Welcome' };

/** The languages offered at once: the most spoken, and any the member already chose. */
const COMMON_LANGUAGES = 12;

/** "de-CH,de;q=0.9,en;q=0.8" → ["de", "en"], the languages we list. */
function acceptedLanguages(header: string | null) {
  const codes = (header ?? '').split(',').map((part) => part.split(';')[0]!.trim().split('-')[0]!.toLowerCase());
  return [...new Set(codes)].filter(isLanguageCode);
}

export default async function WelcomePage() {
  const viewer = await requireUser('/welcome');
  const [answers, topics, requestHeaders] = await Promise.all([getOnboarding(viewer.id), popularTags(24), headers()]);
  const interests = answers?.interests ?? [];
  const listed = new Set(topics.map((t) => t.slug));
  const names = await tagNames(interests.filter((slug) => !listed.has(slug)));
  // What the member chose before and is not among the popular topics stays on the list, ticked.
  const shownTopics = [...topics, ...interests.filter((slug) => names.has(slug)).map((slug) => ({ slug, name: names.get(slug)! }))];
  // A first visit starts from the browser's languages.
  const chosenLanguages = answers?.onboardedAt || answers?.languages.length ? (answers?.languages ?? []) : acceptedLanguages(requestHeaders.get('accept-language'));
  const languageCodes = [...new Set([...LANGUAGE_CODES.slice(0, COMMON_LANGUAGES), ...chosenLanguages])];
  const languages = languageCodes.map((code) => ({ code, name: languageName(code) })).sort((a, b) => a.name.localeCompare(b.name));

  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Welcome, {viewer.displayName}</h1>
        <p className="text-stone-700 dark:text-stone-300">
          A few questions, and we suggest mentors to follow or to ask. Every answer is optional, and you can change them
          later in Settings.
        </p>
      </header>
      <WelcomeForm
        answers={{
          goal: answers?.goal ?? null,
          interests,
          languages: chosenLanguages,
          startPreference: answers?.startPreference ?? null,
        }}
        topics={shownTopics}
        languages={languages}
      />
    </div>
  );
}
