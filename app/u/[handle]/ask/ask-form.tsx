'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FieldMessages, FormStatus, TextAreaField, TextField } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select';
import { initialResult } from '@/lib/action-result';
import { sendRequestAction } from './actions';

const GOAL_INPUTS = 5;

export function AskForm({ mentorId, mentorName, cadences }: { mentorId: string; mentorName: string; cadences: { value: string; label: string }[] }) {
  const [state, action, pending] = useActionState(sendRequestAction, initialResult);
  const errors = state.ok ? undefined : state.fieldErrors;
  const values = (!state.ok && state.values) || {};
  const str = (key: string, fallback = '') => {
    const v = values[key];
    return (Array.isArray(v) ? v[0] : v) ?? fallback;
  };
  const goals = [values.goal ?? []].flat();
  return (
    <form action={action} noValidate className="space-y-5" key={JSON.stringify(values)}>
      <input type="hidden" name="mentorId" value={mentorId} />
      <TextAreaField
        label={`Your message to ${mentorName}`}
        name="message"
        rows={8}
        required
        minLength={50}
        maxLength={2000}
        defaultValue={str('message')}
        hint="50 to 2,000 characters. Say who you are, where you are now, and why you are asking this mentor in particular."
        errors={errors?.message}
      />
      <fieldset aria-describedby={errors?.goal?.length ? 'goal-hint goal-error' : 'goal-hint'} className="space-y-3">
        <legend className="text-sm font-medium">Your goals</legend>
        <FieldMessages name="goal" hint="What you want to be able to do at the end. One is enough; up to five. They become your shared checklist." errors={errors?.goal} />
        {Array.from({ length: GOAL_INPUTS }, (_, i) => (
          <TextField
            key={i}
            label={i === 0 ? 'Goal 1' : `Goal ${i + 1} (optional)`}
            name="goal"
            id={`goal-${i + 1}`}
            maxLength={200}
            required={i === 0}
            defaultValue={goals[i] ?? ''}
            aria-invalid={i === 0 && errors?.goal?.length ? true : undefined}
          />
        ))}
      </fieldset>
      <div className="grid gap-5 sm:grid-cols-2">
        <SelectField label="How often would you meet?" name="cadence" defaultValue={str('cadence', 'fortnightly')} options={cadences} errors={errors?.cadence} />
        <TextField
          label="Intended length, in weeks"
          name="lengthWeeks"
          type="number"
          inputMode="numeric"
          min={4}
          max={52}
          required
          defaultValue={str('lengthWeeks', '12')}
          hint="From 4 to 52 weeks."
          errors={errors?.lengthWeeks}
        />
      </div>
      <FormStatus ok={state.ok} message={state.ok ? state.message : state.error} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Sending…' : 'Send request'}
      </Button>
    </form>
  );
}
