'use server';

import { AuthError } from 'next-auth';
import { headers } from 'next/headers';
import { limitAddress } from '@/db/queries/rate-limits';
import { createMember, isEmailTaken, isHandleTaken } from '@/db/queries/users';
import { validatedAction } from '@/lib/action';
import { fail } from '@/lib/action-result';
import { signIn, signOut } from '@/lib/auth';
import { clientAddress } from '@/lib/client-address';
import { ACCOUNT_SUSPENDED, AccountSuspended, TooManySignInAttempts } from '@/lib/credentials';
import { hashPassword } from '@/lib/password';
import { RATE_LIMITS, tooManyAttempts, waitText } from '@/lib/rate-limits';
import { safeReturnPath } from '@/lib/safe-return-path';
import { signInSchema, signUpSchema } from '@/lib/validation/account';

const HANDLE_TAKEN = 'That handle is taken; please choose another.';
const EMAIL_TAKEN = 'An account with this e-mail already exists. Sign in instead?';

export const signUpAction = validatedAction(signUpSchema, async (input, formData) => {
  // Before the checks below, which also tell whether an e-mail has an account.
  const limited = await limitAddress(RATE_LIMITS.signUpAddress, clientAddress(await headers()));
  if (!limited.ok) return fail(limited.message, undefined, formData);
  const [handleTaken, emailTaken] = await Promise.all([isHandleTaken(input.handle), isEmailTaken(input.email)]);
  if (handleTaken || emailTaken) {
    return fail(
      'Please correct the highlighted fields.',
      { handle: handleTaken ? [HANDLE_TAKEN] : undefined, email: emailTaken ? [EMAIL_TAKEN] : undefined },
      formData,
    );
  }
  const created = await createMember({
    displayName: input.displayName,
    handle: input.handle,
    email: input.email.toLowerCase(),
    passwordHash: await hashPassword(input.password),
  });
  // Someone else took the handle or e-mail between the check and the insert.
  if ('field' in created) {
    return fail(
      'Please correct the highlighted fields.',
      { [created.field]: [created.field === 'handle' ? HANDLE_TAKEN : EMAIL_TAKEN] },
      formData,
    );
  }
  try {
    await signIn('credentials', { identifier: input.email, password: input.password, redirectTo: '/welcome' });
  } catch (error) {
    // The account exists; only signing in was refused, for the address's many recent attempts.
    if (error instanceof TooManySignInAttempts) {
      return fail(`Your account is created, but too many sign-ins came from your address just now. Sign in after ${waitText(error.retryAfterSeconds)}.`);
    }
    throw error;
  }
  return { ok: true, data: undefined };
});

export const signInAction = validatedAction(signInSchema, async (input, formData) => {
  try {
    await signIn('credentials', {
      identifier: input.identifier,
      password: input.password,
      redirectTo: safeReturnPath(input.callbackUrl),
    });
  } catch (error) {
    // signIn() signals success by throwing a redirect, which must propagate.
    if (error instanceof TooManySignInAttempts) return fail(tooManyAttempts(error.retryAfterSeconds), undefined, formData);
    if (error instanceof AccountSuspended) return fail(ACCOUNT_SUSPENDED, undefined, formData);
    if (error instanceof AuthError) {
      return fail('E-mail, handle or password is incorrect.', undefined, formData);
    }
    throw error;
  }
  return { ok: true, data: undefined };
});

export async function signOutAction() {
  await signOut({ redirectTo: '/' });
}

export async function oauthSignInAction(formData: FormData) {
  const provider = formData.get('provider');
  if (provider !== 'github' && provider !== 'google') return;
  await signIn(provider, { redirectTo: '/' });
}
