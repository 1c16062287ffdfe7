import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.dirname(new URL(import.meta.url).pathname);
// .ci/run sets this to collect the counts for its summary line.
const reportDir = process.env.TEST_REPORT_DIR;

export default defineConfig({
  resolve: {
    alias: {
      '@': root,
      // The marker package throws outside React Server Components; tests call queries directly.
      'server-only': path.join(root, 'db/testing/server-only-stub.ts'),
    },
  },
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', '.next/**', 'e2e/**', '.data/**'],
    globalSetup: ['db/testing/global-setup.ts'],
    pool: 'forks',
    reporters: reportDir ? ['default', ['json', { outputFile: path.join(reportDir, 'vitest.json') }]] : ['default'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
