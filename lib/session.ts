import 'server-only';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getSessionUser } from '@/db/queries/users';
import { auth } from '@/lib/auth';

export type SessionUser = NonNullable<Awaited<ReturnType<typeof getSessionUser>>>;

/** The account behind the session token, suspended or not. Cached per request. */
const sessionAccount = cache(async (): Promise<SessionUser | undefined> => {
  const session = await auth();
  const id = session?.user?.id;
  // A token can outlive its account (deleted, or the demo data re-created).
  return id ? getSessionUser(id) : undefined;
});

/**
 * The signed-in member, or undefined. A suspended account counts as signed out: its token may
 * still be valid for weeks, so every page and action refuses it here, on each request.
 */
export const currentUser = cache(async (): Promise<SessionUser | undefined> => {
  const account = await sessionAccount();
  return account && !account.suspendedAt ? account : undefined;
});

/** For pages and actions that need a member: sends everyone else to sign in (a suspended account is told why). */
export async function requireUser(returnTo?: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) {
    if ((await sessionAccount())?.suspendedAt) redirect('/signin?suspended=1');
    redirect(returnTo ? `/signin?callbackUrl=${encodeURIComponent(returnTo)}` : '/signin');
  }
  return user;
}
