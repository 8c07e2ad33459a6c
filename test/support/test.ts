import { test as base } from '@playwright/test';
import { launchWithExtension, type ExtensionBrowser, type LaunchOptions } from './chromium';
import { launchFirefox, type FirefoxWithExtension } from './firefox';

export { expect } from '@playwright/test';

type FirefoxOptions = Parameters<typeof launchFirefox>[0];

export interface BrowserFixtures {
  /** Launches Chromium with the built extension; every browser it made is closed after the test. */
  chromium: (opts?: LaunchOptions) => Promise<ExtensionBrowser>;
  /** Launches Firefox with the built extension; every browser it made is closed after the test. */
  firefox: (opts?: FirefoxOptions) => Promise<FirefoxWithExtension>;
}

/** Runs `use` with a launcher that remembers what it launched, then closes each (once) in teardown. */
function tracked<O, B extends { close: () => Promise<void> }>(launch: (opts?: O) => Promise<B>) {
  // Playwright reads the fixture's parameters from its source: the first must be a destructuring pattern.
  // eslint-disable-next-line no-empty-pattern
  return async ({}: object, use: (launcher: (opts?: O) => Promise<B>) => Promise<void>) => {
    const open = new Set<B>();
    await use(async (opts) => {
      const browser = await launch(opts);
      const close = browser.close;
      browser.close = async () => {
        if (!open.delete(browser)) return;
        await close();
      };
      open.add(browser);
      return browser;
    });
    for (const browser of [...open]) await browser.close();
  };
}

/** The e2e `test`: browser fixtures that launch on demand (any number, any options) and always close. */
export const test = base.extend<BrowserFixtures>({
  chromium: tracked(launchWithExtension),
  firefox: tracked(launchFirefox),
});
