import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests of the built extension in real browsers: Chromium through Playwright,
 * Firefox ESR through puppeteer-core (WebDriver BiDi) inside the same runner.
 * One worker: each test launches its own browser, and CI machines have 2 cores.
 */
export default defineConfig({
  testDir: './e2e',
  globalSetup: './support/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // On CI one retry: a 2-core machine running ~140 browser launches in a row sees rare
  // load-related timeouts; a test that fails twice still fails the run, and the list reporter
  // marks a test that passed only on retry as "flaky" so it stays visible.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: '../test-results',
});
