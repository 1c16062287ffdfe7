// npm run test:e2e — builds the app, starts `next start` on a fresh database of its own
// (a temporary PGlite folder, or a new database on DATABASE_URL's server), runs the Playwright
// specs in Chromium against it, and cleans up. Set E2E_SKIP_BUILD=1 to reuse the last build.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  return result.status ?? 1;
}

async function playwrightChromium(): Promise<string | undefined> {
  const { chromium } = await import('@playwright/test');
  const candidate = chromium.executablePath();
  return candidate && existsSync(candidate) ? candidate : undefined;
}

/** Debian's Chromium where it exists, else Playwright's own, fetched if missing. */
async function findChromium(): Promise<string> {
  if (process.env.E2E_CHROMIUM && existsSync(process.env.E2E_CHROMIUM)) return process.env.E2E_CHROMIUM;
  if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  const installed = await playwrightChromium();
  if (installed) return installed;
  console.log('No Chromium found; fetching Playwright’s own (npx playwright install chromium)…');
  run('npx', ['playwright', 'install', 'chromium']);
  const fetched = await playwrightChromium();
  if (fetched) return fetched;
  console.error(
    `\nNo Chromium to run the end-to-end tests in. Looked for ${SYSTEM_CHROMIUM} (Debian: apt-get install chromium) ` +
      `and for Playwright’s own browser (npx playwright install chromium), and could not fetch the latter.\n`,
  );
  process.exit(1);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForHealth(url: string, server: ChildProcess, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited (code ${server.exitCode}) before it was healthy`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return (await response.json()) as { db: string };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server did not become healthy within ${timeoutMs / 1000}s`);
}

const chromium = await findChromium();
const reuseBuild = process.env.E2E_SKIP_BUILD === '1' && existsSync('.next/BUILD_ID');
if (!reuseBuild && run('npx', ['next', 'build']) !== 0) process.exit(1);

// MAIL_OUTBOX_PAGE: the tests read /dev/outbox to see the mail the app queued (no SMTP here).
// TRUST_PROXY_HEADERS: the browser stands in for a load balancer, sending each test's own
// X-Forwarded-For (e2e/fixtures.ts), so per-address rate limits apply as in production.
const serverEnv: NodeJS.ProcessEnv = {
  ...process.env,
  AUTH_SECRET: randomBytes(33).toString('base64'),
  MAIL_OUTBOX_PAGE: '1',
  TRUST_PROXY_HEADERS: '1',
};
let cleanup = async () => {};
const adminUrl = process.env.DATABASE_URL;
if (adminUrl) {
  const name = `aog_e2e_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  serverEnv.DATABASE_URL = url.toString();
  // A real Postgres is only seeded when told so explicitly; this fresh one is the tests' own.
  if (run('npx', ['tsx', 'db/scripts/seed.mts', '--yes-seed-postgres'], serverEnv) !== 0) process.exit(1);
  cleanup = async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  };
} else {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'aog-e2e-'));
  serverEnv.DATA_DIR = dataDir;
  delete serverEnv.DATABASE_URL;
  cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
  if (run('npx', ['tsx', 'db/scripts/seed.mts'], serverEnv) !== 0) process.exit(1);
}
// People some specs need with a history older than a test can make (e2e/grow-fixture.mts,
// e2e/feed-fixture.mts).
if (run('npx', ['tsx', 'e2e/grow-fixture.mts'], serverEnv) !== 0) process.exit(1);
// Not for the screenshot tour: its thirteen "Field note" posts would be the newest writing on
// every page shown.
if (process.env.TOUR !== '1' && run('npx', ['tsx', 'e2e/feed-fixture.mts'], serverEnv) !== 0) process.exit(1);
// The moderation test's admin, made the one way there is: npm run admin:grant (e2e/admin-fixture.mts).
if (run('npx', ['tsx', 'e2e/admin-fixture.mts'], serverEnv) !== 0) process.exit(1);
if (run('npx', ['tsx', 'db/scripts/admin-grant.mts', 'e2e_moderator'], serverEnv) !== 0) process.exit(1);

const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const server = spawn(path.resolve('node_modules/.bin/next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
  env: serverEnv,
  stdio: ['ignore', 'inherit', 'inherit'],
  detached: true,
});
const stopServer = () => {
  try {
    process.kill(-server.pid!, 'SIGTERM');
  } catch {
    /* already gone */
  }
};
process.on('SIGINT', () => {
  stopServer();
  process.exit(130);
});

let status = 1;
try {
  const health = await waitForHealth(baseUrl, server);
  console.log(`End-to-end tests against ${baseUrl} (${health.db}), Chromium at ${chromium}`);
  status = run('npx', ['playwright', 'test', ...process.argv.slice(2)], {
    ...process.env,
    E2E_BASE_URL: baseUrl,
    E2E_CHROMIUM: chromium,
    E2E_DB_KIND: health.db,
  });
} catch (error) {
  console.error(`\nEnd-to-end tests could not start: ${(error as Error).message}\n`);
} finally {
  stopServer();
  // The database folder may be removed only once the server has let go of it.
  await new Promise<void>((resolve) => {
    if (server.exitCode !== null || server.signalCode !== null) return resolve();
    const kill = setTimeout(() => {
      try {
        process.kill(-server.pid!, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, 10_000);
    server.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
  });
  await cleanup();
}
process.exit(status);
