import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './safe-return-path';

describe('return paths after sign-in', () => {
  it('keeps same-site paths', () => {
    expect(safeReturnPath('/settings')).toBe('/settings');
    expect(safeReturnPath('/u/ada?tab=posts#top')).toBe('/u/ada?tab=posts#top');
  });

  it('keeps only the path of an absolute URL, so it never leaves the site', () => {
    expect(safeReturnPath('http://127.0.0.1:3000/settings')).toBe('/settings');
    expect(safeReturnPath('https://evil.example/phish')).toBe('/phish');
  });

  it.each(['//evil.example', '/\\evil.example', 'javascript:alert(1)', 'data:text/html,hi', '', undefined])(
    'sends %s to the start page',
    (value) => {
      expect(safeReturnPath(value)).toBe('/');
    },
  );
});
