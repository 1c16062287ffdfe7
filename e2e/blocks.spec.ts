import { expect, test, type Browser, type Page } from '@playwright/test';
import { becomeMentor, expectNoSeriousViolationsInBothThemes, signUp } from './fixtures';

async function member(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const who = await signUp(page);
  return { page, context, ...who };
}

async function publishPost(page: Page, title: string) {
  await page.goto('/posts/new');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Your post').fill(`Notes on ${title}.`);
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('Your post is published.')).toBeVisible();
  return new URL(page.url()).pathname;
}

const BLOCKED_FOLLOW = 'You cannot follow this member: one of you has blocked the other.';
const BLOCKED_REQUEST = 'You cannot ask for or start a mentorship with this member: one of you has blocked the other.';
const THANKS = 'Thanks — a moderator will review it.';

test('a member blocks another from their profile: no follow, no request; a post is reported; the block is lifted in settings', async ({ browser }) => {
  test.slow();
  const a = await member(browser);
  await becomeMentor(a.page);
  const b = await member(browser);
  const postPath = await publishPost(b.page, 'Thoughts on code review');
  // B follows A before the block; blocking removes it.
  await b.page.goto(`/u/${a.handle}`);
  await b.page.getByRole('button', { name: `Follow ${a.displayName}` }).click();
  await expect(b.page.getByRole('button', { name: `Unfollow ${a.displayName}` })).toBeVisible();

  // A on B's profile, with both disclosures open.
  await a.page.goto(`/u/${b.handle}`);
  const safety = a.page.getByRole('region', { name: `Block or report ${b.displayName}` });
  await safety.locator('summary', { hasText: /^Block/ }).click();
  await safety.locator('summary', { hasText: /^Report/ }).click();
  await expect(safety.getByText('Existing follows between you are removed')).toBeVisible();
  await expect(safety.getByLabel('What is wrong?')).toBeVisible();
  await expectNoSeriousViolationsInBothThemes(a.page);
  await safety.getByRole('button', { name: `Block ${b.displayName}` }).click();
  await expect(safety.getByText('Blocked. Nothing crosses between you two until you unblock.')).toBeVisible();
  await expect(safety.getByRole('button', { name: `Unblock ${b.displayName}` })).toBeVisible();
  await expect(a.page.getByRole('button', { name: `Follow ${b.displayName}` })).toHaveCount(0);

  // B: the follow is gone, and neither following again nor asking gets through.
  await b.page.goto(`/u/${a.handle}`);
  await expect(b.page.getByText(/· 0 followers/)).toBeVisible();
  await b.page.getByRole('button', { name: `Follow ${a.displayName}` }).click();
  await expect(b.page.getByText(BLOCKED_FOLLOW)).toBeVisible();
  await b.page.goto(`/u/${a.handle}/ask`);
  await expect(b.page.getByRole('heading', { name: `You cannot ask ${a.displayName}` })).toBeVisible();
  await expect(b.page.getByText(BLOCKED_REQUEST)).toBeVisible();

  // A reports B's post, with a category and a note.
  await a.page.goto(postPath);
  await a.page.locator('summary', { hasText: /^Report/ }).click();
  const report = a.page.getByRole('form', { name: 'Report this post' });
  await report.getByLabel('What is wrong?').selectOption({ label: 'Spam or advertising' });
  await report.getByLabel('Anything a moderator should know (optional)').fill('Links to a paid course in every paragraph.');
  await report.getByRole('button', { name: 'Send report' }).click();
  await expect(a.page.getByText(THANKS)).toBeVisible();
  await expect(a.page.getByRole('form', { name: 'Report this post' })).toHaveCount(0);
  // Twice is once.
  await a.page.reload();
  await a.page.locator('summary', { hasText: /^Report/ }).click();
  await a.page.getByLabel('What is wrong?').selectOption({ label: 'Harassment or bullying' });
  await a.page.getByRole('button', { name: 'Send report' }).click();
  await expect(a.page.getByText('You already reported this; a moderator will look at it.')).toBeVisible();

  // Settings → Blocked members lists B; unblocking lets B follow again.
  await a.page.goto('/settings');
  await a.page.getByRole('link', { name: 'See and unblock the members you blocked' }).click();
  await expect(a.page.getByRole('heading', { name: 'Blocked members' })).toBeVisible();
  await expect(a.page.getByRole('link', { name: b.displayName })).toBeVisible();
  await expectNoSeriousViolationsInBothThemes(a.page);
  await a.page.getByRole('button', { name: `Unblock ${b.displayName}` }).click();
  await expect(a.page.getByText('Unblocked. They can follow you')).toBeVisible();
  await expect(a.page.getByText('You have not blocked anyone.')).toBeVisible();
  await b.page.goto(`/u/${a.handle}`);
  await b.page.getByRole('button', { name: `Follow ${a.displayName}` }).click();
  await expect(b.page.getByRole('button', { name: `Unfollow ${a.displayName}` })).toBeVisible();
});

test('reporting and blocking work without JavaScript', async ({ browser }) => {
  test.slow();
  const a = await member(browser);
  const b = await member(browser);
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await a.context.storageState() });
  const page = await context.newPage();
  await page.goto(`/u/${b.handle}`);
  await page.locator('summary', { hasText: /^Report/ }).click();
  await page.getByRole('button', { name: 'Send report' }).click();
  await expect(page.getByText('Choose what is wrong.')).toBeVisible();
  await page.getByLabel('What is wrong?').selectOption({ label: 'Pretending to be someone else' });
  await page.getByRole('button', { name: 'Send report' }).click();
  await expect(page.getByText(THANKS)).toBeVisible();

  await page.goto(`/u/${b.handle}`);
  await page.locator('summary', { hasText: /^Block/ }).click();
  await page.getByRole('button', { name: `Block ${b.displayName}` }).click();
  await expect(page.getByRole('button', { name: `Unblock ${b.displayName}` })).toBeVisible();
  await context.close();
});
