import { getToken } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';
import { env, resolveAuthSecret } from '@/lib/env';

/**
 * Optimistic redirect of visitors away from members-only pages. It only reads the signed
 * session token — never the database (pages, actions and queries check again), and never
 * re-issues the cookie: a refreshed cookie on a prefetch that lands after sign-out would sign
 * the member back in.
 */
export async function proxy(request: NextRequest) {
  const secureCookie = request.nextUrl.protocol === 'https:';
  const token = await getToken({ req: request, secret: resolveAuthSecret(env()), secureCookie });
  if (token?.sub) return NextResponse.next();
  const signIn = new URL('/signin', request.url);
  signIn.searchParams.set('callbackUrl', `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ['/settings/:path*', '/requests/:path*', '/mentorships/:path*', '/connections/:path*', '/notifications/:path*', '/u/:handle/ask'],
};
