'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { cardClass } from '@/components/ui/card';
import { Choice, ChoiceGroup } from '@/components/ui/choice';
import { FormStatus, TextField } from '@/components/ui/field';
import { initialResult } from '@/lib/action-result';
import { saveOnboardingAction } from './actions';

const GOALS = [
  { value: 'find', label: 'Find a mentor', detail: 'Someone further along to learn from.' },
  { value: 'mentor', label: 'Mentor others', detail: 'Share what you know with people starting out.' },
  { value: 'both', label: 'Both', detail: 'Learn from some, help others.' },
];

const STARTS = [
  { value: 'ask', label: 'Ask', detail: 'Send a mentor a formal request with your goals.' },
  { value: 'grow', label: 'Let it grow', detail: 'Follow people, read and discuss; a mentorship can come later.' },
  { value: 'either', label: 'Either way', detail: 'Show me both kinds of mentor.' },
];

export type WelcomeAnswers = { goal: string | null; interests: string[]; languages: string[]; startPreference: string | null };

/** The three questions of onboarding; every one may be left open, and "Skip" leaves them all. */
export function WelcomeForm({
  answers,
  topics,
  languages,
}: {
  answers: WelcomeAnswers;
  topics: { slug: string; name: string }[];
  languages: { code: string; name: string }[];
}) {
  const [state, action, pending] = useActionState(saveOnboardingAction, initialResult);
  const errors = state.ok ? undefined : state.fieldErrors;
  const listed = new Set(topics.map((t) => t.slug));
  const other = answers.interests.filter((slug) => !listed.has(slug));
  return (
    <form action={action} noValidate className="space-y-8">
      <ChoiceGroup legend="What brings you here?" name="goal" errors={errors?.goal}>
        <div className="grid gap-2 sm:grid-cols-3">
          {GOALS.map((g) => (
            <div key={g.value} className={cardClass('sm', 'has-checked:border-ask-700 dark:has-checked:border-ask-50')}>
              <Choice type="radio" name="goal" value={g.value} label={g.label} detail={g.detail} defaultChecked={answers.goal === g.value} />
            </div>
          ))}
        </div>
      </ChoiceGroup>

      <div className="space-y-3">
        <ChoiceGroup
          legend="What would you like to learn or talk about?"
          name="interests"
          hint="Pick a few; the mentors suggested next share them."
          errors={errors?.interests}
        >
          <ul className="flex flex-wrap gap-2">
            {topics.map((t) => (
              <li key={t.slug}>
                <label className="inline-flex cursor-pointer items-center gap-2 rounded-full border border-stone-300 bg-white px-3 py-1.5 text-sm has-checked:border-ask-700 has-checked:bg-ask-50 has-checked:text-ask-700 has-focus-visible:outline-2 has-focus-visible:outline-ask-600 dark:border-stone-700 dark:bg-stone-900 dark:has-checked:border-ask-50 dark:has-checked:bg-stone-800 dark:has-checked:text-ask-50">
                  <input type="checkbox" name="interests" value={t.slug} defaultChecked={answers.interests.includes(t.slug)} className="size-4 accent-ask-700" />
                  {t.name}
                </label>
              </li>
            ))}
          </ul>
        </ChoiceGroup>
        <TextField
          label="Other topics"
          name="otherInterests"
          // Topics outside the list are kept as slugs; as words they read better and give the same slugs back.
          defaultValue={other.map((slug) => slug.replaceAll('-', ' ')).join(', ')}
          hint="Separated by commas — e.g. rust, public speaking."
          errors={errors?.otherInterests}
        />
      </div>

      <ChoiceGroup legend="Which languages do you speak?" name="languages" hint="Only mentors who speak one of them are suggested." errors={errors?.languages} columns>
        {languages.map((l) => (
          <Choice key={l.code} type="checkbox" name="languages" value={l.code} label={l.name} defaultChecked={answers.languages.includes(l.code)} />
        ))}
      </ChoiceGroup>

      <ChoiceGroup legend="How would you like a mentorship to start?" name="startPreference" errors={errors?.startPreference}>
        {STARTS.map((s) => (
          <Choice key={s.value} type="radio" name="startPreference" value={s.value} label={s.label} detail={s.detail} defaultChecked={answers.startPreference === s.value} />
        ))}
      </ChoiceGroup>

      <FormStatus ok={state.ok} message={state.ok ? undefined : state.error} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" name="intent" value="save" disabled={pending}>
          Show my suggestions
        </Button>
        <Button type="submit" name="intent" value="skip" variant="secondary" disabled={pending}>
          Skip for now
        </Button>
      </div>
    </form>
  );
}
