import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { firefoxPath, FIREFOX_BUILD } from './browsers';
import { SERVED_HOSTS, serve, withFixtures, type FixtureMap } from './fixtures';

export const GECKO_ID = 'livegang-assistent@livegang-assistent';

export interface FirefoxWithExtension {
  browser: Browser;
  uuid: string;
  /** Opens an OTTO URL (served from fixtures) in a new tab. */
  /** A new tab on `url`; `fixtures` add routes for this tab only (on top of the launch's). */
  openOtto: (url: string, fixtures?: Record<string, FixtureMap>) => Promise<Page>;
  /** Opens an extension page such as popup.html (moz-extension://<uuid>/…). */
  openExtensionPage: (path: string) => Promise<Page>;
  close: () => Promise<void>;
}

/**
 * Real Firefox ESR driven by puppeteer-core over WebDriver BiDi, with the Firefox build installed
 * as a temporary add-on and the OTTO hosts served from fixtures through request interception.
 */
export async function launchFirefox(
  opts: {
    fixtures?: Record<string, FixtureMap>;
    locale?: string;
    prefs?: Record<string, string | number | boolean>;
    /**
     * A browser restart: a profile to use and keep, the extension's moz-extension uuid (its storage
     * belongs to it), and the build as an add-on of that profile (a proxy file pointing at the build;
     * unsigned, which Firefox ESR allows by pref) that survives the restart, unlike a temporary one.
     */
    restartable?: { profile: string; uuid: string };
  } = {},
): Promise<FirefoxWithExtension> {
  const uuid = opts.restartable?.uuid ?? randomUUID();
  const profile = opts.restartable?.profile ?? mkdtempSync(join(tmpdir(), 'lga-firefox-'));
  if (opts.restartable) {
    mkdirSync(join(profile, 'extensions'), { recursive: true });
    writeFileSync(join(profile, 'extensions', GECKO_ID), resolve(FIREFOX_BUILD));
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    userDataDir: profile,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      'intl.locale.requested': opts.locale ?? 'de-DE',
      'intl.accept_languages': opts.locale ?? 'de-DE',
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.reportingpolicy.firstRun': false,
      ...(opts.restartable ? { 'xpinstall.signatures.required': false } : {}),
      ...opts.prefs,
    },
  });
  if (!opts.restartable) await browser.installExtension(resolve(FIREFOX_BUILD));

  const intercept = async (page: Page, routes = opts.fixtures) => {
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      const url = req.url();
      let host = '';
      try {
        host = new URL(url).host;
      } catch {
        /* about:, data: */
      }
      if (SERVED_HOSTS.includes(host)) {
        const r = serve(url, routes);
        void req.respond({ status: r.status, contentType: r.contentType, body: r.body });
      } else if (url.startsWith('moz-extension://') || url.startsWith('about:') || url.startsWith('data:')) {
        void req.continue();
      } else {
        void req.abort();
      }
    });
  };

  return {
    browser,
    uuid,
    openOtto: async (url, fixtures) => {
      const page = await browser.newPage();
      await intercept(page, withFixtures(opts.fixtures, fixtures));
      await page.goto(url);
      return page;
    },
    openExtensionPage: async (path) => {
      const page = await browser.newPage();
      const target = `moz-extension://${uuid}/${path}`;
      // goto() to moz-extension:// never resolves here: start it, then wait for the document.
      void page.goto(target).catch(() => undefined);
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline) {
        const href = await page.evaluate(() => location.href).catch(() => '');
        if (href.startsWith(target)) break;
        await new Promise((r) => setTimeout(r, 100)); // poll interval
      }
      return page;
    },
    close: async () => {
      await browser.close();
      if (!opts.restartable) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Polls `fn` until `ok(value)` (puppeteer has no auto-waiting assertions); throws with `what` and the last value. */
export async function pollUntil<T>(fn: () => Promise<T>, ok: (v: T) => boolean, what = 'condition', timeout = 15_000): Promise<T> {
  const end = Date.now() + timeout;
  let last: T = await fn();
  while (!ok(last)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 150)); // poll interval
    last = await fn();
  }
  return last;
}
