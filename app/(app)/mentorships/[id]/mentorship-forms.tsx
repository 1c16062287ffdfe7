'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Choice, ChoiceGroup } from '@/components/ui/choice';
import { FormStatus, TextAreaField, TextField } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select';
import { initialResult, type ActionResult } from '@/lib/action-result';
import { END_REASON_LABELS } from '@/lib/requests';
import { RATING_LABELS } from '../words';
import { addGoalAction, endMentorshipAction, postMessageAction, rateMentorshipAction } from '../actions';

/** What was typed before a refusal, so the form can show it again. */
function typed(state: ActionResult) {
  const values = (!state.ok && state.values) || {};
  return (key: string) => {
    const v = values[key];
    return (Array.isArray(v) ? v[0] : v) ?? '';
  };
}

export function AddGoalForm({ mentorshipId }: { mentorshipId: string }) {
  const [state, action, pending] = useActionState(addGoalAction, initialResult);
  const errors = state.ok ? undefined : state.fieldErrors;
  const value = typed(state);
  return (
    <form action={action} noValidate className="space-y-2" key={value('title')}>
      <input type="hidden" name="mentorshipId" value={mentorshipId} />
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-48 flex-1">
          <TextField label="Add a goal" name="title" maxLength={200} defaultValue={value('title')} errors={errors?.title} />
        </div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? 'Adding…' : 'Add goal'}
        </Button>
      </div>
      <FormStatus ok={state.ok} message={state.ok ? state.message : state.error} />
    </form>
  );
}

export function MessageForm({ mentorshipId, otherName }: { mentorshipId: string; otherName: string }) {
  const [state, action, pending] = useActionState(postMessageAction, initialResult);
  const errors = state.ok ? undefined : state.fieldErrors;
  const value = typed(state);
  return (
    <form action={action} noValidate className="space-y-3" key={value('body')}>
      <input type="hidden" name="mentorshipId" value={mentorshipId} />
      <TextAreaField
        label={`Write to ${otherName}`}
        name="body"
        rows={4}
        maxLength={5000}
        defaultValue={value('body')}
        hint="Only the two of you can read these messages. Up to 5,000 characters."
        errors={errors?.body}
      />
      <FormStatus ok={state.ok} message={state.ok ? state.message : state.error} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Sending…' : 'Send message'}
      </Button>
    </form>
  );
}

function RatingFields({ errors, value }: { errors?: Record<string, string[] | undefined>; value: (key: string) => string }) {
  return (
    <>
      <ChoiceGroup legend="Your rating of this mentorship" name="rating" errors={errors?.rating}>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {RATING_LABELS.map((label, i) => (
            <Choice key={label} type="radio" name="rating" value={String(i + 1)} label={label} defaultChecked={value('rating') === String(i + 1)} />
          ))}
        </div>
      </ChoiceGroup>
      <TextAreaField
        label="A comment (optional)"
        name="comment"
        rows={3}
        maxLength={1000}
        defaultValue={value('comment')}
        hint="Up to 1,000 characters. The other side can read it."
        errors={errors?.comment}
      />
    </>
  );
}

export function EndForm({ mentorshipId }: { mentorshipId: string }) {
  const [state, action, pending] = useActionState(endMentorshipAction, initialResult);
  const errors = state.ok ? undefined : state.fieldErrors;
  const value = typed(state);
  const values = !state.ok && state.values;
  return (
    <form action={action} noValidate className="space-y-5" key={JSON.stringify(values)}>
      <input type="hidden" name="mentorshipId" value={mentorshipId} />
      <ChoiceGroup legend="How did it go?" name="outcome" errors={errors?.outcome}>
        <Choice type="radio" name="outcome" value="completed" label="Completed" detail="You did what you set out to do." defaultChecked={value('outcome') === 'completed'} />
        <Choice type="radio" name="outcome" value="ended" label="Ended early" detail="It stopped before its goals were met." defaultChecked={value('outcome') === 'ended'} />
      </ChoiceGroup>
      <SelectField
        label="The main reason"
        name="reason"
        defaultValue={value('reason')}
        options={[{ value: '', label: 'Choose a reason' }, ...Object.entries(END_REASON_LABELS).map(([v, label]) => ({ value: v, label }))]}
        errors={errors?.reason}
      />
      <RatingFields errors={errors} value={value} />
      <FormStatus ok={state.ok} message={state.ok ? state.message : state.error} />
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? 'Ending…' : 'End mentorship'}
      </Button>
    </form>
  );
}

export function RateForm({ mentorshipId }: { mentorshipId: string }) {
  const [state, action, pending] = useActionState(rateMentorshipAction, initialResult);
  const errors = state.ok ? undefined : state.fieldErrors;
  const value = typed(state);
  const values = !state.ok && state.values;
  return (
    <form action={action} noValidate className="space-y-5" key={JSON.stringify(values)}>
      <input type="hidden" name="mentorshipId" value={mentorshipId} />
      <RatingFields errors={errors} value={value} />
      <FormStatus ok={state.ok} message={state.ok ? state.message : state.error} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : 'Save rating'}
      </Button>
    </form>
  );
}
