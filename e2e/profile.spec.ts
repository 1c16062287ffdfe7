import { deflateSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { header, signOut, signUp } from './fixtures';

/** A real 8×8 PNG, built byte by byte so the test needs no image files. */
function png() {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(8, 0);
  ihdr.writeUInt32BE(8, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.concat(Array.from({ length: 8 }, () => Buffer.from([0, ...Array(24).fill(200)])));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

test('a member edits their profile and sees it on their public page', async ({ page }) => {
  const member = await signUp(page);
  await page.goto('/settings');
  await page.getByLabel('Display name').fill('Renamed Person');
  await page.getByLabel('Short bio').fill('Backend engineer.\nLearning to write.');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Profile saved.')).toBeVisible();
  await expect(header(page).getByText('Renamed Person')).toBeVisible();

  await page.goto(`/u/${member.handle}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Renamed Person' })).toBeVisible();
  await expect(page.getByText('Learning to write.')).toBeVisible();
});

test('a member cannot take a handle that exists, and bad input stays in the form', async ({ page }) => {
  await signUp(page);
  await page.goto('/settings');
  await page.getByLabel('Handle').fill('DEMO_MENTEE');
  await page.getByLabel('Short bio').fill('Still here');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.locator('#handle-error')).toHaveText('That handle is taken; please choose another.');
  await expect(page.getByLabel('Short bio')).toHaveValue('Still here');

  await page.getByLabel('Handle').fill('ok_handle_but');
  await page.getByLabel('Display name').fill('');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.locator('#displayName-error')).toHaveText('Display name is required.');
});

test('an uploaded avatar replaces the generated one; a file that is not an image is refused', async ({ page }) => {
  const member = await signUp(page);
  await page.goto('/settings');
  const upload = page.getByLabel('Upload an image');

  await upload.setInputFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('<html><script>alert(1)</script></html>') });
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(page.locator('#avatar-error')).toHaveText('That file is not a PNG, JPEG, WebP or GIF image.');

  await upload.setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: png() });
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(page.getByText('Avatar updated.')).toBeVisible();

  await page.goto(`/u/${member.handle}`);
  const img = page.locator('header img[src^="/api/avatars/"]').first();
  await expect(img).toBeVisible();
  const response = await page.request.get((await img.getAttribute('src'))!);
  expect(response.headers()['content-type']).toBe('image/png');
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
});

test('public pages never show e-mail addresses', async ({ page }) => {
  const member = await signUp(page);
  await signOut(page);
  for (const path of [`/u/${member.handle}`, '/u/demo_mentor', '/']) {
    const response = await page.goto(path);
    expect(await response!.text()).not.toMatch(/@example\.com/);
  }
});

test('the health endpoint names the database engine', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok', db: process.env.E2E_DB_KIND ?? expect.any(String) });
});

test('an unknown member page is a helpful 404', async ({ page }) => {
  const response = await page.goto('/u/nobody_by_this_name');
  expect(response!.status()).toBe(404);
  await expect(page.getByRole('link', { name: 'Back to the start' })).toBeVisible();
});
