import { expect, test } from '@playwright/test';
import { becomeMentor, expectNoSeriousViolations, sendRequest, signUp } from './fixtures';

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
  '/feed',
  '/feed?cursor=not-a-cursor',
  '/posts/no-such-post-000000',
  '/insights',
  '/insights?window=90d',
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

    test('the Ask path: the request form, requests, a mentorship and the list have no serious accessibility violations', async ({ browser }) => {
      test.slow();
      const mentorPage = await (await browser.newContext({ colorScheme: scheme })).newPage();
      const menteePage = await (await browser.newContext({ colorScheme: scheme })).newPage();
      const mentor = await signUp(mentorPage);
      await becomeMentor(mentorPage, { startPreference: 'grow' });
      const mentee = await signUp(menteePage);

      await menteePage.goto(`/u/${mentor.handle}/ask`);
      await expectNoSeriousViolations(menteePage);
      await menteePage.getByRole('button', { name: 'Send request' }).click();
      await expect(menteePage.locator('#message-error')).toBeVisible();
      await expectNoSeriousViolations(menteePage);
      await sendRequest(menteePage, mentor.handle);
      await expectNoSeriousViolations(menteePage);
      await menteePage.goto(`/u/${mentor.handle}/ask`);
      await expectNoSeriousViolations(menteePage);

      await mentorPage.goto('/requests');
      const received = mentorPage.getByRole('article', { name: mentee.displayName });
      await received.locator('summary').click();
      await received.getByRole('button', { name: 'Decline request' }).click();
      await expect(received.locator('[id^="reason-"][id$="-error"]')).toBeVisible();
      await expectNoSeriousViolations(mentorPage);
      await received.getByRole('button', { name: /^Accept/ }).click();
      await expect(mentorPage).toHaveURL(/\/mentorships\//);
      await mentorPage.getByLabel(`Write to ${mentee.displayName}`).fill('Welcome aboard.');
      await mentorPage.getByRole('button', { name: 'Send message' }).click();
      await expect(mentorPage.getByRole('list', { name: 'Message thread' })).toContainText('Welcome aboard.');
      await mentorPage.locator('summary').filter({ hasText: 'End mentorship' }).click();
      await expectNoSeriousViolations(mentorPage);
      await mentorPage.getByRole('radio', { name: /^Ended early/ }).check();
      await mentorPage.getByLabel('The main reason').selectOption('schedule');
      await mentorPage.getByRole('radio', { name: '3 — good' }).check();
      await mentorPage.getByRole('button', { name: 'End mentorship' }).click();
      await expect(mentorPage.getByRole('heading', { name: 'How it ended' })).toBeVisible();

      await menteePage.goto(mentorPage.url());
      await expect(menteePage.getByRole('heading', { name: 'Rate this mentorship' })).toBeVisible();
      await expectNoSeriousViolations(menteePage);
      await menteePage.goto('/mentorships');
      await expectNoSeriousViolations(menteePage);
      await menteePage.goto('/requests');
      await expectNoSeriousViolations(menteePage);
    });
  });
}
