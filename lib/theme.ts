// Client-safe: the theme names and the cookie that holds a reader's choice, read by the root
// layout (which puts it on <html data-theme>), the proxy and the page cache (lib/page-cache.ts).

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_COOKIE = 'theme';
/** A year: a choice of colours is not worth asking for again. */
export const THEME_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

/** The theme a cookie value names; anything else (no cookie, an old or forged value) follows the system. */
export function parseTheme(value: string | undefined): Theme {
  return (THEMES as readonly string[]).includes(value ?? '') ? (value as Theme) : 'system';
}
