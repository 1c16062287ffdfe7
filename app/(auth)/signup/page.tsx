import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { OAuthButtons } from '@/components/oauth-buttons';
import { oauthProviders } from '@/lib/env';
import { currentUser } from '@/lib/session';
import { oauthSignInAction } from '../actions';
import { AuthCard } from '../auth-card';
import { SignUpForm } from './signup-form';

export const metadata: Metadata = { title: 'Sign up' };

export default async function SignUpPage() {
  const user = await currentUser();
  if (user) redirect(`/u/${user.handle}`);
  return (
    <AuthCard title="Join Ask or Grow" intro="Ask a mentor directly, or let a mentorship grow from the conversation.">
      <OAuthButtons providers={oauthProviders()} action={oauthSignInAction} />
      <SignUpForm />
    </AuthCard>
  );
}
