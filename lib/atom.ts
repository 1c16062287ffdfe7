/**
 * Atom 1.0 (RFC 4287) rather than RSS 2.0: Atom says whether content is text or HTML
 * (`type="html"`), requires a stable id and an updated time per entry, uses RFC 3339 dates, and
 * has one specification instead of several incompatible RSS versions. Every feed reader reads it.
 */

import { renderMarkdown } from './markdown';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

// Characters XML 1.0 forbids even as references: one control character or lone surrogate in a
// title would make the whole feed unreadable, so they are dropped.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text made safe for XML character data and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

export type AtomPerson = { name: string; uri?: string };

export type AtomEntry = {
  /** A permanent IRI: it must not change when the title, slug or host does. */
  id: string;
  url: string;
  title: string;
  published: Date;
  updated: Date;
  author: AtomPerson;
  /** Plain text. */
  summary?: string;
  /** Sanitized HTML; it is escaped here, and the reader decides how to show it. */
  html?: string;
};

export type AtomFeed = {
  id: string;
  title: string;
  subtitle?: string;
  /** The feed's own address (rel="self"). */
  selfUrl: string;
  /** The page the feed stands for (rel="alternate"). */
  pageUrl: string;
  /** Base for relative links in entries' HTML. */
  baseUrl: string;
  /** Used when there are no entries; otherwise the newest entry's updated time. */
  updated: Date;
  author?: AtomPerson;
  entries: AtomEntry[];
};

const el = (name: string, text: string, attrs = '') => `<${name}${attrs}>${escapeXml(text)}</${name}>`;

function person(tag: 'author', p: AtomPerson) {
  return `<${tag}>${el('name', p.name)}${p.uri ? el('uri', p.uri) : ''}</${tag}>`;
}

function entry(e: AtomEntry) {
  return [
    '  <entry>',
    `    ${el('id', e.id)}`,
    `    ${el('title', e.title, ' type="text"')}`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(e.url)}"/>`,
    `    ${el('published', e.published.toISOString())}`,
    `    ${el('updated', e.updated.toISOString())}`,
    `    ${person('author', e.author)}`,
    ...(e.summary ? [`    ${el('summary', e.summary, ' type="text"')}`] : []),
    ...(e.html ? [`    ${el('content', e.html, ' type="html"')}`] : []),
    '  </entry>',
  ].join('\n');
}

/** The feed as an XML document. */
export function buildAtomFeed(feed: AtomFeed): string {
  const newest = feed.entries.reduce((t, e) => Math.max(t, e.updated.getTime()), Number.NEGATIVE_INFINITY);
  const updated = Number.isFinite(newest) ? new Date(newest) : feed.updated;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="${escapeXml(feed.baseUrl)}">`,
    `  ${el('id', feed.id)}`,
    `  ${el('title', feed.title, ' type="text"')}`,
    ...(feed.subtitle ? [`  ${el('subtitle', feed.subtitle, ' type="text"')}`] : []),
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.pageUrl)}"/>`,
    `  ${el('updated', updated.toISOString())}`,
    ...(feed.author ? [`  ${person('author', feed.author)}`] : []),
    '  <generator>Ask or Grow</generator>',
    ...feed.entries.map(entry),
    '</feed>',
    '',
  ].join('\n');
}

export const ATOM_HEADERS = {
  'Content-Type': 'application/atom+xml; charset=utf-8',
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'public, max-age=300',
  // Opened in a browser tab the document is data, never a page: nothing in it may run.
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; sandbox",
} as const;

export type FeedPost = {
  id: string;
  slug: string;
  title: string;
  excerpt: string;
  body: string;
  publishedAt: Date | null;
  updatedAt: Date;
  author: { handle: string; displayName: string };
};

/** Posts as an Atom feed: the excerpt as summary, the sanitized HTML as content, absolute links. */
export function postsFeed(options: {
  base: string;
  id: string;
  title: string;
  subtitle?: string;
  selfPath: string;
  pagePath: string;
  posts: FeedPost[];
}): string {
  const { base, posts } = options;
  return buildAtomFeed({
    id: options.id,
    title: options.title,
    subtitle: options.subtitle,
    selfUrl: `${base}${options.selfPath}`,
    pageUrl: `${base}${options.pagePath}`,
    baseUrl: `${base}/`,
    // A feed with no entries still needs a date; the epoch says "nothing yet" and stays stable.
    updated: new Date(0),
    entries: posts.map((p) => ({
      // Post ids are UUIDs and never change, unlike the host name a URL would include.
      id: `urn:uuid:${p.id}`,
      url: `${base}/posts/${p.slug}`,
      title: p.title,
      published: p.publishedAt ?? p.updatedAt,
      updated: p.updatedAt,
      author: { name: p.author.displayName, uri: `${base}/u/${p.author.handle}` },
      summary: p.excerpt || undefined,
      html: renderMarkdown(p.body, { profile: 'full' }),
    })),
  });
}
