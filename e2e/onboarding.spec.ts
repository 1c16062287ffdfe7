import { expect, test } from '@playwright/test';
import { expectNoSeriousViolationsInBothThemes, header, signUp } from './fixtures';

test('a newcomer says what they are here for and gets mentors who share their interests, to follow or ask', async ({ page }) => {
  const member = await signUp(page);
  await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${member.displayName}` })).toBeVisible();
  // The browser's language is ticked already.
  await expect(page.getByRole('checkbox', { name: 'English' })).toBeChecked();
  await expectNoSeriousViolationsInBothThemes(page);

  await page.getByRole('radio', { name: /^Find a mentor/ }).check();
  await page.getByRole('checkbox', { name: 'TypeScript' }).check();
  await page.getByLabel('Other topics').fill('Underwater Basket-Weaving');
  await page.getByRole('radio', { name: /^Let it grow/ }).check();
  await page.getByRole('button', { name: 'Show my suggestions' }).click();

  await expect(page).toHaveURL(/\/welcome\/suggestions$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Mentors for you' })).toBeVisible();
  const cards = page.getByRole('listitem').filter({ has: page.getByRole('article') });
  await expect(cards.first()).toContainText('Shares your interest in TypeScript');
  expect(await cards.count()).toBeGreaterThan(1);
  await expectNoSeriousViolationsInBothThemes(page);

  // Following from the list keeps the card where it is, now with "Unfollow".
  const first = cards.first();
  const name = (await first.getByRole('heading').textContent())!;
  await first.getByRole('button', { name: `Follow ${name}` }).click();
  await expect(first.getByRole('button', { name: `Unfollow ${name}` })).toBeVisible();
  await expect(cards.first().getByRole('heading')).toHaveText(name);

  // The answers are kept, and can be changed.
  await page.getByRole('link', { name: 'Change my answers' }).click();
  await expect(page.getByRole('checkbox', { name: 'TypeScript' })).toBeChecked();
  // A topic no mentor lists yet is kept, as words.
  await expect(page.getByLabel('Other topics')).toHaveValue('underwater basket weaving');
  await expect(page.getByRole('radio', { name: /^Find a mentor/ })).toBeChecked();

  // The feed now has the followed mentor's writing or suggestions, not an empty page.
  await header(page).getByRole('link', { name: 'Feed' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your feed' })).toBeVisible();
});

test('skipping is one click to mentors one can ask; the home page stops offering onboarding', async ({ page }) => {
  await signUp(page);
  let clicks = 0;
  const click = async (locator: ReturnType<typeof page.getByRole>) => {
    clicks++;
    await locator.click();
  };
  await click(page.getByRole('button', { name: 'Skip for now' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Mentors for you' })).toBeVisible();
  await expect(page.getByText('Some of the most followed mentors who can take someone now.')).toBeVisible();
  await click(page.getByRole('link', { name: /^Ask .* for a mentorship$/ }).first());
  await expect(page).toHaveURL(/\/u\/[^/]+\/ask$/);
  await expect(page.getByLabel(/^Your message to /)).toBeVisible();
  expect(clicks).toBeLessThanOrEqual(3);

  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Tell us what you are looking for' })).toHaveCount(0);
});

test('a member who has not onboarded is offered it on the home page; wanting to mentor leads to the mentor profile', async ({ page }) => {
  await signUp(page);
  await page.goto('/');
  await page.getByRole('link', { name: 'Tell us what you are looking for' }).click();
  await expect(page).toHaveURL(/\/welcome$/);
  await page.getByRole('radio', { name: /^Mentor others/ }).check();
  await page.getByRole('button', { name: 'Show my suggestions' }).click();
  await page.getByRole('link', { name: 'Set up your mentor profile' }).click();
  await expect(page).toHaveURL(/\/settings#mentor-heading$/);
  await expect(page.getByRole('heading', { name: 'Become a mentor' })).toBeVisible();
});

test('onboarding refuses what it does not offer, next to the field', async ({ page }) => {
  await signUp(page);
  await page.getByLabel('Other topics').fill(Array.from({ length: 11 }, (_, i) => `topic ${i}`).join(', '));
  await page.getByRole('button', { name: 'Show my suggestions' }).click();
  await expect(page.locator('#otherInterests-error')).toHaveText('Choose at most 10 topics in all.');
  await expect(page.getByRole('status')).toHaveText('Please correct the highlighted fields.');
  await expect(page.getByLabel('Other topics')).toHaveAttribute('aria-invalid', 'true');
});

test('on a phone, onboarding and the suggestions fit the screen', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signUp(page);
  const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= 390 && window.innerWidth === 390);
  expect(await fits()).toBe(true);
  await page.screenshot({ path: test.info().outputPath('phone-welcome.png'), fullPage: true });
  await page.getByRole('button', { name: 'Show my suggestions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mentors for you' })).toBeVisible();
  expect(await fits()).toBe(true);
  await page.screenshot({ path: test.info().outputPath('phone-suggestions.png'), fullPage: true });
  await context.close();
});
