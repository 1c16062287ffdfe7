'use client';

import { useActionState } from 'react';
import { IdentityFields } from '@/components/identity-fields';
import { Button } from '@/components/ui/button';
import { FormStatus, TextAreaField } from '@/components/ui/field';
import { initialResult } from '@/lib/action-result';
import { updateProfileAction } from './actions';

export function ProfileForm({ profile }: { profile: { displayName: string; handle: string; bio: string } }) {
  const [state, action, pending] = useActionState(updateProfileAction, initialResult);
  const errors = state.ok ? undefined : state.fieldErrors;
  // After a failed save show what was typed; after a successful one, what was saved.
  const values = state.ok ? profile : (state.values ?? profile);
  return (
    <form action={action} noValidate className="space-y-4" key={JSON.stringify(values)}>
      <IdentityFields values={values} errors={errors} handleHint="Changing it changes your page's address." />
      <TextAreaField label="Short bio" name="bio" rows={3} maxLength={280} defaultValue={values.bio} hint="Up to 280 characters." errors={errors?.bio} />
      <FormStatus ok={state.ok} message={state.ok ? state.message : state.error} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : 'Save profile'}
      </Button>
    </form>
  );
}
