import { expect, test } from '@playwright/test';
import { expectNoSeriousViolationsInBothThemes, signUp } from './fixtures';

test('a visitor sees the question, the answer so far, both paths, mentors taking requests and recent writing', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Should you ask for a mentorship, or let one grow?');
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);

  const main = page.getByRole('main');
  await expect(main.getByRole('link', { name: 'Find a mentor to ask' })).toHaveAttribute('href', '/mentors');
  await expect(main.getByRole('link', { name: 'Follow people and grow' })).toHaveAttribute('href', '/feed');

  // The experiment's headline, as the insights page states it.
  const soFar = page.getByRole('region', { name: 'What the numbers say so far' });
  await expect(soFar.getByTestId('headline')).toHaveText(/\w.+\./);
  await expect(soFar.getByRole('link', { name: 'See the numbers' })).toHaveAttribute('href', '/insights');

  // Only mentors who can take a request now, and a link to all of them.
  const mentors = page.getByRole('region', { name: 'Mentors taking requests now' });
  await expect(mentors.getByRole('article')).toHaveCount(3);
  for (const card of await mentors.getByRole('article').all()) await expect(card).toContainText(/\d+ of \d+ slots? open/);
  await expect(mentors.getByRole('link', { name: 'All mentors with open slots' })).toHaveAttribute('href', '/mentors?accepting=1');

  const recent = page.getByRole('region', { name: 'Recently written' });
  await expect(recent.getByRole('article')).toHaveCount(3);
  await expect(recent.getByRole('heading', { level: 3 })).toHaveCount(3);

  await expectNoSeriousViolationsInBothThemes(page);

  await soFar.getByRole('link', { name: 'See the numbers' }).click();
  await expect(page).toHaveURL(/\/insights$/);
  await expect(page.getByTestId('headline')).toBeVisible();
});

test('a member is offered their own requests and feed', async ({ page }) => {
  await signUp(page);
  await page.goto('/');
  const main = page.getByRole('main');
  await expect(main.getByRole('link', { name: 'Your requests' })).toHaveAttribute('href', '/requests');
  await expect(main.getByRole('link', { name: 'Your feed' })).toHaveAttribute('href', '/feed');
  await expect(main.getByRole('link', { name: 'Follow people and grow' })).toHaveCount(0);
  await expect(main.getByRole('link', { name: 'Find a mentor to ask' })).toHaveAttribute('href', '/mentors');
  await expectNoSeriousViolationsInBothThemes(page);
});

test('the landing page works at 360 pixels wide without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/');
  await expect(page.getByRole('main').getByRole('link', { name: 'Find a mentor to ask' })).toBeInViewport();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoSeriousViolationsInBothThemes(page);
});
