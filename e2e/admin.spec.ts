import { expect, test, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { ADMIN_FIXTURE } from './admin-data';
import { expectNoSeriousViolations, expectNoSeriousViolationsInBothThemes, header, signIn, signUp } from './fixtures';

// Moderation (issue 8). The admin is made before the server starts by `npm run admin:grant`
// (e2e/run.mts, e2e/admin-fixture.mts); the reports come in through the members' own forms.

async function member(browser: Browser) {
  const page = await (await browser.newContext()).newPage();
  const who = await signUp(page);
  return { page, ...who };
}

/** The fixture admin, signed in; `options` for the context that then uses the session (e.g. no JavaScript). */
async function admin(browser: Browser, options: BrowserContextOptions = {}) {
  const signing = await (await browser.newContext()).newPage();
  await signIn(signing, ADMIN_FIXTURE.admin.handle, ADMIN_FIXTURE.password);
  await expect(header(signing).getByRole('button', { name: 'Sign out' })).toBeVisible();
  const context = await browser.newContext({ ...options, storageState: await signing.context().storageState() });
  return context.newPage();
}

const THANKS = 'Thanks — a moderator will review it.';
const postPath = `/posts/${ADMIN_FIXTURE.postSlug}`;
const hiddenNow = (page: Page) => page.getByRole('region', { name: /^Hidden and suspended now/ });

test('an admin hides a reported post, visitors lose it, the admin restores it, and the log lists both', async ({ browser }) => {
  test.slow();
  const title = ADMIN_FIXTURE.postTitle;

  // A member reports the post through its own form.
  const reporter = await member(browser);
  await reporter.page.goto(postPath);
  await reporter.page.locator('summary', { hasText: /^Report/ }).click();
  const form = reporter.page.getByRole('form', { name: 'Report this post' });
  await form.getByLabel('What is wrong?').selectOption({ label: 'Spam or advertising' });
  await form.getByLabel('Anything a moderator should know (optional)').fill('Bad advice sold as a shortcut.');
  await form.getByRole('button', { name: 'Send report' }).click();
  await expect(reporter.page.getByText(THANKS)).toBeVisible();

  // The queue shows it, with what the reporter said.
  const page = await admin(browser);
  await page.goto('/');
  await header(page).getByRole('link', { name: 'Moderation' }).click();
  await expect(page.getByRole('heading', { name: 'Moderation', level: 1 })).toBeVisible();
  const entry = page.getByRole('article', { name: `Post: ${title}` });
  await expect(entry.getByText(/^1 report · Spam or advertising · latest/)).toBeVisible();
  await expect(entry.getByText('Bad advice sold as a shortcut.')).toBeVisible();
  await expect(entry.getByRole('link', { name: `@${ADMIN_FIXTURE.author.handle}` })).toBeVisible();
  await expectNoSeriousViolationsInBothThemes(page);

  await entry.getByLabel('Note for the audit log (optional)').fill('Misleading, and selling a course');
  await entry.getByRole('button', { name: /^Hide post/ }).click();
  await expect(page).toHaveURL(/\/admin\?done=hide_post&resolved=1$/);
  await expect(page.getByText('The post is hidden. 1 report resolved.')).toBeVisible();
  await expect(page.getByRole('article', { name: `Post: ${title}` })).toHaveCount(0);

  // Gone for a visitor and for the member who reported it; the admin still sees it, marked.
  const visitor = await (await browser.newContext()).newPage();
  expect((await visitor.goto(postPath))!.status()).toBe(404);
  expect((await reporter.page.goto(postPath))!.status()).toBe(404);
  await reporter.page.goto(`/u/${ADMIN_FIXTURE.author.handle}`);
  await expect(reporter.page.getByRole('heading', { name: ADMIN_FIXTURE.author.displayName })).toBeVisible();
  await expect(reporter.page.getByRole('link', { name: title })).toHaveCount(0);
  await page.goto(postPath);
  await expect(page.getByText('Hidden by a moderator.')).toBeVisible();

  // Restored from the list of what is hidden now.
  await page.goto('/admin');
  await expectNoSeriousViolations(page);
  await hiddenNow(page).getByRole('listitem').filter({ hasText: title }).getByRole('button', { name: /^Restore post/ }).click();
  await expect(page.getByText('The post is visible again.')).toBeVisible();
  expect((await visitor.goto(postPath))!.status()).toBe(200);
  await expect(visitor.getByRole('heading', { name: title, level: 1 })).toBeVisible();

  // The audit log: both actions, and the grant that made this admin.
  await page.goto('/admin/log');
  await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
  const rows = page.getByRole('row').filter({ hasText: title });
  await expect(rows.filter({ hasText: 'Hid a post' })).toContainText('Misleading, and selling a course');
  await expect(rows.filter({ hasText: 'Hid a post' })).toContainText(`@${ADMIN_FIXTURE.admin.handle}`);
  await expect(rows.filter({ hasText: 'Restored a post' })).toHaveCount(1);
  await expect(page.getByRole('row').filter({ hasText: 'Made an admin' }).filter({ hasText: `@${ADMIN_FIXTURE.admin.handle}` })).toContainText(
    'Command line',
  );
  await expectNoSeriousViolationsInBothThemes(page);
});

test('a suspended member is signed out and their profile hidden until an admin restores them, all without JavaScript', async ({ browser }) => {
  test.slow();
  const suspect = await member(browser);
  const reporter = await member(browser);
  await reporter.page.goto(`/u/${suspect.handle}`);
  const safety = reporter.page.getByRole('region', { name: `Block or report ${suspect.displayName}` });
  await safety.locator('summary', { hasText: /^Report/ }).click();
  await safety.getByLabel('What is wrong?').selectOption({ label: 'Pretending to be someone else' });
  await safety.getByRole('button', { name: 'Send report' }).click();
  await expect(reporter.page.getByText(THANKS)).toBeVisible();

  const page = await admin(browser, { javaScriptEnabled: false });
  await page.goto('/admin');
  const entry = page.getByRole('article', { name: `Profile: ${suspect.displayName} (@${suspect.handle})` });
  await entry.getByLabel('Note for the audit log (optional)').fill('Impersonating a well-known engineer');
  await entry.getByRole('button', { name: new RegExp(`^Suspend @${suspect.handle}`) }).click();
  await expect(page.getByText('The account is suspended. 1 report resolved.')).toBeVisible();

  // Their session is still there, but it no longer counts, and a page that needs them says why.
  await suspect.page.goto('/settings');
  await expect(suspect.page).toHaveURL(/\/signin\?suspended=1$/);
  await expect(suspect.page.getByText('This account is suspended.')).toBeVisible();
  await expect(header(suspect.page).getByRole('link', { name: 'Sign in' })).toBeVisible();
  expect((await reporter.page.goto(`/u/${suspect.handle}`))!.status()).toBe(404);
  await expect(reporter.page.getByRole('heading', { name: 'This profile is not available' })).toBeVisible();

  await page.goto('/admin');
  await hiddenNow(page)
    .getByRole('listitem')
    .filter({ hasText: `@${suspect.handle}` })
    .getByRole('button', { name: /^Restore account/ })
    .click();
  await expect(page.getByText('The account is restored.')).toBeVisible();
  expect((await reporter.page.goto(`/u/${suspect.handle}`))!.status()).toBe(200);
  await suspect.page.goto('/settings');
  await expect(suspect.page).toHaveURL(/\/settings$/);

  await page.goto('/admin/log');
  const rows = page.getByRole('row').filter({ hasText: `@${suspect.handle}` });
  await expect(rows.filter({ hasText: 'Suspended an account' })).toContainText('Impersonating a well-known engineer');
  await expect(rows.filter({ hasText: 'Restored an account' })).toHaveCount(1);
});

test('a member gets a 404 at /admin and /admin/log, as for any page that does not exist', async ({ browser }) => {
  const { page } = await member(browser);
  await expect(header(page).getByRole('link', { name: 'Moderation' })).toHaveCount(0);
  for (const path of ['/admin', '/admin/log']) {
    expect((await page.goto(path))!.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'We could not find that page' })).toBeVisible();
  }
});
