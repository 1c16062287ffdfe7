import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import './globals.css';
import { SiteHeader } from '@/components/site-header';
import { appUrl } from '@/lib/env';
import { SITE_FEED, SITE_NAME } from '@/lib/site-metadata';
import { parseTheme, THEME_COOKIE } from '@/lib/theme';
import { signOutAction } from './(auth)/actions';
import { setThemeAction } from './theme/actions';

export const metadata: Metadata = {
  title: { default: 'Ask or Grow — mentorship, asked for or grown', template: '%s · Ask or Grow' },
  description:
    'Find a mentor by asking, or let a mentorship grow from following and discussion — and see which path works better.',
  // Relative canonical, Open Graph and feed URLs are resolved against the public address.
  metadataBase: new URL(appUrl()),
  openGraph: { siteName: SITE_NAME, type: 'website' },
  // No canonical here: every page without its own would claim to be a copy of the home page.
  alternates: { types: { 'application/atom+xml': [SITE_FEED] } },
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The reader's theme is on the first byte of HTML: dark styles (app/globals.css) follow it with no script.
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" data-theme={theme}>
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-stone-900"
        >
          Skip to content
        </a>
        <SiteHeader signOutAction={signOutAction} themeAction={setThemeAction} />
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
          {children}
        </main>
        <footer className="border-t border-stone-200 py-6 text-center text-sm text-stone-600 dark:border-stone-800 dark:text-stone-400">
          <p>Ask or Grow — two ways to start a mentorship, measured.</p>
          <nav aria-label="Footer" className="mt-2 flex flex-wrap justify-center gap-x-4 gap-y-1">
            <Link href="/insights" className="underline hover:text-stone-900 dark:hover:text-stone-100">
              Insights: ask or grow?
            </Link>
            <Link href="/mentors" className="underline hover:text-stone-900 dark:hover:text-stone-100">
              Mentors
            </Link>
            <Link href="/feed" className="underline hover:text-stone-900 dark:hover:text-stone-100">
              Feed
            </Link>
            <a href="/feed.xml" className="underline hover:text-stone-900 dark:hover:text-stone-100">
              Atom feed
            </a>
          </nav>
        </footer>
      </body>
    </html>
  );
}
