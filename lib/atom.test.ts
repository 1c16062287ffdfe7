import { describe, expect, it } from 'vitest';
import { buildAtomFeed, escapeXml, postsFeed, type FeedPost } from './atom';

const at = new Date('2026-03-12T14:05:00Z');

describe('escapeXml', () => {
  it('escapes the five XML special characters', () => {
    expect(escapeXml(`<b> & "quotes" 'single'`)).toBe('&lt;b&gt; &amp; &quot;quotes&quot; &apos;single&apos;');
  });

  it('escapes an existing entity again rather than trusting it', () => {
    expect(escapeXml('&amp;')).toBe('&amp;amp;');
  });

  it('drops characters XML 1.0 forbids, keeping tabs, new lines, emoji and CJK', () => {
    expect(escapeXml('a\u0000b\u0008c\u001Fd\uFFFEe\uD800f')).toBe('abcdef');
    expect(escapeXml('tab\there\nline 🎉 日本')).toBe('tab\there\nline 🎉 日本');
  });
});

describe('buildAtomFeed', () => {
  const feed = (entries: Parameters<typeof buildAtomFeed>[0]['entries']) =>
    buildAtomFeed({
      id: 'https://example.org/feed.xml',
      title: 'Site & "friends"',
      selfUrl: 'https://example.org/feed.xml',
      pageUrl: 'https://example.org/',
      baseUrl: 'https://example.org/',
      updated: new Date(0),
      entries,
    });

  it('escapes every piece of text and keeps markup out of elements', () => {
    const xml = feed([
      {
        id: 'urn:uuid:1',
        url: 'https://example.org/posts/a?x=1&y=2',
        title: `</title><script>alert(1)</script> & "it's"`,
        published: at,
        updated: at,
        author: { name: '<Mallory & Co>', uri: 'https://example.org/u/m' },
        summary: 'Less < more',
        html: '<p>Hello <a href="https://x.test/?a=1&amp;b=2">there</a></p>',
      },
    ]);
    expect(xml).toContain('<title type="text">Site &amp; &quot;friends&quot;</title>');
    expect(xml).toContain('<title type="text">&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;it&apos;s&quot;</title>');
    expect(xml).toContain('<name>&lt;Mallory &amp; Co&gt;</name>');
    expect(xml).toContain('href="https://example.org/posts/a?x=1&amp;y=2"');
    expect(xml).toContain('<summary type="text">Less &lt; more</summary>');
    // The HTML arrives as text: its markup is escaped once, its entities twice.
    expect(xml).toContain(
      '<content type="html">&lt;p&gt;Hello &lt;a href=&quot;https://x.test/?a=1&amp;amp;b=2&quot;&gt;there&lt;/a&gt;&lt;/p&gt;</content>',
    );
    expect(xml).not.toMatch(/<script|<p>|<a /);
  });

  it('is updated when its newest entry is, and at the given date when empty', () => {
    const later = new Date('2026-04-01T00:00:00Z');
    const entry = { id: 'urn:uuid:1', url: 'https://example.org/p', title: 't', published: at, author: { name: 'n' } };
    const xml = feed([
      { ...entry, updated: at },
      { ...entry, id: 'urn:uuid:2', updated: later },
    ]);
    expect(xml).toMatch(/<\/generator>/);
    expect(xml.split('<entry>')[0]).toContain('<updated>2026-04-01T00:00:00.000Z</updated>');
    expect(feed([])).toContain('<updated>1970-01-01T00:00:00.000Z</updated>');
    expect(feed([])).not.toContain('<entry>');
  });

  it('starts with the XML declaration and the Atom namespace', () => {
    const xml = feed([]);
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"')).toBe(true);
    expect(xml.trimEnd().endsWith('</feed>')).toBe(true);
  });
});

describe('postsFeed', () => {
  const post: FeedPost = {
    id: '6f1c1f3e-4a59-4c5e-9a0e-0c7a8c1d2e3f',
    slug: 'hello-abc123',
    title: 'Hello',
    excerpt: 'A first post.',
    body: 'A **first** post with <script>alert(1)</script> and [a link](https://example.com).',
    publishedAt: at,
    updatedAt: at,
    author: { handle: 'ada', displayName: 'Ada' },
  };

  it('gives each post a permanent id, absolute links, and its sanitized HTML', () => {
    const xml = postsFeed({ base: 'https://aog.example', id: 'x', title: 'T', selfPath: '/feed.xml', pagePath: '/', posts: [post] });
    expect(xml).toContain(`<id>urn:uuid:${post.id}</id>`);
    expect(xml).toContain('<link rel="alternate" type="text/html" href="https://aog.example/posts/hello-abc123"/>');
    expect(xml).toContain('<uri>https://aog.example/u/ada</uri>');
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="https://aog.example/feed.xml"/>');
    expect(xml).toContain('&lt;strong&gt;first&lt;/strong&gt;');
    // Raw HTML in markdown never reaches the sanitized output, escaped or not.
    expect(xml).not.toMatch(/script/i);
  });
});
