import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations, fromOwnAddress, newMember, signIn, signUp, TRY_AGAIN, wellInsideWindow } from './fixtures';

// The limits themselves (lib/rate-limits.ts) are tested against the database in Vitest; here,
// that a person who reaches one is told by the form how long to wait, not shown an error page.

test('ten wrong passwords for one account, from anywhere: the eleventh attempt is told when to try again', async ({ browser }) => {
  test.setTimeout(120_000);
  const member = await signUp(await (await browser.newContext()).newPage());
  await wellInsideWindow(15 * 60);
  const page = await (await browser.newContext()).newPage();
  const status = page.getByRole('status');
  for (let i = 1; i <= 10; i++) {
    // signIn() gives every attempt an address of its own: the limit is the account's.
    await signIn(page, member.handle, `wrong password ${i}`);
    await expect(status, `attempt ${i}`).toHaveText('E-mail, handle or password is incorrect.');
  }
  // Even the right password waits now: the guesser cannot tell it was right.
  await signIn(page, member.email, member.password);
  await expect(status).toHaveText(TRY_AGAIN);
  await expect(page).toHaveURL(/\/signin$/);
  await expect(page.getByLabel('E-mail or handle')).toHaveValue(member.email);
  await expectNoSeriousViolations(page);
});

test('one address makes five accounts an hour; the sixth sign-up is told when to try again', async ({ browser }) => {
  test.setTimeout(120_000);
  await wellInsideWindow(60 * 60);
  const address = `10.255.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;
  async function signUpFrom(member = newMember()) {
    const page = await (await browser.newContext()).newPage();
    await fromOwnAddress(page, address);
    await page.goto('/signup');
    await page.getByLabel('Display name').fill(member.displayName);
    await page.getByLabel('Handle').fill(member.handle);
    await page.getByLabel('E-mail').fill(member.email);
    await page.getByLabel('Password').fill(member.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    return { page, member };
  }
  for (let i = 1; i <= 5; i++) {
    const { page } = await signUpFrom();
    await expect(page, `sign-up ${i}`).toHaveURL(/\/welcome$/);
  }
  const { page, member } = await signUpFrom();
  await expect(page.getByRole('status')).toHaveText(TRY_AGAIN);
  await expect(page).toHaveURL(/\/signup$/);
  // What was typed stays, but the password.
  await expect(page.getByLabel('Handle')).toHaveValue(member.handle);
  await expect(page.getByLabel('Password')).toHaveValue('');
  await expectNoSeriousViolations(page);
});
