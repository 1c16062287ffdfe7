import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { becomeMentor, header, sendRequest, signUp } from './fixtures';

test('the mentor sees the unread count rise when a request arrives and fall when it is read', async ({ browser }) => {
  test.slow();
  const mentorPage = await (await browser.newContext()).newPage();
  const menteePage = await (await browser.newContext()).newPage();
  const mentor = await signUp(mentorPage);
  await becomeMentor(mentorPage);
  const bell = header(mentorPage).getByTestId('bell');
  await expect(bell).toHaveAccessibleName('Notifications');

  const mentee = await signUp(menteePage);
  await sendRequest(menteePage, mentor.handle);
  await mentorPage.reload();
  await expect(bell).toHaveAccessibleName('Notifications, 1 unread');
  await expect(bell).toContainText('1');
  // Requests are mailed at once (by default): the mail is queued with the notification.
  await menteePage.goto('/dev/outbox');
  const mail = menteePage.getByRole('listitem').filter({ hasText: `To ${mentor.email}` });
  await expect(mail).toHaveCount(1);
  await expect(mail).toContainText(`${mentee.displayName} asked you for a mentorship`);
  await expect(mail).toContainText('request_received');

  await bell.click();
  await expect(mentorPage.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();
  const item = mentorPage.getByRole('link', { name: `Unread: ${mentee.displayName} asked you for a mentorship` });
  await expect(item).toBeVisible();
  expect((await new AxeBuilder({ page: mentorPage }).analyze()).violations.map((v) => v.id)).toEqual([]);
  await item.click();
  await expect(mentorPage).toHaveURL(/\/requests$/);
  await expect(bell).toHaveAccessibleName('Notifications');

  // Withdrawing tells the mentor too; "Mark all read" clears it.
  await menteePage.goto('/requests');
  await menteePage.getByRole('button', { name: 'Withdraw' }).first().click();
  await expect(menteePage.getByRole('button', { name: 'Withdraw' })).toHaveCount(0);
  await mentorPage.goto('/notifications');
  await expect(bell).toHaveAccessibleName('Notifications, 1 unread');
  await expect(mentorPage.getByRole('link', { name: `Unread: ${mentee.displayName} withdrew their request` })).toBeVisible();
  await mentorPage.getByRole('button', { name: 'Mark all read' }).click();
  await expect(mentorPage.getByText('All caught up.')).toBeVisible();
  await mentorPage.reload();
  await expect(bell).toHaveAccessibleName('Notifications');
  await expect(mentorPage.getByText('You are all caught up.')).toBeVisible();
});

test('preferences are per kind and are kept', async ({ page }) => {
  await signUp(page);
  await page.goto('/settings');
  const reactions = page.getByLabel('Reactions to your writing');
  await expect(reactions).toHaveValue('in_app');
  await reactions.selectOption('off');
  await page.getByLabel('New messages in your mentorships').selectOption('in_app');
  await page.getByRole('button', { name: 'Save notification settings' }).click();
  await expect(page.getByText('Notification settings saved.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Reactions to your writing')).toHaveValue('off');
  await expect(page.getByLabel('New messages in your mentorships')).toHaveValue('in_app');
});

test('someone else’s notification does not open, and the page needs a member', async ({ page }) => {
  await page.goto('/notifications');
  await expect(page).toHaveURL(/\/signin/);
  await signUp(page);
  await page.goto('/notifications/00000000-0000-4000-8000-000000000000');
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByText('Nothing yet.')).toBeVisible();
});
