import { describe, expect, it } from 'vitest';
import { directoryHref, parseDirectoryQuery } from './directory';

describe('directory URL', () => {
  it('reads every filter from the URL', () => {
    const { query, notices } = parseDirectoryQuery({
      q: '  rust  mentor ',
      tag: ['Rust', 'systems design', 'rust'],
      accepting: '1',
      prefers: 'grow',
      lang: 'DE',
      sort: 'followers',
      page: '3',
    });
    expect(notices).toEqual([]);
    expect(query).toEqual({
      q: 'rust mentor',
      tags: ['rust', 'systems-design'],
      accepting: true,
      prefers: 'grow',
      lang: 'de',
      sort: 'followers',
      page: 3,
    });
  });

  it('ignores malformed values and says so, instead of failing', () => {
    const { query, notices } = parseDirectoryQuery({ prefers: 'maybe', lang: 'klingon', sort: 'random', page: '-4', q: 'x'.repeat(500) });
    expect(query).toMatchObject({ prefers: undefined, lang: undefined, sort: 'relevance', page: 1 });
    expect(query.q).toHaveLength(200);
    expect(notices).toHaveLength(5);
  });

  it('round-trips through directoryHref so a search can be shared', () => {
    const { query } = parseDirectoryQuery({ q: 'go & rust', tag: ['go', 'rust'], accepting: '1', lang: 'en', sort: 'newest', page: '2' });
    const href = directoryHref(query);
    expect(href).toBe('/mentors?q=go+%26+rust&tag=go&tag=rust&accepting=1&lang=en&sort=newest&page=2');
    const params = Object.fromEntries([...new URL(href, 'http://x').searchParams.keys()].map((k) => [k, new URL(href, 'http://x').searchParams.getAll(k)]));
    expect(parseDirectoryQuery(params).query).toEqual(query);
  });
});
