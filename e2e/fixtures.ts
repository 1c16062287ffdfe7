import { randomBytes, randomInt } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo-password-2026';
export const PASSWORD = 'a long enough password';

export function newMember() {
  const handle = `e2e_${randomBytes(5).toString('hex')}`;
  return { displayName: `Test ${handle.slice(4)}`, handle, email: `${handle}@example.com`, password: PASSWORD };
}

/**
 * Gives the page a client address of its own (a private one, as no real client has). The test
 * server trusts X-Forwarded-For (e2e/run.mts), so each sign-up and sign-in comes from its own
 * address, as distinct people's would, and the suite shares no per-address rate limit.
 */
export async function fromOwnAddress(page: Page, address = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`) {
  await page.setExtraHTTPHeaders({ 'X-Forwarded-For': address });
  return address;
}

export async function signUp(page: Page, member = newMember()) {
  await fromOwnAddress(page);
  await page.goto('/signup');
  await page.getByLabel('Display name').fill(member.displayName);
  await page.getByLabel('Handle').fill(member.handle);
  await page.getByLabel('E-mail').fill(member.email);
  await page.getByLabel('Password').fill(member.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/welcome$/);
  return member;
}

/** Signs in through the form, from an address of its own unless `address` is given. */
export async function signIn(page: Page, identifier: string, password: string, address?: string) {
  await fromOwnAddress(page, address);
  await page.goto('/signin');
  await page.getByLabel('E-mail or handle').fill(identifier);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export const header = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** Signs out through the header and waits until the session is really gone. */
export async function signOut(page: Page) {
  await header(page).getByRole('button', { name: 'Sign out' }).click();
  await expect(header(page).getByRole('link', { name: 'Sign in' })).toBeVisible();
}

const START_PREFERENCE_LABELS = { ask: 'Ask me', grow: 'Let it grow', either: 'Either way' } as const;

/** Fills Settings → "Become a mentor" for the signed-in member, so a test has a mentor of its own. */
export async function becomeMentor(
  page: Page,
  profile: { startPreference?: keyof typeof START_PREFERENCE_LABELS; startNote?: string; capacity?: number } = {},
) {
  const startNote = profile.startNote ?? 'Send me a short request with one concrete goal.';
  await page.goto('/settings');
  await page.getByLabel('Headline').fill('Staff engineer who enjoys teaching');
  await page.getByLabel('Expertise').fill('Go, Testing');
  await page.getByLabel('Years of experience').fill('12');
  await page.getByLabel('Capacity').fill(String(profile.capacity ?? 3));
  await page.getByRole('radio', { name: new RegExp(`^${START_PREFERENCE_LABELS[profile.startPreference ?? 'either']}`) }).check();
  await page.getByLabel('In your words: how should someone start with you?').fill(startNote);
  await page.getByRole('button', { name: 'Become a mentor' }).click();
  await expect(page.getByText('Mentor profile saved. You are listed in the directory.')).toBeVisible();
  return { startNote };
}

export const REQUEST_MESSAGE =
  'Hello! I am a backend developer with three years of experience, and I would like to learn how to design systems that last.';

/** Sends a request from the signed-in member to the mentor with this handle, through the form. */
export async function sendRequest(page: Page, mentorHandle: string, request: { message?: string; goals?: string[] } = {}) {
  await page.goto(`/u/${mentorHandle}/ask`);
  await page.getByLabel(/^Your message to /).fill(request.message ?? REQUEST_MESSAGE);
  const goals = request.goals ?? ['Design a service end to end'];
  for (const [i, goal] of goals.entries()) await page.getByLabel(new RegExp(`^Goal ${i + 1}`)).fill(goal);
  await page.getByLabel('How often would you meet?').selectOption('weekly');
  await page.getByLabel('Intended length, in weeks').fill('8');
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page).toHaveURL(/\/requests\?sent=1$/);
}

/** Writes and publishes a post through the editor; returns its path. */
export async function publishPost(page: Page, post: { title: string; body?: string; tags?: string }) {
  await page.goto('/posts/new');
  await page.getByLabel('Title').fill(post.title);
  await page.getByLabel('Your post').fill(post.body ?? `Notes on ${post.title}.`);
  if (post.tags) await page.getByLabel('Tags').fill(post.tags);
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page).toHaveURL(/\/posts\/[a-z0-9-]+-[0-9a-z]{6}\?published=1$/);
  await expect(page.getByText('Your post is published.')).toBeVisible();
  return new URL(page.url()).pathname;
}

/** What a form says to someone who reached a rate limit (lib/rate-limits.ts). */
export const TRY_AGAIN = /^Too many attempts\. Try again in \d+ (seconds?|minutes?)\.$/;

/**
 * The limits count in fixed windows that start over on the clock (every 15 minutes, every hour):
 * a test filling one must not straddle a window's end, so it waits for the next if it is close.
 */
export async function wellInsideWindow(windowSeconds: number, needSeconds = 45) {
  const left = windowSeconds - ((Date.now() / 1000) % windowSeconds);
  if (left < needSeconds) await new Promise((resolve) => setTimeout(resolve, (left + 1) * 1000));
}

/** axe on the page as it is now: no serious or critical violations, each listed by rule and element. */
export async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(serious).toEqual([]);
}

/** Both colour schemes of the system, as the page is used; leaves the page in the light one. */
export async function expectNoSeriousViolationsInBothThemes(page: Page) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoSeriousViolations(page);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
