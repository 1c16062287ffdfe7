import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// e2e/run.mts builds the app, starts it on a fresh database and sets these; see the README.
const baseURL = process.env.E2E_BASE_URL ?? 'http://localhost:3000';
const executablePath = process.env.E2E_CHROMIUM || undefined;
const reportDir = process.env.TEST_REPORT_DIR;

export default defineConfig({
  testDir: 'e2e',
  // `npm run screenshots` sets TOUR=1 to run e2e/screenshots.tour.ts instead of the specs.
  testMatch: process.env.TOUR === '1' ? '**/*.tour.ts' : '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // Long multi-page tests (axe over every member page, three-browser flows) need over 30 s when
  // two workers, the server and Chromium share two cores in CI.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: reportDir ? [['list'], ['json', { outputFile: path.join(reportDir, 'playwright.json') }]] : [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
});
