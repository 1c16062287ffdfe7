import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { OAuthButtons } from '@/components/oauth-buttons';
import { oauthProviders } from '@/lib/env';
import { safeReturnPath } from '@/lib/safe-return-path';
import { currentUser } from '@/lib/session';
import { oauthSignInAction } from '../actions';
import { AuthCard } from '../auth-card';
import { SignInForm } from './signin-form';

export const metadata: Metadata = { title: 'Sign in' };

// Errors Auth.js reports by redirecting here with ?error=…; none says whether an account exists.
const NOTICES: Record<string, string> = {
  OAuthAccountNotLinked: 'An account with that e-mail already exists. Sign in with your password.',
  OAuthNoEmail: 'Your provider did not share an e-mail address, which we need to create your account.',
};

export default async function SignInPage({ searchParams }: PageProps<'/signin'>) {
  const params = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const callbackUrl = safeReturnPath(first(params.callbackUrl), '');
  const user = await currentUser();
  if (user) redirect(callbackUrl || `/u/${user.handle}`);
  const error = first(params.error);
  // requireUser sends a suspended account here (lib/session.ts); the text names no one else's account.
  const suspended = first(params.suspended) === '1' ? 'This account is suspended.' : undefined;
  const notice = suspended ?? (error ? (NOTICES[error] ?? 'Sign-in failed. Please try again.') : undefined);
  return (
    <AuthCard title="Welcome back" intro="Sign in to follow, write, and find your mentor.">
      <OAuthButtons providers={oauthProviders()} action={oauthSignInAction} />
      <SignInForm callbackUrl={callbackUrl || undefined} notice={notice} />
    </AuthCard>
  );
}
