import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, header, newMember, signIn, signOut, signUp } from './fixtures';

test('a newcomer signs up, is welcomed by name, signs out and signs back in', async ({ page }) => {
  const member = await signUp(page);
  await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${member.displayName}` })).toBeVisible();
  await expect(header(page).getByText(member.displayName)).toBeVisible();

  await signOut(page);
  await expect(header(page).getByText(member.displayName)).toHaveCount(0);

  await signIn(page, member.email.toUpperCase(), member.password);
  await expect(page).toHaveURL(/\/$/);
  await expect(header(page).getByText(member.displayName)).toBeVisible();
});

test('the demo mentee can sign in with the documented password', async ({ page }) => {
  await signIn(page, 'mentee@example.com', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/$/);
  await expect(header(page).getByText('Sam Rivera')).toBeVisible();
});

test('a wrong password and an unknown account get the same answer, and the form keeps what was typed', async ({ page }) => {
  const member = await signUp(page);
  await signOut(page);

  await signIn(page, member.email, 'not the password at all');
  const status = page.getByRole('status');
  await expect(status).toHaveText('E-mail, handle or password is incorrect.');
  await expect(page.getByLabel('E-mail or handle')).toHaveValue(member.email);
  await expect(page.getByLabel('Password')).toHaveValue('');

  await signIn(page, 'nobody-here@example.com', 'not the password at all');
  await expect(status).toHaveText('E-mail, handle or password is incorrect.');
  await expect(header(page).getByRole('link', { name: 'Sign in' })).toBeVisible();
});

test('a taken handle, in any letter case, is refused next to the field', async ({ page }) => {
  const member = newMember();
  await page.goto('/signup');
  await page.getByLabel('Display name').fill(member.displayName);
  await page.getByLabel('Handle').fill('Demo_Mentor');
  await page.getByLabel('E-mail').fill(member.email);
  await page.getByLabel('Password').fill(member.password);
  await page.getByRole('button', { name: 'Create account' }).click();

  const handle = page.getByLabel('Handle');
  await expect(handle).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#handle-error')).toHaveText('That handle is taken; please choose another.');
  // Everything else typed is still there; the password is never sent back.
  await expect(page.getByLabel('E-mail')).toHaveValue(member.email);
  await expect(page.getByLabel('Password')).toHaveValue('');
  await expect(page).toHaveURL(/\/signup$/);
});

test('bad sign-up input gets a message beside each field, not an error page', async ({ page }) => {
  await page.goto('/signup');
  await page.getByLabel('Display name').fill('<script>alert(1)</script>\u202E');
  await page.getByLabel('Handle').fill('no spaces!');
  await page.getByLabel('E-mail').fill('not-an-email');
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();

  await expect(page.locator('#displayName-error')).toHaveText('Display name contains invisible or control characters.');
  await expect(page.locator('#handle-error')).toHaveText('Handle may use only letters, digits and underscores.');
  await expect(page.locator('#email-error')).toHaveText('Enter a valid e-mail address, like name@example.com.');
  await expect(page.locator('#password-error')).toHaveText('Password must be at least 10 characters.');
  await expect(page.getByRole('status')).toHaveText('Please correct the highlighted fields.');
});

test('settings need a session: visitors are sent to sign in and come back afterwards', async ({ page }) => {
  const member = await signUp(page);
  await signOut(page);
  await page.goto('/settings');
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel('E-mail or handle').fill(member.handle);
  await page.getByLabel('Password').fill(member.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/settings$/);
});
