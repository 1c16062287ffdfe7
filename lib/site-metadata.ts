import type { Metadata } from 'next';

export const SITE_NAME = 'Ask or Grow';
export const SITE_FEED = { url: '/feed.xml', title: 'Ask or Grow — latest posts' };

/**
 * A page's canonical address and its feeds. Next replaces `alternates` as a whole rather than
 * merging it with the layout's, so the site feed is repeated on every page that sets its own.
 */
export function alternatesFor(canonical: string, feeds: { url: string; title: string }[] = []): Metadata['alternates'] {
  return { canonical, types: { 'application/atom+xml': [SITE_FEED, ...feeds] } };
}

/** Text cut at a word to at most `max` characters, for descriptions; one line. */
export function clip(text: string, max = 160): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(line);
  if (chars.length <= max) return line;
  const head = chars.slice(0, max - 1).join('');
  const space = head.lastIndexOf(' ');
  return `${(space > max / 2 ? head.slice(0, space) : head).replace(/[\s.,;:!?-]+$/u, '')}…`;
}
