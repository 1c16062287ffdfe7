import { expect, test, type Browser } from '@playwright/test';
import { signIn } from './fixtures';
import { GROW_FIXTURE } from './grow-data';

async function person(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, GROW_FIXTURE.password);
  await expect(page).toHaveURL(/\/$/);
  return page;
}

// The fixture pair exchanged a comment and a reply nine days ago; this week's exchange, made
// here in the browser, completes the written rule (both sides twice, across two weeks).
test('following, reading and discussing grows a connection the mentor turns into a mentorship', async ({ browser }) => {
  test.slow();
  const { mentor, member } = GROW_FIXTURE;
  const lena = await person(browser, member.email);

  await lena.goto(`/u/${mentor.handle}`);
  await lena.getByRole('button', { name: `Follow ${mentor.displayName}` }).click();
  await expect(lena.getByRole('button', { name: `Unfollow ${mentor.displayName}` })).toBeVisible();
  await expect(lena.getByRole('region', { name: 'Your connection' })).toContainText('You and Ravi Menon');

  await lena.getByRole('link', { name: GROW_FIXTURE.postTitle }).click();
  await expect(lena.getByRole('heading', { level: 1 })).toHaveText(GROW_FIXTURE.postTitle);
  await lena.getByLabel('Add to the discussion').fill('Tried it this week: the problem statement changed the whole review.');
  await lena.getByRole('button', { name: 'Post comment' }).click();
  await expect(lena.getByRole('heading', { name: /^Comments \(3\)/ })).toBeVisible();
  await lena.getByRole('group', { name: 'Reactions to this post' }).getByRole('button', { name: /^Insightful/ }).click();
  await expect(lena.getByRole('group', { name: 'Reactions to this post' }).getByRole('button', { name: /^Insightful/ })).toHaveAttribute('aria-pressed', 'true');

  // Lena's side is there; Ravi has not answered this week: not grown yet.
  await lena.goto('/connections');
  const ravi = lena.getByRole('listitem').filter({ hasText: mentor.displayName });
  await expect(ravi).toContainText('Growing');

  const raviPage = await person(browser, mentor.email);
  await raviPage.goto(`/posts/${GROW_FIXTURE.postSlug}`);
  const newest = raviPage.getByRole('article', { name: member.displayName }).filter({ hasText: 'Tried it this week' });
  await newest.locator('summary', { hasText: 'Reply' }).click();
  await newest.getByLabel(`Reply to ${member.displayName}`).fill('Glad it helped. Next: try reviewing the tests first.');
  await newest.getByRole('button', { name: 'Post reply' }).click();
  await expect(raviPage.getByRole('article', { name: mentor.displayName }).filter({ hasText: 'Next: try reviewing the tests first.' })).toBeVisible();
  const lenaReactions = raviPage.getByRole('group', { name: `Reactions to ${member.displayName}’s comment` }).first();
  await lenaReactions.getByRole('button', { name: /^Thanks/ }).click();
  await expect(lenaReactions.getByRole('button', { name: /^Thanks/ })).toHaveAttribute('aria-pressed', 'true');

  // Both sides, twice, across two weeks: grown, for both of them.
  await raviPage.goto('/connections');
  const lenaRow = raviPage.getByRole('listitem').filter({ hasText: member.displayName });
  await expect(lenaRow).toContainText('Grown');
  await lenaRow.locator('summary', { hasText: `Offer ${member.displayName} a mentorship` }).click();
  await lenaRow.getByLabel('A note (optional)').fill('You ask good questions. Shall we make it a mentorship?');
  await lenaRow.getByRole('button', { name: 'Send offer' }).click();
  await expect(raviPage.getByText('Waiting for an answer')).toBeVisible();

  await lena.goto('/connections');
  await expect(lena.getByRole('listitem').filter({ hasText: mentor.displayName }).first()).toContainText(/Grown|Offers to mentor you/);
  const offer = lena.getByRole('listitem').filter({ hasText: 'Offers to mentor you' });
  await expect(offer).toContainText('You ask good questions.');
  await offer.getByRole('button', { name: 'Accept and start the mentorship' }).click();
  await expect(lena).toHaveURL(/\/mentorships\/[0-9a-f-]{36}/);
  await expect(lena.getByText('Grew from following and discussion')).toBeVisible();

  await raviPage.goto('/mentorships');
  await expect(raviPage.getByRole('main')).toContainText(member.displayName);
  await expect(raviPage.getByRole('main')).toContainText('Grew');
});
