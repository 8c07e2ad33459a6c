import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { fileURLToPath } from 'node:url';
import { featureChunks } from '../lib/build/feature-chunks';

const root = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');

export default defineConfig({
  root,
  plugins: [featureChunks(root), WxtVitest()],
  test: {
    // Unit (pure logic, fake browser) and DOM (happy-dom, committed fixtures) only; the
    // Playwright specs in test/e2e run in real browsers through their own runner.
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/dom/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    restoreMocks: true,
  },
});
