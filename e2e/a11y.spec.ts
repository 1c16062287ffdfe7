import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signUp } from './fixtures';

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(serious).toEqual([]);
}

const publicPages = [
  '/',
  '/signin',
  '/signup',
  '/mentors',
  '/mentors?tag=react&accepting=1&sort=followers',
  '/mentors?q=nobody+matches+this&prefers=nonsense',
  '/u/demo_mentor',
  '/u/demo_mentee',
  '/u/nobody_here',
];

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    for (const path of publicPages) {
      test(`${path} has no serious accessibility violations`, async ({ page }) => {
        await page.goto(path);
        await expectNoSeriousViolations(page);
      });
    }

    test('pages for members, and forms showing errors, have no serious accessibility violations', async ({ page }) => {
      const member = await signUp(page);
      await expectNoSeriousViolations(page);
      await page.goto('/settings');
      await expectNoSeriousViolations(page);
      await page.getByLabel('Handle').fill('x');
      await page.getByRole('button', { name: 'Save profile' }).click();
      await expect(page.locator('#handle-error')).toBeVisible();
      await expectNoSeriousViolations(page);
      await page.goto(`/u/${member.handle}`);
      await expectNoSeriousViolations(page);
      await page.context().clearCookies();
      await page.goto('/signup');
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect(page.locator('#email-error')).toBeVisible();
      await expectNoSeriousViolations(page);
    });
  });
}
