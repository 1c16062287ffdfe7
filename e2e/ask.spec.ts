import { expect, test, type Browser, type Page } from '@playwright/test';
import { becomeMentor, DEMO_PASSWORD, newMember, REQUEST_MESSAGE, sendRequest, signIn, signUp } from './fixtures';

/** Two people, each in a browser context of their own: a fresh mentor and a fresh mentee. */
async function mentorAndMentee(browser: Browser, profile: Parameters<typeof becomeMentor>[1] = {}) {
  const mentorPage = await (await browser.newContext()).newPage();
  const menteePage = await (await browser.newContext()).newPage();
  const mentor = await signUp(mentorPage);
  const { startNote } = await becomeMentor(mentorPage, profile);
  const mentee = await signUp(menteePage);
  return { mentor, mentee, mentorPage, menteePage, startNote };
}

const thread = (page: Page) => page.getByRole('list', { name: 'Message thread' });

test('a mentee asks, the mentor accepts, they talk, tick a goal, end it and both rate it', async ({ browser }) => {
  test.slow();
  const { mentor, mentee, mentorPage, menteePage, startNote } = await mentorAndMentee(browser, { startPreference: 'ask', capacity: 2 });

  // The mentee starts from the mentor's page and sees how they like to start before writing.
  await menteePage.goto(`/u/${mentor.handle}`);
  await menteePage.getByRole('link', { name: 'Ask for mentorship' }).click();
  await expect(menteePage).toHaveURL(new RegExp(`/u/${mentor.handle}/ask$`));
  await expect(menteePage.getByRole('heading', { level: 1, name: `Ask ${mentor.displayName} for mentorship` })).toBeVisible();
  await expect(menteePage.getByText('Prefers to be asked')).toBeVisible();
  await expect(menteePage.getByText(startNote)).toBeVisible();
  await expect(menteePage.getByText('2 of 2 slots open')).toBeVisible();

  // Too short a message is refused beside the field, and what was typed stays.
  await menteePage.getByLabel(`Your message to ${mentor.displayName}`).fill('Hi, can you mentor me?');
  await menteePage.getByLabel('Goal 1').fill('Design a service end to end');
  await menteePage.getByRole('button', { name: 'Send request' }).click();
  await expect(menteePage.locator('#message-error')).toContainText('at least 50 characters');
  await expect(menteePage.getByLabel('Goal 1')).toHaveValue('Design a service end to end');

  await menteePage.getByLabel(`Your message to ${mentor.displayName}`).fill(REQUEST_MESSAGE);
  await menteePage.getByLabel('Goal 2 (optional)').fill('Write my first design document');
  await menteePage.getByLabel('How often would you meet?').selectOption('weekly');
  await menteePage.getByLabel('Intended length, in weeks').fill('10');
  await menteePage.getByRole('button', { name: 'Send request' }).click();
  await expect(menteePage).toHaveURL(/\/requests\?sent=1$/);
  await expect(menteePage.getByRole('status').filter({ hasText: 'Request sent.' })).toBeVisible();
  const sent = menteePage.getByRole('article', { name: `To ${mentor.displayName}` });
  await expect(sent).toContainText('Waiting for an answer');
  await expect(sent.getByRole('button', { name: /^Withdraw/ })).toBeVisible();

  // The mentor sees the request with its message, goals and terms, and accepts it.
  await mentorPage.goto('/requests');
  const received = mentorPage.getByRole('article', { name: mentee.displayName });
  await expect(received).toContainText(REQUEST_MESSAGE);
  await expect(received.getByRole('listitem').filter({ hasText: 'Design a service end to end' })).toBeVisible();
  await expect(received.getByRole('listitem').filter({ hasText: 'Write my first design document' })).toBeVisible();
  await expect(received).toContainText('Weekly');
  await expect(received).toContainText('10 weeks');
  await expect(received).toContainText('Nothing yet — this would be a cold request.');
  await received.getByRole('button', { name: /^Accept/ }).click();
  await expect(mentorPage).toHaveURL(/\/mentorships\/[0-9a-f-]{36}\?started=1$/);
  await expect(mentorPage.getByRole('heading', { level: 1, name: `Mentorship with ${mentee.displayName}` })).toBeVisible();
  await expect(mentorPage.getByText('Active since')).toBeVisible();
  const mentorshipUrl = mentorPage.url().replace(/\?.*$/, '');

  // The mentee's request now says it was accepted and leads to the same place.
  await menteePage.goto('/requests');
  await expect(menteePage.getByText('Accepted: your mentorship has started.')).toBeVisible();
  await menteePage.getByRole('link', { name: 'Open the mentorship' }).click();
  await expect(menteePage).toHaveURL(mentorshipUrl);
  await expect(menteePage.getByRole('heading', { level: 1, name: `Mentorship with ${mentor.displayName}` })).toBeVisible();

  // Messages both ways.
  await mentorPage.getByLabel(`Write to ${mentee.displayName}`).fill('Welcome!\nShall we meet on Tuesday?');
  await mentorPage.getByRole('button', { name: 'Send message' }).click();
  await expect(thread(mentorPage)).toContainText('Shall we meet on Tuesday?');
  await expect(mentorPage.getByLabel(`Write to ${mentee.displayName}`)).toHaveValue('');
  await menteePage.reload();
  await expect(thread(menteePage).getByRole('listitem').filter({ hasText: mentor.displayName })).toContainText('Shall we meet on Tuesday?');
  await menteePage.getByLabel(`Write to ${mentor.displayName}`).fill('Tuesday works, thank you.');
  await menteePage.getByRole('button', { name: 'Send message' }).click();
  await expect(thread(menteePage)).toContainText('Tuesday works, thank you.');
  await mentorPage.reload();
  await expect(thread(mentorPage).getByRole('listitem').filter({ hasText: mentee.displayName })).toContainText('Tuesday works, thank you.');

  // The mentee ticks a goal; the mentor sees it ticked.
  await menteePage.getByRole('button', { name: "Mark 'Design a service end to end' done" }).click();
  await expect(menteePage.getByRole('button', { name: "Mark 'Design a service end to end' not done" })).toBeVisible();
  await expect(menteePage.getByText('1 of 2 goals done')).toBeVisible();
  await mentorPage.reload();
  await expect(mentorPage.getByRole('button', { name: "Mark 'Design a service end to end' not done" })).toContainText(`Done by ${mentee.displayName}`);
  await expect(mentorPage.getByRole('button', { name: "Mark 'Write my first design document' done" })).toBeVisible();

  // The mentor ends it: completed, goals met, 5 of 5.
  await mentorPage.locator('summary').filter({ hasText: 'End mentorship' }).click();
  await mentorPage.getByRole('radio', { name: /^Completed/ }).check();
  await mentorPage.getByLabel('The main reason').selectOption('goals_met');
  await mentorPage.getByRole('radio', { name: '5 — excellent' }).check();
  await mentorPage.getByLabel('A comment (optional)').fill('A pleasure to work with.');
  await mentorPage.getByRole('button', { name: 'End mentorship' }).click();
  await expect(mentorPage.getByRole('heading', { name: 'How it ended' })).toBeVisible();
  await expect(mentorPage.getByText('You ended it on')).toBeVisible();
  await expect(mentorPage.getByText('Reason: The goals were met.')).toBeVisible();
  await expect(mentorPage.getByRole('listitem').filter({ hasText: 'Your rating (mentor):' })).toContainText('5 of 5');
  await expect(mentorPage.getByLabel(`Write to ${mentee.displayName}`)).toHaveCount(0);

  // The mentee rates it afterwards; both ratings are shown to both.
  await menteePage.reload();
  await expect(menteePage.getByText(`${mentor.displayName} ended it on`)).toBeVisible();
  await expect(menteePage.getByRole('heading', { name: 'Rate this mentorship' })).toBeVisible();
  await menteePage.getByRole('radio', { name: '4 — very good' }).check();
  await menteePage.getByRole('button', { name: 'Save rating' }).click();
  await expect(menteePage.getByRole('heading', { name: 'Rate this mentorship' })).toHaveCount(0);
  await expect(menteePage.getByRole('listitem').filter({ hasText: 'Your rating (mentee):' })).toContainText('4 of 5');
  await expect(menteePage.getByRole('listitem').filter({ hasText: `${mentor.displayName}’s rating (mentor):` })).toContainText('5 of 5');
  await expect(menteePage.getByText('A pleasure to work with.')).toBeVisible();
  await mentorPage.reload();
  await expect(mentorPage.getByRole('listitem').filter({ hasText: `${mentee.displayName}’s rating (mentee):` })).toContainText('4 of 5');

  // Both list it as completed.
  await menteePage.goto('/mentorships');
  const listed = menteePage.getByRole('article').filter({ hasText: `Mentored by ${mentor.displayName}` });
  await expect(listed).toContainText('Completed');
  await expect(listed).toContainText('Asked · cold');
});

test('a declined request tells the mentee the reason and the note', async ({ browser }) => {
  const { mentor, mentee, mentorPage, menteePage } = await mentorAndMentee(browser, { startPreference: 'grow' });

  await menteePage.goto(`/u/${mentor.handle}/ask`);
  await expect(menteePage.getByText('Prefers to let it grow')).toBeVisible();
  await expect(menteePage.getByText(/prefers to let a mentorship grow first/)).toBeVisible();
  await sendRequest(menteePage, mentor.handle);

  await mentorPage.goto('/requests');
  const received = mentorPage.getByRole('article', { name: mentee.displayName });
  await received.locator('summary').click();
  await received.getByLabel('Reason').selectOption('prefer_to_grow');
  await received.getByLabel('A note to them (optional)').fill('Comment on my posts for a while first, then ask again.');
  await received.getByRole('button', { name: 'Decline request' }).click();
  await expect(mentorPage).toHaveURL(/\/requests\?declined=1$/);
  await expect(mentorPage.getByRole('article', { name: mentee.displayName })).toHaveCount(0);
  await expect(mentorPage.getByRole('list', { name: 'Received requests, answered and closed' })).toContainText('You declined.');

  await menteePage.goto('/requests');
  const history = menteePage.getByRole('list', { name: 'Sent requests, answered and closed' });
  await expect(history).toContainText('Declined');
  await expect(history).toContainText('Would rather the relationship grows first');
  await expect(history).toContainText('Comment on my posts for a while first, then ask again.');

  // For 30 days the ask page explains instead of offering the form.
  await menteePage.goto(`/u/${mentor.handle}/ask`);
  await expect(menteePage.getByRole('heading', { name: `${mentor.displayName} declined your last request` })).toBeVisible();
  await expect(menteePage.getByRole('button', { name: 'Send request' })).toHaveCount(0);
});

test('asking the same mentor twice is explained: on the page, and by the form if it was already open', async ({ page }) => {
  await signUp(page);
  await page.goto('/u/demo_mentor/ask');
  await expect(page.getByText('Open to either path')).toBeVisible();
  await expect(page.getByText(/\d+ of 5 slots open/)).toBeVisible();

  // A second tab with the form open while the first sends.
  const second = await page.context().newPage();
  await second.goto('/u/demo_mentor/ask');
  await sendRequest(page, 'demo_mentor');

  await second.getByLabel('Your message to Maya Okafor').fill(REQUEST_MESSAGE);
  await second.getByLabel('Goal 1').fill('Learn to review code kindly');
  await second.getByRole('button', { name: 'Send request' }).click();
  await expect(second.getByRole('status')).toHaveText('You already have a request waiting with this mentor.');
  await expect(second.getByLabel('Goal 1')).toHaveValue('Learn to review code kindly');

  await page.goto('/u/demo_mentor/ask');
  await expect(page.getByRole('heading', { name: 'Your request is already waiting' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send request' })).toHaveCount(0);
  await page.getByRole('link', { name: 'See your requests' }).click();
  await expect(page).toHaveURL(/\/requests$/);
  await expect(page.getByRole('article', { name: 'To Maya Okafor' })).toBeVisible();
});

test('visitors are sent to sign in, and a member cannot open someone else’s mentorship', async ({ browser }) => {
  // A real mentorship id: one of demo_mentor's.
  const insider = await (await browser.newContext()).newPage();
  await signIn(insider, 'mentor@example.com', DEMO_PASSWORD);
  await expect(insider).toHaveURL(/\/$/);
  await insider.goto('/mentorships');
  const link = insider.getByRole('link', { name: /^Mentoring / }).first();
  const href = (await link.getAttribute('href'))!;
  expect(href).toMatch(/^\/mentorships\/[0-9a-f-]{36}$/);
  await link.click();
  await expect(insider.getByRole('heading', { level: 1, name: /^Mentorship with / })).toBeVisible();

  const visitor = await (await browser.newContext()).newPage();
  for (const path of ['/requests', '/mentorships', href, '/u/demo_mentor/ask']) {
    await visitor.goto(path);
    await expect(visitor).toHaveURL(/\/signin\?callbackUrl=/);
  }

  // The Ask link works for visitors too: sign in, and land on the form.
  const member = newMember();
  await signUp(await (await browser.newContext()).newPage(), member);
  await visitor.goto('/u/demo_mentor');
  await visitor.getByRole('link', { name: 'Ask for mentorship' }).click();
  await expect(visitor).toHaveURL(/\/signin\?callbackUrl=/);
  await visitor.getByLabel('E-mail or handle').fill(member.handle);
  await visitor.getByLabel('Password').fill(member.password);
  await visitor.getByRole('button', { name: 'Sign in' }).click();
  await expect(visitor).toHaveURL(/\/u\/demo_mentor\/ask$/);
  await expect(visitor.getByRole('button', { name: 'Send request' })).toBeVisible();

  // Signed in, but not one of the two: the same page as for an id that does not exist.
  const response = await visitor.goto(href);
  expect(response!.status()).toBe(404);
  await expect(visitor.getByRole('heading', { name: 'We could not find that page' })).toBeVisible();
  const malformed = await visitor.goto('/mentorships/not-a-real-id');
  expect(malformed!.status()).toBe(404);
});
