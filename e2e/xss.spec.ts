import { expect, test, type Page } from '@playwright/test';
import { XSS_PAYLOAD, XSS_VECTORS } from '../lib/xss-corpus';
import { becomeMentor, sendRequest, signUp } from './fixtures';

// Post bodies refuse control characters other than tab and newline; those vectors are covered
// by lib/xss.test.ts against the renderer directly.
const typeable = XSS_VECTORS.filter((v) => !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(v.source));
const MARKER = 'End of the vectors.';

/** Records anything an injected script could do that we can see: dialogs and the window flag. */
function watch(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return {
    dialogs,
    async expectNothingRan() {
      expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
      expect(dialogs).toEqual([]);
    },
  };
}

/** The rendered user content holds nothing active: no dangerous elements, handlers or URLs. */
async function expectInertMarkup(page: Page) {
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    const bad = 'script, iframe, frame, object, embed, style, link, svg, math, form, button, meta, base, template, textarea, select, video, audio, details';
    for (const root of document.querySelectorAll('.prose-content')) {
      for (const el of root.querySelectorAll(bad)) found.push(`<${el.tagName.toLowerCase()}>`);
      for (const el of root.querySelectorAll('*')) {
        for (const attr of el.attributes) {
          if (/^on/i.test(attr.name) || attr.name === 'style' || attr.name === 'srcdoc') found.push(`${attr.name} on <${el.tagName.toLowerCase()}>`);
        }
      }
      for (const el of root.querySelectorAll<HTMLAnchorElement | HTMLImageElement>('a[href], img[src]')) {
        const url = el instanceof HTMLAnchorElement ? el.href : el.src;
        if (!['http:', 'https:', 'mailto:'].includes(new URL(url, location.href).protocol)) found.push(`${el.tagName.toLowerCase()} → ${url}`);
      }
    }
    return found;
  });
  expect(problems).toEqual([]);
}

/** Moves the pointer over, and focuses, every link and image in the user content. */
async function poke(page: Page) {
  const targets = page.locator('.prose-content a, .prose-content img');
  const count = Math.min(await targets.count(), 60);
  for (let i = 0; i < count; i++) {
    const target = targets.nth(i);
    if (!(await target.isVisible())) continue;
    await target.hover({ force: true, timeout: 2_000 }).catch(() => {});
    await target.focus().catch(() => {});
  }
}

test('a post and comments full of XSS vectors render inert, in the preview, on the page and in the feed', async ({ browser }) => {
  test.slow();
  expect(typeable.length).toBeGreaterThanOrEqual(50);
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen = watch(page);
  await signUp(page);
  // The watcher itself works: a real alert is seen.
  await page.evaluate(() => window.alert('probe'));
  expect(seen.dialogs).toEqual(['alert: probe']);
  seen.dialogs.length = 0;

  const body = [...typeable.map((v) => v.source), MARKER].join('\n\n');
  await page.goto('/posts/new');
  await page.getByLabel('Title').fill(`Vectors <img src=x onerror="${XSS_PAYLOAD}"> <script>${XSS_PAYLOAD}</script>`);
  await page.getByLabel('Your post').fill(body);
  await page.getByLabel('Tags').fill(`<svg onload=${XSS_PAYLOAD}>, security`);
  // The live preview injects the server's HTML into the page: it must be just as inert.
  await expect(page.getByTestId('markdown-preview')).toContainText(MARKER);
  await poke(page);
  await expectInertMarkup(page);
  await seen.expectNothingRan();

  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page).toHaveURL(/\/posts\/vectors-img-src-x-onerror-.*\?published=1$/);
  const path = new URL(page.url()).pathname;
  await expect(page.locator('article .prose-content').first()).toContainText(MARKER);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('<img src=x onerror=');

  // Comments use the smaller profile; send the vectors in a few comments and a reply.
  const chunks = [typeable.slice(0, 30), typeable.slice(30, 60), typeable.slice(60)].filter((c) => c.length);
  for (const [i, chunk] of chunks.entries()) {
    await page.getByLabel('Add to the discussion').fill([...chunk.map((v) => v.source), `Comment ${i + 1} ends here.`].join('\n\n'));
    await page.getByRole('button', { name: 'Post comment' }).click();
    await expect(page.locator('.prose-content p', { hasText: `Comment ${i + 1} ends here.` })).toBeVisible();
  }
  const firstComment = page.getByRole('list', { name: 'Comments' }).getByRole('article').first();
  await firstComment.locator('summary', { hasText: 'Reply' }).click();
  await firstComment.getByRole('textbox').fill(`A reply <details open ontoggle=${XSS_PAYLOAD}>[x](javascript:${XSS_PAYLOAD})</details>\n\nReply ends here.`);
  await firstComment.getByRole('button', { name: 'Post reply' }).click();
  await expect(page.locator('.prose-content p', { hasText: 'Reply ends here.' })).toBeVisible();

  await page.reload();
  await poke(page);
  await expectInertMarkup(page);
  await seen.expectNothingRan();

  // A visitor, with nothing signed in, sees the same page and the feed card.
  const visitor = await (await browser.newContext()).newPage();
  const visitorSeen = watch(visitor);
  await visitor.goto(path);
  await expect(visitor.locator('article .prose-content').first()).toContainText(MARKER);
  await poke(visitor);
  await expectInertMarkup(visitor);
  await visitor.goto('/feed');
  await expect(visitor.getByRole('link', { name: /^Vectors / }).first()).toBeVisible();
  await visitorSeen.expectNothingRan();
  await seen.expectNothingRan();
});

test('a display name, a bio and mentorship messages full of XSS vectors stay text everywhere they show', async ({ browser }) => {
  test.slow();
  const mentorPage = await (await browser.newContext()).newPage();
  const menteePage = await (await browser.newContext()).newPage();
  const mentorWatch = watch(mentorPage);
  const menteeWatch = watch(menteePage);
  // Names are short (60), bios 280: the sharpest vectors, each shown back verbatim as text.
  const name = `<img src=x onerror=${XSS_PAYLOAD}>`;
  const bio = `<script>${XSS_PAYLOAD}</script><svg onload=${XSS_PAYLOAD}>[x](javascript:${XSS_PAYLOAD}) "><iframe srcdoc="<script>${XSS_PAYLOAD}</script>">`;
  const mentor = await signUp(mentorPage);
  await becomeMentor(mentorPage);
  const mentee = await signUp(menteePage);
  await menteePage.goto('/settings');
  await menteePage.getByLabel('Display name').fill(name);
  await menteePage.getByLabel('Short bio').fill(bio);
  await menteePage.getByRole('button', { name: 'Save profile' }).click();
  await expect(menteePage.getByText('Profile saved.')).toBeVisible();
  await menteePage.goto(`/u/${mentee.handle}`);
  await expect(menteePage.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(menteePage.getByText(bio.slice(0, 40), { exact: false })).toBeVisible();

  await sendRequest(menteePage, mentor.handle);
  await mentorPage.goto('/requests');
  await mentorPage.getByRole('article', { name }).getByRole('button', { name: /^Accept/ }).click();
  await expect(mentorPage).toHaveURL(/\/mentorships\//);
  const mentorshipUrl = mentorPage.url().replace(/\?.*$/, '');
  const message = typeable.slice(0, 40).map((v) => v.source).join('\n');
  await mentorPage.getByLabel(/^Write to /).fill(`${message}\n${MARKER}`);
  await mentorPage.getByRole('button', { name: 'Send message' }).click();
  await expect(mentorPage.getByText(MARKER)).toBeVisible();
  await menteePage.goto(mentorshipUrl);
  await menteePage.getByLabel(/^Write to /).fill(`<img src=x onerror=${XSS_PAYLOAD}>\n${MARKER}`);
  await menteePage.getByRole('button', { name: 'Send message' }).click();
  await expect(menteePage.getByText(MARKER).first()).toBeVisible();

  // Everywhere the name, bio or messages appear: profile, requests, mentorships, notifications, header.
  for (const path of [`/u/${mentee.handle}`, '/requests', '/mentorships', '/notifications', mentorshipUrl]) {
    await mentorPage.goto(path);
    await poke(mentorPage);
    await menteePage.goto(path);
    await poke(menteePage);
  }
  await mentorWatch.expectNothingRan();
  await menteeWatch.expectNothingRan();
});
