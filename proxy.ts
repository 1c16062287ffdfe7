import { getToken } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';
import { databaseAvailable } from '@/db/health';
import { env, resolveAuthSecret } from '@/lib/env';
import { cachedPage, clearPageCache, wantsFreshRender } from '@/lib/page-cache';
import { contentSecurityPolicy } from '@/lib/security-headers';
import { parseTheme, THEME_COOKIE } from '@/lib/theme';

/** Members-only pages: visitors are sent to sign in first. */
const MEMBERS_ONLY = [/^\/settings(\/|$)/, /^\/welcome(\/|$)/, /^\/requests(\/|$)/, /^\/mentorships(\/|$)/, /^\/connections(\/|$)/, /^\/notifications(\/|$)/, /^\/admin(\/|$)/, /^\/u\/[^/]+\/ask$/];

/**
 * Public pages whose signed-out view is the same for every visitor: a CDN may keep it for a
 * minute and serve it stale for ten while it fetches a fresh copy. Members get their own page,
 * never stored (Next's default for dynamic pages).
 */
const PUBLIC_PAGES = [/^\/$/, /^\/mentors$/, /^\/feed$/, /^\/insights$/, /^\/u\/[^/]+$/, /^\/posts\/(?!new$)[^/]+$/];
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-while-revalidate=600';
/**
 * A visitor who chose light or dark gets the same page in their colours (<html data-theme>):
 * theirs alone, so no shared cache may keep it or hand the system-coloured copy to them.
 */
export const THEMED_CACHE_CONTROL = 'private, no-store';

/** Any Auth.js session cookie, valid or not (and its chunks, and the __Secure- form over https). */
const hasSessionCookie = (request: NextRequest) => request.cookies.getAll().some((c) => c.name.includes('authjs.session-token'));

/**
 * Runs before every page: sets the Content-Security-Policy with a fresh nonce (Next reads it
 * from the request and puts it on its scripts), and redirects visitors away from members-only
 * pages. That redirect is optimistic: it only reads the signed session token — never the
 * database (pages, actions and queries check again), and never re-issues the cookie: a
 * refreshed cookie on a prefetch that lands after sign-out would sign the member back in.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // A form post or server action from another site: refused before anything runs (Next would
  // refuse a foreign server action too, but with a 500; this says what it is).
  if (request.method === 'POST' && isCrossSite(request)) {
    return new NextResponse('Cross-site form posts are not accepted.\n', { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  if (MEMBERS_ONLY.some((pattern) => pattern.test(pathname))) {
    const secureCookie = request.nextUrl.protocol === 'https:';
    const token = await getToken({ req: request, secret: resolveAuthSecret(env()), secureCookie });
    if (!token?.sub) {
      const signIn = request.nextUrl.clone();
      signIn.pathname = '/signin';
      signIn.search = `?callbackUrl=${encodeURIComponent(`${pathname}${search}`)}`;
      return NextResponse.redirect(signIn);
    }
  }
  if (!(await databaseAvailable())) return unavailable();
  const nonce = btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === 'development' });
  const publicView =
    (request.method === 'GET' || request.method === 'HEAD') && PUBLIC_PAGES.some((p) => p.test(pathname)) && !hasSessionCookie(request) && !request.headers.has('rsc');
  // A write anywhere: this instance's cached pages go (lib/page-cache.ts). Cleared here, before
  // any action runs (those outside lib/action.ts's wrappers too, such as signing out), and again
  // by the wrappers once the write has committed: a visitor's page rendered in between would
  // otherwise be kept, with the old data, for its second.
  if (request.method === 'POST') clearPageCache();
  const theme = parseTheme(request.cookies.get(THEME_COOKIE)?.value);
  const cacheControl = theme === 'system' ? PUBLIC_CACHE_CONTROL : THEMED_CACHE_CONTROL;
  if (publicView && request.method === 'GET' && process.env.NODE_ENV === 'production' && !wantsFreshRender(request.headers)) {
    const cached = await cachedPage(`${pathname}${search}`, theme, nonce, policy, { 'Cache-Control': cacheControl });
    if (cached) return cached;
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  if (publicView) {
    // HTML only: the client router's RSC fetches stay uncached (Next varies those on its own headers).
    // (Next sets Vary itself; a CDN in front passes requests that carry a session cookie.)
    response.headers.set('Cache-Control', cacheControl);
  }
  return response;
}

/** While the database is down: a plain page saying so, and when to try again. */
function unavailable() {
  const body = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Back in a moment · Ask or Grow</title>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5"><h1>Back in a moment</h1><p>Ask or Grow cannot reach its database right now. Nothing you saved is lost; please try again in a few seconds.</p></body></html>`;
  return new NextResponse(body, {
    status: 503,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': '5', 'Cache-Control': 'no-store', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'" },
  });
}

/** The same comparison Next makes for server actions: the Origin's host against the host served. */
function isCrossSite(request: NextRequest) {
  const origin = request.headers.get('origin');
  if (!origin) return false;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

export const config = {
  matcher: [
    {
      // Pages only: not route handlers under /api, static files or images; prefetches get the
      // page's own policy when it is rendered.
      source: '/((?!api|_next/static|_next/image|favicon.ico|.*\\.(?:png|jpg|jpeg|gif|webp|svg|ico|txt|xml|csv)$).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
