// The one-second page cache for visitors (lib/page-cache.ts): pages come from memory with a
// fresh nonce each time, members never get a cached page, and a write shows at once.
import { expect, test, type APIResponse } from '@playwright/test';
import { signUp } from './fixtures';

const nonceOf = (response: APIResponse) => /'nonce-([^']+)'/.exec(response.headers()['content-security-policy'] ?? '')?.[1];

test('a visitor gets the page from the cache with a fresh nonce on every script, and sees a member’s change at once', async ({ page, playwright, baseURL }) => {
  const member = await signUp(page);
  const visitor = await playwright.request.newContext({ baseURL });
  const path = `/u/${member.handle}`;

  const first = await visitor.get(path);
  const second = await visitor.get(path);
  for (const response of [first, second]) {
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toBe('public, max-age=0, s-maxage=60, stale-while-revalidate=600');
    const nonce = nonceOf(response);
    expect(nonce).toBeTruthy();
    const html = await response.text();
    const scriptNonces = [...html.matchAll(/<script[^>]*\snonce="([^"]+)"/g)].map((m) => m[1]);
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
  }
  expect(nonceOf(second)).not.toBe(nonceOf(first));

  // The member changes their bio; the visitor's very next view shows it (the write cleared the cache).
  const bio = `Cache check ${Date.now()}`;
  await page.goto('/settings');
  await page.getByLabel('Short bio').fill(bio);
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Profile saved.')).toBeVisible();
  expect(await (await visitor.get(path)).text()).toContain(bio);

  // A member's own view is never stored.
  const own = await page.request.get(path);
  expect(own.headers()['cache-control']).toContain('no-store');
  await visitor.dispose();
});

test('a visitor who chose a theme gets their own page, never a cached copy in another theme, and no shared cache keeps it', async ({ playwright, baseURL }) => {
  const visitors = {
    system: await playwright.request.newContext({ baseURL }),
    dark: await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: 'theme=dark' } }),
    light: await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: 'theme=light' } }),
    // A value that names no theme is the system's, and shares its cached page.
    unknown: await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: 'theme=purple' } }),
  };
  const expected = { system: 'system', dark: 'dark', light: 'light', unknown: 'system' } as const;
  // Several rounds within the cache's second, each theme asking right after another: every answer
  // but the first of each would be a cached copy if the cache did not keep them apart.
  for (let round = 0; round < 3; round++) {
    for (const [who, visitor] of Object.entries(visitors) as [keyof typeof visitors, (typeof visitors)[keyof typeof visitors]][]) {
      for (const path of ['/mentors', '/feed']) {
        const response = await visitor.get(path);
        expect(response.status()).toBe(200);
        const theme = expected[who];
        expect(/<html[^>]*\sdata-theme="([^"]*)"/.exec(await response.text())?.[1], `${who} on ${path}`).toBe(theme);
        expect(response.headers()['cache-control'], `${who} on ${path}`).toBe(
          theme === 'system' ? 'public, max-age=0, s-maxage=60, stale-while-revalidate=600' : 'private, no-store',
        );
      }
    }
  }
  for (const visitor of Object.values(visitors)) await visitor.dispose();
});
