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
