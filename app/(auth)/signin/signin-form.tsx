'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormStatus, TextField } from '@/components/ui/field';
import { initialResult } from '@/lib/action-result';
import { signInAction } from '../actions';

export function SignInForm({ callbackUrl, notice }: { callbackUrl?: string; notice?: string }) {
  const [state, action, pending] = useActionState(signInAction, initialResult);
  const errors = state.ok ? undefined : state.fieldErrors;
  const values = state.ok ? undefined : state.values;
  return (
    <form action={action} noValidate className="space-y-4" key={JSON.stringify(values ?? {})}>
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ''} />
      <TextField
        label="E-mail or handle"
        name="identifier"
        autoComplete="username"
        required
        defaultValue={values?.identifier}
        errors={errors?.identifier}
      />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required errors={errors?.password} />
      <FormStatus message={state.ok ? undefined : state.error || notice} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
      <p className="text-center text-sm text-stone-600 dark:text-stone-400">
        New here?{' '}
        <Link href="/signup" className="font-medium text-ask-700 underline dark:text-ask-50">
          Create an account
        </Link>
      </p>
    </form>
  );
}
