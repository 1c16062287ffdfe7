import { expect, test, type Locator, type Page } from '@playwright/test';
import { becomeMentor, fromOwnAddress, header, newMember, REQUEST_MESSAGE, signUp } from './fixtures';

/*
 * Keyboard only: the person under test never clicks nor fills. Focus moves with Tab, text arrives
 * through page.keyboard.type, and controls are worked with Enter, Space and the arrow keys — so a
 * control that cannot be reached, or reached without a visible focus ring, fails the test.
 * Set-up that is not under test (the mentor's account) uses the ordinary fixtures.
 */

/** Enough for the longest page in the path (header, filters, goals), with room to wrap around once. */
const MAX_TABS = 80;

/** What has the focus, in words, for the failure message. */
const describeFocus = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '(nothing)';
    const name = el.getAttribute('aria-label') || (el as HTMLElement).innerText?.trim().slice(0, 40) || el.getAttribute('name') || '';
    return `${el.tagName.toLowerCase()} "${name}"`;
  });

/** The element has the keyboard focus, and shows it: :focus-visible matches and draws an outline (or a ring). */
async function expectVisibleFocus(target: Locator) {
  await expect(target).toBeFocused();
  await expect(target).toBeInViewport();
  const ring = await target.evaluate((el) => {
    const style = getComputedStyle(el);
    return {
      focusVisible: el.matches(':focus-visible'),
      outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
      shadow: style.boxShadow !== 'none',
    };
  });
  expect(ring.focusVisible, ':focus-visible matches').toBe(true);
  expect(ring.outline || ring.shadow, 'a visible outline or ring').toBe(true);
}

/** Presses Tab (or Shift+Tab) until `target` has the focus, at most `max` times, then checks the focus is visible. */
async function tabTo(page: Page, target: Locator, { max = MAX_TABS, backwards = false } = {}) {
  await expect(target).toHaveCount(1);
  const trail: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    if (await target.evaluate((el) => el === document.activeElement)) {
      await expectVisibleFocus(target);
      return;
    }
    trail.push(await describeFocus(page));
  }
  throw new Error(`Not reached with ${max} presses of Tab: ${target}. The focus went: ${trail.join(' → ')}`);
}

test('the skip link comes first, shows its focus and moves the keyboard past the header', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  await expectVisibleFocus(page.getByRole('link', { name: 'Skip to content' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
  // The next stop is the page's own first action, not the header's links.
  await page.keyboard.press('Tab');
  await expectVisibleFocus(page.getByRole('main').getByRole('link', { name: 'Find a mentor to ask' }));
});

test('the whole Ask path works with the keyboard alone: sign up, find, ask, accept, talk', async ({ browser }) => {
  test.slow();
  // Set-up, not under test: a fresh mentor who prefers to be asked.
  const mentorPage = await (await browser.newContext()).newPage();
  const mentor = await signUp(mentorPage);
  await becomeMentor(mentorPage, { startPreference: 'ask', capacity: 2 });

  const page = await (await browser.newContext()).newPage();
  await fromOwnAddress(page);
  const mentee = newMember();

  // From the landing page to the sign-up form.
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await tabTo(page, header(page).getByRole('link', { name: 'Sign up' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/signup$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Join Ask or Grow' })).toBeVisible();

  for (const [label, value] of [
    ['Display name', mentee.displayName],
    ['Handle', mentee.handle],
    ['E-mail', mentee.email],
    ['Password', mentee.password],
  ] as const) {
    await tabTo(page, page.getByLabel(label, { exact: true }));
    await page.keyboard.type(value);
  }
  await tabTo(page, page.getByRole('button', { name: 'Create account' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/welcome$/);
  await expect(header(page).getByRole('button', { name: 'Sign out' })).toBeVisible();

  // The directory: search by name, then keep only mentors with open slots.
  await tabTo(page, header(page).getByRole('link', { name: 'Mentors', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/mentors$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Find a mentor' })).toBeVisible();
  await tabTo(page, page.getByRole('searchbox', { name: 'Search', exact: true }));
  await page.keyboard.type(mentor.displayName);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]q=/);
  const openSlots = page.getByRole('checkbox', { name: 'Has open slots now' });
  await tabTo(page, openSlots);
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/[?&]accepting=1/);
  await expect(openSlots).toBeChecked();
  const results = page.getByRole('region', { name: new RegExp(`for “${mentor.displayName}”`) });
  await expect(results).toBeVisible();

  // The mentor's page, and its Ask link.
  await tabTo(page, results.getByRole('link', { name: mentor.displayName, exact: true }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/u/${mentor.handle}$`));
  await expect(page.getByRole('heading', { level: 1, name: mentor.displayName })).toBeVisible();
  await tabTo(page, page.getByRole('link', { name: 'Ask for mentorship' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/u/${mentor.handle}/ask$`));
  await expect(page.getByRole('heading', { level: 1, name: `Ask ${mentor.displayName} for mentorship` })).toBeVisible();

  // The request: message, a goal, the cadence with the arrow keys, the length with the arrow keys.
  await tabTo(page, page.getByLabel(`Your message to ${mentor.displayName}`));
  await page.keyboard.type(REQUEST_MESSAGE);
  await tabTo(page, page.getByLabel('Goal 1', { exact: true }));
  await page.keyboard.type('Design a service end to end');
  const cadence = page.getByLabel('How often would you meet?');
  await tabTo(page, cadence);
  await expect(cadence).toHaveValue('fortnightly');
  await page.keyboard.press('ArrowUp');
  await expect(cadence).toHaveValue('weekly');
  const length = page.getByLabel('Intended length, in weeks');
  await tabTo(page, length);
  await expect(length).toHaveValue('12');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  await expect(length).toHaveValue('8');
  await tabTo(page, page.getByRole('button', { name: 'Send request' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/requests\?sent=1$/);
  await expect(page.getByRole('status').filter({ hasText: 'Request sent.' })).toBeVisible();
  await expect(page.getByRole('article', { name: `To ${mentor.displayName}` })).toContainText('Waiting for an answer');

  // The mentor, with the keyboard too, accepts it from their requests.
  await mentorPage.goto('/requests');
  const received = mentorPage.getByRole('article', { name: mentee.displayName });
  await expect(received).toContainText(REQUEST_MESSAGE);
  await expect(received).toContainText('Weekly');
  await expect(received).toContainText('8 weeks');
  await tabTo(mentorPage, received.getByRole('button', { name: `Accept the request from ${mentee.displayName}` }));
  await mentorPage.keyboard.press('Space');
  await expect(mentorPage).toHaveURL(/\/mentorships\/[0-9a-f-]{36}\?started=1$/);
  const mentorshipUrl = mentorPage.url().replace(/\?.*$/, '');

  // The mentee opens the mentorship from their requests and writes the first message.
  await tabTo(page, header(page).getByRole('link', { name: 'Requests', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/requests$/);
  await expect(page.getByText('Accepted: your mentorship has started.')).toBeVisible();
  await tabTo(page, page.getByRole('link', { name: 'Open the mentorship' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(mentorshipUrl);
  await expect(page.getByRole('heading', { level: 1, name: `Mentorship with ${mentor.displayName}` })).toBeVisible();
  await tabTo(page, page.getByLabel(`Write to ${mentor.displayName}`));
  await page.keyboard.type('Hello! Thank you for accepting. Would Tuesday suit you?');
  await tabTo(page, page.getByRole('button', { name: 'Send message' }));
  await page.keyboard.press('Enter');
  const thread = (p: Page) => p.getByRole('list', { name: 'Message thread' });
  await expect(thread(page)).toContainText('Would Tuesday suit you?');

  await mentorPage.reload();
  await expect(thread(mentorPage).getByRole('listitem').filter({ hasText: mentee.displayName })).toContainText('Would Tuesday suit you?');
});
