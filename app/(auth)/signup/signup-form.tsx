'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { IdentityFields } from '@/components/identity-fields';
import { Button } from '@/components/ui/button';
import { FormStatus, TextField } from '@/components/ui/field';
import { initialResult } from '@/lib/action-result';
import { signUpAction } from '../actions';

export function SignUpForm() {
  const [state, action, pending] = useActionState(signUpAction, initialResult);
  const errors = state.ok ? undefined : state.fieldErrors;
  const values = state.ok ? undefined : state.values;
  return (
    // key: React resets a form after its action; re-mount it with what the person typed.
    <form action={action} noValidate className="space-y-4" key={JSON.stringify(values ?? {})}>
      <IdentityFields values={values} errors={errors} handleHint="3–30 letters, digits or underscores. Your page will be /u/your_handle." />
      <TextField label="E-mail" name="email" type="email" autoComplete="email" required defaultValue={values?.email} errors={errors?.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        hint="At least 10 characters."
        errors={errors?.password}
      />
      <FormStatus message={state.ok ? undefined : state.error} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? 'Creating your account…' : 'Create account'}
      </Button>
      <p className="text-center text-sm text-stone-600 dark:text-stone-400">
        Already a member?{' '}
        <Link href="/signin" className="font-medium text-ask-700 underline dark:text-ask-50">
          Sign in
        </Link>
      </p>
    </form>
  );
}
