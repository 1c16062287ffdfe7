// `npm run screenshots`: every page at desktop and phone sizes, in both themes, with the demo
// data — a tour to look at, not a test of behaviour. Files land in e2e/screenshots/ (ignored by
// git; the README shows a few). Run by e2e/run.mts like the specs, only when TOUR=1.
import { mkdirSync } from 'node:fs';
import { test, type Browser, type Page } from '@playwright/test';
import { ADMIN_FIXTURE } from './admin-data';
import { DEMO_PASSWORD } from './fixtures';

const OUT = 'e2e/screenshots';
const SIZES = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const THEMES = ['light', 'dark'] as const;

test.describe.configure({ mode: 'serial' });
test.setTimeout(600_000);

async function signedIn(browser: Browser, identifier: string, password: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/signin');
  await page.getByLabel('E-mail or handle').fill(identifier);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
  return { context, page };
}

/** Every size and theme of one page. */
async function shoot(page: Page, who: string, name: string, path: string) {
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const theme of THEMES) {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(path, { waitUntil: 'networkidle' });
      await page.screenshot({ path: `${OUT}/${who}-${name}-${size.name}-${theme}.png`, fullPage: true });
    }
  }
}

/** The href of the first link on `path` matching `selector`. */
async function firstHref(page: Page, path: string, selector: string) {
  await page.goto(path);
  return (await page.locator(selector).first().getAttribute('href')) ?? path;
}

test('the tour', async ({ browser, page }) => {
  mkdirSync(OUT, { recursive: true });
  // A demo mentor's post (with its discussion), not whatever a fixture wrote last.
  const post = await firstHref(page, '/u/demo_mentor', 'main a[href^="/posts/"]:not([href="/posts/new"])');
  for (const [name, path] of [
    ['home', '/'],
    ['mentors', '/mentors'],
    ['mentors-search', '/mentors?q=react&accepting=1'],
    ['mentor-profile', '/u/demo_mentor'],
    ['post', post],
    ['feed', '/feed'],
    ['insights', '/insights'],
    ['insights-90d', '/insights?window=90d'],
    ['signin', '/signin'],
    ['signup', '/signup'],
    ['not-found', '/u/nobody_here'],
  ] as const) {
    await shoot(page, 'visitor', name, path);
  }

  const mentee = await signedIn(browser, 'mentee@example.com', DEMO_PASSWORD);
  for (const [name, path] of [
    ['home', '/'],
    ['welcome', '/welcome'],
    ['suggestions', '/welcome/suggestions'],
    ['feed', '/feed'],
    ['requests', '/requests'],
    ['mentorships', '/mentorships'],
    ['connections', '/connections'],
    ['notifications', '/notifications'],
    ['settings', '/settings'],
    ['write', '/posts/new'],
  ] as const) {
    await shoot(mentee.page, 'mentee', name, path);
  }
  await mentee.context.close();

  const mentor = await signedIn(browser, 'mentor@example.com', DEMO_PASSWORD);
  const mentorship = await firstHref(mentor.page, '/mentorships', 'main a[href^="/mentorships/"]');
  for (const [name, path] of [
    ['requests', '/requests'],
    ['mentorships', '/mentorships'],
    ['mentorship', mentorship],
    ['insights-mine', '/insights/mine'],
    ['notifications', '/notifications'],
    ['settings', '/settings'],
    ['blocked', '/settings/blocked'],
  ] as const) {
    await shoot(mentor.page, 'mentor', name, path);
  }
  await mentor.context.close();

  const admin = await signedIn(browser, ADMIN_FIXTURE.admin.handle, ADMIN_FIXTURE.password);
  for (const [name, path] of [
    ['queue', '/admin'],
    ['log', '/admin/log'],
  ] as const) {
    await shoot(admin.page, 'admin', name, path);
  }
  await admin.context.close();
});
