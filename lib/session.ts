import 'server-only';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getSessionUser } from '@/db/queries/users';
import { auth } from '@/lib/auth';

export type SessionUser = NonNullable<Awaited<ReturnType<typeof getSessionUser>>>;

/** The signed-in member, or undefined. Cached per request. */
export const currentUser = cache(async (): Promise<SessionUser | undefined> => {
  const session = await auth();
  const id = session?.user?.id;
  // A token can outlive its account (deleted, or the demo data re-created).
  return id ? getSessionUser(id) : undefined;
});

/** For pages and actions that need a member: sends everyone else to sign in. */
export async function requireUser(returnTo?: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(returnTo ? `/signin?callbackUrl=${encodeURIComponent(returnTo)}` : '/signin');
  return user;
}
