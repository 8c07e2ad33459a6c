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
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: '../test-results',
});
