import { randomBytes } from 'node:crypto';
import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo-password-2026';
export const PASSWORD = 'a long enough password';

export function newMember() {
  const handle = `e2e_${randomBytes(5).toString('hex')}`;
  return { displayName: `Test ${handle.slice(4)}`, handle, email: `${handle}@example.com`, password: PASSWORD };
}

export async function signUp(page: Page, member = newMember()) {
  await page.goto('/signup');
  await page.getByLabel('Display name').fill(member.displayName);
  await page.getByLabel('Handle').fill(member.handle);
  await page.getByLabel('E-mail').fill(member.email);
  await page.getByLabel('Password').fill(member.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(new RegExp(`/u/${member.handle}$`));
  return member;
}

export async function signIn(page: Page, identifier: string, password: string) {
  await page.goto('/signin');
  await page.getByLabel('E-mail or handle').fill(identifier);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export const header = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** Signs out through the header and waits until the session is really gone. */
export async function signOut(page: Page) {
  await header(page).getByRole('button', { name: 'Sign out' }).click();
  await expect(header(page).getByRole('link', { name: 'Sign in' })).toBeVisible();
}
