// Light and dark themes (lib/theme.ts, app/globals.css): the system's by default, a choice kept in
// a cookie, right on the first paint, and the header's toggle working with or without JavaScript.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoSeriousViolations, header, signUp } from './fixtures';

/** The page's background as the browser paints it: what a reader sees, not a class name. */
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

/** The two backgrounds, as the system's light and dark schemes show them with no choice made. */
async function systemBackgrounds(browser: Browser) {
  const found = { light: '', dark: '' };
  for (const colorScheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto('/insights');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'system');
    found[colorScheme] = await background(page);
    await context.close();
  }
  expect(found.light).not.toBe(found.dark);
  return found;
}

async function expectShown(page: Page, theme: 'system' | 'light' | 'dark', painted: string) {
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
  await expect.poll(() => background(page)).toBe(painted);
}

const toDark = (page: Page) => header(page).getByRole('button', { name: 'Switch to dark theme' });
const toLight = (page: Page) => header(page).getByRole('button', { name: 'Switch to light theme' });

const themeCookie = async (page: Page) => (await page.context().cookies()).find((c) => c.name === 'theme');

test('a visitor on a light system switches to dark: at once, and still after a reload', async ({ page, browser }) => {
  const bg = await systemBackgrounds(browser);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/mentors');
  await expectShown(page, 'system', bg.light);
  await expect(toLight(page)).toBeHidden();

  await toDark(page).click();
  await expectShown(page, 'dark', bg.dark);
  await expect(toLight(page)).toBeVisible();
  await expect(toDark(page)).toBeHidden();
  await expect.poll(async () => (await themeCookie(page))?.value).toBe('dark');
  const cookie = (await themeCookie(page))!;
  expect(cookie).toMatchObject({ path: '/', sameSite: 'Lax' });
  expect(cookie.expires * 1000 - Date.now()).toBeGreaterThan(360 * 24 * 3600 * 1000);

  // The server's own html is dark: no script had to run for it.
  await page.reload();
  await expectShown(page, 'dark', bg.dark);
  await page.goto('/feed');
  await expectShown(page, 'dark', bg.dark);

  await toLight(page).click();
  await expectShown(page, 'light', bg.light);
  await expect.poll(async () => (await themeCookie(page))?.value).toBe('light');
  // Light is light even when the system turns dark.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  await expectShown(page, 'light', bg.light);
});

test('a member chooses the theme in settings; "System" follows the system both ways', async ({ page, browser }) => {
  const bg = await systemBackgrounds(browser);
  await page.emulateMedia({ colorScheme: 'light' });
  await signUp(page);
  await page.goto('/settings');
  const themes = page.getByRole('group', { name: 'Theme' });
  await expect(themes.getByRole('radio', { name: /^System/ })).toBeChecked();

  await themes.getByRole('radio', { name: /^Dark/ }).check();
  await page.getByRole('button', { name: 'Save theme' }).click();
  await expect(page.getByText('Theme saved.')).toBeVisible();
  await expectShown(page, 'dark', bg.dark);
  await page.reload();
  await expect(themes.getByRole('radio', { name: /^Dark/ })).toBeChecked();

  await themes.getByRole('radio', { name: /^System/ }).check();
  await page.getByRole('button', { name: 'Save theme' }).click();
  await expect(page.getByText('Theme saved.')).toBeVisible();
  await expect(themes.getByRole('radio', { name: /^System/ })).toBeChecked();
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectShown(page, 'system', bg.dark);
  // The toggle offers the opposite of what the system shows, without asking the server.
  await expect(toLight(page)).toBeVisible();
  await page.emulateMedia({ colorScheme: 'light' });
  await expectShown(page, 'system', bg.light);
  await expect(toDark(page)).toBeVisible();
  await page.reload();
  await expectShown(page, 'system', bg.light);
});

test('without JavaScript the toggle still works, on a light system and on a dark one', async ({ browser }) => {
  const bg = await systemBackgrounds(browser);
  for (const system of ['light', 'dark'] as const) {
    const context = await browser.newContext({ javaScriptEnabled: false, colorScheme: system });
    const page = await context.newPage();
    await page.goto('/');
    await expectShown(page, 'system', bg[system]);
    const other = system === 'light' ? 'dark' : 'light';
    // The button shown is the one that leads away from what the system shows.
    await (other === 'dark' ? toDark(page) : toLight(page)).click();
    await expectShown(page, other, bg[other]);
    await page.reload();
    await expectShown(page, other, bg[other]);
    await (other === 'dark' ? toLight(page) : toDark(page)).click();
    await expectShown(page, system, bg[system]);
    await context.close();
  }
});

// The forced themes against the opposite system: what is checked is the chosen theme, not the system's.
for (const [theme, system] of [
  ['dark', 'light'],
  ['light', 'dark'],
] as const) {
  test(`the forced ${theme} theme (on a ${system} system) has no serious accessibility violations`, async ({ page, browser, baseURL }) => {
    const bg = await systemBackgrounds(browser);
    await page.emulateMedia({ colorScheme: system });
    await page.context().addCookies([{ name: 'theme', value: theme, url: baseURL! }]);
    for (const path of ['/', '/mentors', '/feed', '/insights', '/signin']) {
      await page.goto(path);
      await expectShown(page, theme, bg[theme]);
      await expectNoSeriousViolations(page);
    }
    await signUp(page);
    await page.goto('/settings');
    await expectShown(page, theme, bg[theme]);
    await expectNoSeriousViolations(page);
  });
}
