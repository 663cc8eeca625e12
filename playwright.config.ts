import { defineConfig } from '@playwright/test';

// End-to-end tests drive Debian's Chromium with the built extension (see tests/e2e/browser.ts).
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.e2e.ts',
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  outputDir: 'test-results',
});
