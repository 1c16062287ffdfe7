import { expect, test, type Browser, type Page } from '@playwright/test';
import { FEED_FIXTURE } from './feed-data';
import { expectNoSeriousViolations, publishPost, signIn, signUp } from './fixtures';

async function member(browser: Browser) {
  const page = await (await browser.newContext()).newPage();
  const who = await signUp(page);
  return { page, ...who };
}

const reaction = (page: Page, scope: string, kind: string) =>
  page.getByRole('group', { name: scope }).getByRole('button', { name: new RegExp(`^${kind}`) });

test('write with a live preview, keep a draft private, then publish it under the same address', async ({ browser }) => {
  test.slow();
  const author = await member(browser);
  const other = await member(browser);
  const { page } = author;

  await page.goto('/posts/new');
  await expectNoSeriousViolations(page);
  await page.getByLabel('Title').fill('Pairing with a senior engineer');
  const editor = page.getByLabel('Your post');
  await editor.pressSequentially('## What helped\n\nAsking **one** question a day, and [reading](https://example.com) the code.', { delay: 5 });
  const preview = page.getByTestId('markdown-preview');
  // The text's top heading level becomes h2: the page owns its single h1, and no level is skipped.
  await expect(preview.getByRole('heading', { level: 2, name: 'What helped' })).toBeVisible();
  await expect(preview.locator('strong')).toHaveText('one');
  await expect(preview.getByRole('link', { name: 'reading' })).toHaveAttribute('rel', 'ugc nofollow noopener');
  // The preview follows the text as it changes.
  await editor.fill('Just a *draft* for now.');
  await expect(preview.locator('em')).toHaveText('draft');
  await expect(preview.getByRole('heading', { name: 'What helped' })).toHaveCount(0);
  await page.getByLabel('Tags').fill('Career, Pair programming, career');

  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(/\/posts\/pairing-with-a-senior-engineer-[0-9a-z]{6}\?saved=1$/);
  await expect(page.getByText('Draft saved.')).toBeVisible();
  await expect(page.getByText('Only you can see this page.')).toBeVisible();
  const path = new URL(page.url()).pathname;

  // Nobody else can see the draft, nor its editor; visitors neither.
  expect((await other.page.goto(path))?.status()).toBe(404);
  expect((await other.page.goto(`${path}/edit`))?.status()).toBe(404);
  const visitor = await (await browser.newContext()).newPage();
  expect((await visitor.goto(path))?.status()).toBe(404);

  // The author's feed lists the draft; editing opens with what was saved, and publishing keeps the slug.
  await page.goto('/feed');
  await page.getByRole('complementary', { name: 'Your drafts' }).getByRole('link', { name: 'Pairing with a senior engineer' }).click();
  await expect(page).toHaveURL(`${path}/edit`);
  await expect(page.getByLabel('Tags')).toHaveValue('Career, Pair programming');
  await expect(page.getByTestId('markdown-preview').locator('em')).toHaveText('draft');
  await expectNoSeriousViolations(page);
  await page.getByLabel('Title').fill('Pairing with a senior engineer, one question a day');
  await page.getByLabel('Your post').fill('Ask **one** good question a day.');
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page).toHaveURL(`${path}?published=1`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pairing with a senior engineer, one question a day');
  // The word that it worked is in a status region, so screen readers announce it too.
  await expect(page.getByRole('status').filter({ hasText: 'Your post is published.' })).toBeVisible();
  await expectNoSeriousViolations(page);

  await other.page.goto(path);
  await expect(other.page.getByRole('heading', { level: 1 })).toHaveText('Pairing with a senior engineer, one question a day');
  await expect(other.page.getByRole('list', { name: 'Tags' }).getByRole('link', { name: 'Pair programming' })).toHaveAttribute(
    'href',
    '/mentors?tag=pair-programming',
  );
  await expect(other.page.getByText('1 min read')).toBeVisible();
  await expect(other.page.getByRole('link', { name: /^Edit/ })).toHaveCount(0);
  await other.page.goto(`${path}/edit`);
  await expect(other.page.getByRole('heading', { name: 'You can only edit your own posts' })).toBeVisible();

  // The author deletes it; it is gone for everyone.
  await page.goto(`${path}/edit`);
  // Deleting asks first, in a modal dialog that Cancel (or Escape) closes without deleting.
  const confirm = page.getByRole('dialog', { name: 'Delete this post?' });
  await page.getByRole('button', { name: 'Delete this post…' }).click();
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await page.getByRole('button', { name: 'Delete this post…' }).click();
  await confirm.getByRole('button', { name: 'Delete post' }).click();
  await expect(page).toHaveURL(/\/feed\?deleted=1$/);
  await expect(page.getByRole('status').filter({ hasText: 'Your post was deleted.' })).toBeVisible();
  expect((await other.page.goto(path))?.status()).toBe(404);
});

test('discuss: comment, reply, react (double clicks included), and delete a comment that has a reply', async ({ browser }) => {
  test.slow();
  const author = await member(browser);
  const reader = await member(browser);
  const path = await publishPost(author.page, { title: 'How I run one-on-ones', tags: 'Leadership' });

  const { page } = reader;
  await page.goto(path);
  await expect(page.getByRole('heading', { name: 'Comments (0)' })).toBeVisible();
  await page.getByLabel('Add to the discussion').fill('What do you do when there is **nothing** to discuss?');
  await page.getByRole('button', { name: 'Post comment' }).click();
  const comments = page.getByRole('list', { name: 'Comments' });
  const question = comments.getByRole('article', { name: reader.displayName });
  await expect(question.locator('strong')).toHaveText('nothing');
  await expect(page.getByRole('heading', { name: 'Comments (1)' })).toBeVisible();
  await expect(page.getByLabel('Add to the discussion')).toHaveValue('');

  // The author replies under the comment.
  await author.page.goto(path);
  const theirs = author.page.getByRole('article', { name: reader.displayName });
  await theirs.locator('summary', { hasText: 'Reply' }).click();
  await theirs.getByLabel(`Reply to ${reader.displayName}`).fill('Then we talk about careers.');
  await theirs.getByRole('button', { name: 'Post reply' }).click();
  const reply = author.page.getByRole('article', { name: author.displayName });
  await expect(reply).toContainText('Then we talk about careers.');
  await expect(reply).toContainText('Author');
  // Nested: the reply's list sits inside the comment's list item.
  await expect(author.page.locator('li:has(> article) ol article').filter({ hasText: 'Then we talk about careers.' })).toHaveCount(1);
  await expectNoSeriousViolations(author.page);

  // Reactions on the post: counts change, pressed state shows, a double click adds one.
  await page.reload();
  const like = reaction(page, 'Reactions to this post', 'Like');
  await expect(like).toHaveAttribute('aria-pressed', 'false');
  await like.click();
  await expect(like).toHaveAttribute('aria-pressed', 'true');
  await expect(like.getByTestId('reaction-count')).toHaveText('1');
  const insightful = reaction(page, 'Reactions to this post', 'Insightful');
  await insightful.dblclick();
  await expect(insightful).toHaveAttribute('aria-pressed', 'true');
  await expect(insightful.getByTestId('reaction-count')).toHaveText('1');
  await page.reload();
  await expect(insightful.getByTestId('reaction-count')).toHaveText('1');
  await like.click();
  await expect(like).toHaveAttribute('aria-pressed', 'false');
  await expect(like.getByTestId('reaction-count')).toHaveText('0');

  // On a comment too.
  const thanks = reaction(page, `Reactions to ${author.displayName}’s comment`, 'Thanks');
  await thanks.click();
  await expect(thanks.getByTestId('reaction-count')).toHaveText('1');

  // The reader deletes their comment: it has a reply, so a placeholder keeps the thread.
  const mine = page.getByRole('article', { name: reader.displayName });
  await mine.locator('summary', { hasText: 'Delete' }).click();
  await mine.getByRole('button', { name: 'Delete comment' }).click();
  await expect(page.getByRole('article', { name: 'Deleted comment' })).toContainText('[deleted]');
  await expect(page.getByRole('article', { name: author.displayName })).toContainText('Then we talk about careers.');
  await expect(page.getByRole('heading', { name: 'Comments (1)' })).toBeVisible();

  // Visitors read it all and see counts, but get no forms.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(path);
  await expect(visitor.getByRole('article', { name: 'Deleted comment' })).toBeVisible();
  await expect(visitor.getByRole('button', { name: /^Insightful/ })).toHaveCount(0);
  await expect(visitor.getByRole('group', { name: 'Reactions to this post' })).toContainText('1');
  await expect(visitor.locator('#comments').getByRole('link', { name: 'Sign in', exact: true })).toBeVisible();
  await expectNoSeriousViolations(visitor);
});

test('the feed shows followed people’s posts first, and “Load more” continues without repeats', async ({ browser }) => {
  test.slow();
  // An established author with twelve posts, "Field note 01" to "12" (e2e/feed-fixture.mts): a
  // new account may not publish that many in a minute (lib/rate-limits.ts).
  const author = { page: await (await browser.newContext()).newPage(), displayName: FEED_FIXTURE.author.displayName };
  await signIn(author.page, FEED_FIXTURE.author.handle, FEED_FIXTURE.password);
  await expect(author.page).toHaveURL(/\/$/);
  const reader = await member(browser);
  const first = `/posts/${FEED_FIXTURE.posts[0]!.slug}`;

  const { page } = reader;
  await page.goto(first);
  await page.getByRole('button', { name: `Follow ${author.displayName}` }).click();
  await expect(page.getByRole('button', { name: `Unfollow ${author.displayName}` })).toBeVisible();

  await page.goto('/feed');
  await expect(page.getByRole('heading', { level: 1, name: 'Your feed' })).toBeVisible();
  const cards = page.getByRole('list', { name: 'Posts' }).getByRole('article');
  await expect(cards).toHaveCount(10);
  await expect(cards.first().getByRole('heading')).toHaveText('Field note 12');
  await expect(cards.nth(9).getByRole('heading')).toHaveText('Field note 03');
  await expect(cards.first()).toContainText(author.displayName);
  await expect(cards.first()).toContainText('1 min read');
  await expect(cards.first()).toContainText('0 comments · 0 reactions');
  await expectNoSeriousViolations(page);

  // A post published meanwhile must not shift the next page.
  await publishPost(author.page, { title: 'Field note 13' });
  await page.getByRole('link', { name: 'Load more' }).click();
  await expect(page).toHaveURL(/\/feed\?cursor=f_/);
  const followed = page.getByRole('list', { name: 'Posts' }).getByRole('article').filter({ hasText: author.displayName });
  await expect(followed).toHaveCount(2);
  await expect(followed.nth(0).getByRole('heading')).toHaveText('Field note 02');
  await expect(followed.nth(1).getByRole('heading')).toHaveText('Field note 01');
  await expect(page.getByText('Field note 13')).toHaveCount(0);

  // Back at the top, the newest is there.
  await page.getByRole('link', { name: '← Back to the newest' }).click();
  await expect(cards.first().getByRole('heading')).toHaveText('Field note 13');

  // Visitors get recent posts, and the card links to the post.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto('/feed');
  await expect(visitor.getByRole('heading', { level: 1, name: 'Recent posts' })).toBeVisible();
  await visitor.getByRole('link', { name: 'Field note 13' }).click();
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Field note 13');
});

test('on a phone, the feed and a post fit the screen', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const who = await signUp(page);
  // Against the phone's own width: a page that overflows makes the phone zoom out, and then
  // window.innerWidth grows with it.
  const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= 390 && window.innerWidth === 390);
  // The editor's preview holds a long line of code: it must scroll inside the preview, not widen
  // the page (a wider page makes a phone zoom out, and the buttons below move under the finger).
  await page.goto('/posts/new');
  await page.getByLabel('Your post').fill(
    '## Section\n\nA paragraph with a [link](https://example.com) and `inline code`.\n\n```ts\nconst answer = 42; // a long line of code that has to scroll sideways rather than widen the page\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |',
  );
  await expect(page.getByTestId('markdown-preview').getByRole('table')).toBeVisible();
  expect(await fits()).toBe(true);
  await page.screenshot({ path: test.info().outputPath('phone-editor.png'), fullPage: true });
  await page.getByLabel('Title').fill('A fairly long title to see how the heading wraps on a narrow phone screen');
  await page.getByLabel('Tags').fill('Career, Testing, Writing');
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('Your post is published.')).toBeVisible();
  await page.getByLabel('Add to the discussion').fill('A first comment on a small screen.');
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByRole('article', { name: who.displayName })).toBeVisible();
  expect(await fits()).toBe(true);
  await page.screenshot({ path: test.info().outputPath('phone-post.png'), fullPage: true });
  await page.screenshot({ path: test.info().outputPath('phone-post-top.png') });
  await page.goto('/feed');
  await expect(page.getByRole('heading', { level: 1, name: 'Your feed' })).toBeVisible();
  expect(await fits()).toBe(true);
  await page.screenshot({ path: test.info().outputPath('phone-feed.png'), fullPage: true });
  await page.screenshot({ path: test.info().outputPath('phone-feed-top.png') });
  await page.goto('/posts/new');
  expect(await fits()).toBe(true);
  await page.screenshot({ path: test.info().outputPath('phone-new.png'), fullPage: true });
});
