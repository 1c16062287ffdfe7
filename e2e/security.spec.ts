import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, signIn } from './fixtures';

const PAGES = ['/', '/mentors', '/insights', '/signin', '/u/demo_mentor', '/feed'];

const directives = (policy: string) =>
  Object.fromEntries(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );

test('every page sends a nonce-based Content-Security-Policy and the other security headers', async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of PAGES) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const headers = response.headers();
    const csp = directives(headers['content-security-policy'] ?? '');
    const scripts = csp['script-src'] ?? [];
    expect(scripts, path).toContain("'strict-dynamic'");
    expect(scripts, path).not.toContain("'unsafe-inline'");
    expect(scripts, path).not.toContain("'unsafe-eval'");
    const nonce = scripts.find((s) => s.startsWith("'nonce-"));
    expect(nonce, path).toBeTruthy();
    nonces.add(nonce!);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['base-uri']).toEqual(["'self'"]);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['permissions-policy']).toContain('camera=()');
    // `next start` runs in production mode: HSTS is on (browsers ignore it over plain http).
    expect(headers['strict-transport-security']).toContain('max-age=');
    expect(headers['x-powered-by']).toBeUndefined();
    // Every script in the page carries this response's nonce.
    const html = await response.text();
    const value = nonce!.slice("'nonce-".length, -1);
    const tags = html.match(/<script\b[^>]*>/g) ?? [];
    expect(tags.length, path).toBeGreaterThan(0);
    for (const tag of tags) expect(tag, path).toContain(`nonce="${value}"`);
    // No e-mail address in a public page's HTML.
    expect(html, path).not.toMatch(/[a-z0-9._%+-]+@example\.com/i);
  }
  expect(nonces.size).toBe(PAGES.length);
});

test('pages run under the policy without a single violation, and their scripts work', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to load: ${e.violatedDirective} ${e.blockedURI}`));
  });
  for (const path of PAGES) await page.goto(path);
  // Client code runs: signing in (a client form with useActionState) works.
  await signIn(page, 'member@example.com', DEMO_PASSWORD);
  await expect(page).not.toHaveURL(/\/signin/);
  await page.goto('/settings');
  await page.getByLabel('Reactions to your writing').selectOption('off');
  await page.getByRole('button', { name: 'Save notification settings' }).click();
  await expect(page.getByText('Notification settings saved.')).toBeVisible();
  expect(violations).toEqual([]);
  // The session cookie cannot be read by scripts and is not sent on cross-site requests.
  const session = (await page.context().cookies()).find((c) => c.name.endsWith('authjs.session-token'));
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
});

test('data routes answer with a sandboxing policy and never as HTML', async ({ request }) => {
  const health = await request.get('/api/health');
  expect(health.headers()['content-security-policy']).toContain('sandbox');
  expect(health.headers()['x-content-type-options']).toBe('nosniff');
  const csv = await request.get('/insights.csv');
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(csv.headers()['x-content-type-options']).toBe('nosniff');
});

test('a server action posted from another origin is refused', async ({ page, request, baseURL }) => {
  // Capture a real action request (settings → notifications), then replay it: from the app's
  // own origin it works, from another origin Next refuses it before the action runs.
  await signIn(page, 'member@example.com', DEMO_PASSWORD);
  await expect(page).not.toHaveURL(/\/signin/);
  await page.goto('/settings');
  const [action] = await Promise.all([
    page.waitForRequest((r) => r.method() === 'POST' && Boolean(r.headers()['next-action'])),
    (async () => {
      await page.getByLabel('New followers').selectOption('off');
      await page.getByRole('button', { name: 'Save notification settings' }).click();
    })(),
  ]);
  await expect(page.getByText('Notification settings saved.')).toBeVisible();
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const replay = (origin: string) =>
    request.post(action.url(), {
      headers: { ...action.headers(), cookie, origin, host: new URL(baseURL!).host },
      data: action.postDataBuffer() ?? undefined,
      maxRedirects: 0,
    });
  const same = await replay(new URL(baseURL!).origin);
  expect(same.status()).toBe(200);
  const foreign = await replay('https://evil.example');
  expect(foreign.status()).toBe(403);
  expect(await foreign.text()).not.toContain('Notification settings saved.');
});
