'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Choice, ChoiceGroup } from '@/components/ui/choice';
import { FormStatus, TextAreaField, TextField } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select';
import { initialResult } from '@/lib/action-result';
import { saveMentorProfileAction } from './actions';

export type MentorFormValues = Record<string, string | string[] | undefined>;

const PREFERENCES = [
  { value: 'ask', label: 'Ask me', detail: 'A formal request with goals is the best start.' },
  { value: 'grow', label: 'Let it grow', detail: 'Follow me and join the discussion first; a mentorship can come later.' },
  { value: 'either', label: 'Either way', detail: 'Both paths work for me.' },
];

export function MentorForm({
  initial,
  options,
  isNew,
}: {
  initial: MentorFormValues;
  options: {
    languages: { code: string; name: string }[];
    timeZones: string[];
    countries: { code: string; name: string }[];
    popularTags: string[];
  };
  isNew: boolean;
}) {
  const [state, action, pending] = useActionState(saveMentorProfileAction, initialResult);
  const errors = state.ok ? undefined : state.fieldErrors;
  // After a failed save, exactly what was sent (an unticked box is simply absent); otherwise
  // the saved profile, which the page re-reads after each save.
  const values: MentorFormValues = !state.ok && state.values ? state.values : initial;
  const str = (key: string) => {
    const v = values[key];
    return Array.isArray(v) ? v.join(', ') : (v ?? '');
  };
  const list = (key: string) => {
    const v = values[key];
    return Array.isArray(v) ? v : v ? [v] : [];
  };
  return (
    <form action={action} noValidate className="space-y-5" key={JSON.stringify(values)}>
      <TextField label="Headline" name="headline" required maxLength={120} defaultValue={str('headline')} hint="One line: your role and what you know best." errors={errors?.headline} />
      <TextAreaField
        label="About you as a mentor"
        name="bio"
        rows={7}
        maxLength={5000}
        defaultValue={str('bio')}
        hint="Markdown works: **bold**, lists, links. Up to 5,000 characters."
        errors={errors?.bio}
      />
      <TextField
        label="Expertise"
        name="tags"
        defaultValue={str('tags')}
        hint={`Up to 10, separated by commas. Popular: ${options.popularTags.slice(0, 8).join(', ')}.`}
        errors={errors?.tags}
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField label="Years of experience" name="yearsExperience" type="number" inputMode="numeric" min={0} max={70} defaultValue={str('yearsExperience')} errors={errors?.yearsExperience} />
        <TextField
          label="Capacity"
          name="capacity"
          type="number"
          inputMode="numeric"
          min={1}
          max={20}
          defaultValue={str('capacity') || '3'}
          hint="The most mentees you take at once (1–20)."
          errors={errors?.capacity}
        />
      </div>
      <ChoiceGroup legend="Languages you mentor in" name="languages" errors={errors?.languages} columns>
        {options.languages.map((l) => (
          <Choice key={l.code} type="checkbox" name="languages" value={l.code} label={l.name} defaultChecked={list('languages').includes(l.code)} />
        ))}
      </ChoiceGroup>
      <div className="grid gap-5 sm:grid-cols-2">
        <SelectField
          label="Time zone"
          name="timezone"
          defaultValue={str('timezone') || 'UTC'}
          options={options.timeZones.map((z) => ({ value: z, label: z.replace(/_/g, ' ') }))}
          errors={errors?.timezone}
        />
        <SelectField
          label="Country (optional)"
          name="country"
          defaultValue={str('country')}
          options={[{ value: '', label: 'Not shown' }, ...options.countries.map((c) => ({ value: c.code, label: c.name }))]}
          errors={errors?.country}
        />
      </div>
      <TextAreaField label="Links (optional)" name="links" rows={3} defaultValue={list('links').join('\n')} hint="Up to 5 web addresses, one per line." errors={errors?.links} />
      <ChoiceGroup legend="How do you like mentorships to start?" name="startPreference" errors={errors?.startPreference}>
        {PREFERENCES.map((p) => (
          <Choice key={p.value} type="radio" name="startPreference" value={p.value} label={p.label} detail={p.detail} defaultChecked={str('startPreference') === p.value} />
        ))}
      </ChoiceGroup>
      <TextField
        label="In your words: how should someone start with you?"
        name="startNote"
        maxLength={280}
        defaultValue={str('startNote')}
        hint="One sentence, shown on your profile next to your preference."
        errors={errors?.startNote}
      />
      <Choice type="checkbox" name="accepting" label="Accepting mentorship requests" defaultChecked={str('accepting') === 'on'} />
      <FormStatus ok={state.ok} message={state.ok ? state.message : state.error} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : isNew ? 'Become a mentor' : 'Save mentor profile'}
      </Button>
    </form>
  );
}
