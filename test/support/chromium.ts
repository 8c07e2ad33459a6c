import { chromium, expect, type BrowserContext, type CDPSession, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumPath, CHROME_BUILD } from './browsers';
import { SERVED_HOSTS, serve, withFixtures, type FixtureMap } from './fixtures';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** Every URL requested by any page of the context (fixture hosts included). */
  requests: string[];
  worker: () => Promise<Worker>;
  popup: () => Promise<Page>;
  /** A new tab on `url`; `fixtures` add routes for this tab only (on top of the launch's). */
  openOtto: (url: string, fixtures?: Record<string, FixtureMap>) => Promise<Page>;
  badge: () => Promise<string>;
  stopServiceWorker: () => Promise<void>;
  /** Reloads the extension as the "reload" button in chrome://extensions does (an update does the same to open tabs). */
  reloadExtension: () => Promise<void>;
  storage: (area?: 'local' | 'session' | 'sync') => Promise<Record<string, unknown>>;
  close: () => Promise<void>;
}

export interface LaunchOptions {
  fixtures?: Record<string, FixtureMap>;
  colorScheme?: 'light' | 'dark';
  locale?: string;
  extensionDir?: string;
  /** Other unpacked extensions to load next to ours (e.g. one that tries to message us). */
  extraExtensions?: string[];
  /** Default true; the interactive demo opens a window. */
  headless?: boolean;
  /** A profile to use and keep (launch again with it to restart the browser); default: a fresh one, removed on close. */
  userDataDir?: string;
}

/**
 * Real Chromium with the built extension loaded, the OTTO hosts served from committed fixtures at
 * their real https URLs (no DNS; the manifest's real match patterns apply), everything else refused.
 */
export async function launchWithExtension(opts: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const dir = resolve(opts.extensionDir ?? CHROME_BUILD);
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'lga-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: opts.headless ?? true,
    locale: opts.locale ?? 'de-DE',
    colorScheme: opts.colorScheme ?? 'light',
    args: [
      `--disable-extensions-except=${[dir, ...(opts.extraExtensions ?? [])].join(',')}`,
      `--load-extension=${[dir, ...(opts.extraExtensions ?? [])].join(',')}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      // Keep http:// as http:// (no automatic upgrade), so tests can prove we do not inject there.
      '--disable-features=DialMediaRouteProvider,HttpsUpgrades,HttpsFirstBalancedModeAutoEnable',
    ],
  });
  const requests: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    requests.push(url);
    const host = new URL(url).host;
    if (SERVED_HOSTS.includes(host)) {
      const r = serve(url, opts.fixtures);
      return route.fulfill({ status: r.status, contentType: r.contentType, body: r.body });
    }
    if (url.startsWith('chrome-extension://') || url.startsWith('data:')) return route.continue();
    return route.abort('blockedbyclient');
  });

  // Our worker is the one serving background.js (other test extensions use other file names).
  const ours = (w: Worker) => w.url().endsWith('/background.js');
  const worker = async () =>
    context.serviceWorkers().find(ours) ?? (await context.waitForEvent('serviceworker', { predicate: ours }));
  const extensionId = new URL((await worker()).url()).host;

  const api: ExtensionBrowser = {
    context,
    extensionId,
    requests,
    worker,
    popup: async () => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      await page.locator('[data-step]').first().waitFor();
      return page;
    },
    openOtto: async (url, fixtures) => {
      const page = await context.newPage();
      if (fixtures) {
        const routes = withFixtures(opts.fixtures, fixtures);
        await page.route((u) => SERVED_HOSTS.includes(u.host), (route) => {
          const r = serve(route.request().url(), routes);
          return route.fulfill({ status: r.status, contentType: r.contentType, body: r.body });
        });
      }
      await page.goto(url);
      return page;
    },
    badge: async () => {
      const w = await worker();
      return w.evaluate(() => (globalThis as unknown as { chrome: any }).chrome.action.getBadgeText({}));
    },
    stopServiceWorker: async () => {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
    },
    reloadExtension: async () => {
      const page = await context.newPage();
      await page.goto('chrome://extensions/');
      // Chromium disables command-line unpacked extensions on reload unless developer mode is on.
      await page.evaluate(async (id) => {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const dev = (globalThis as any).chrome.developerPrivate;
        await dev.updateProfileConfiguration({ inDeveloperMode: true });
        await dev.reload(id, { failQuietly: true });
      }, extensionId);
      await page.close();
    },
    storage: async (area = 'local') => {
      const w = await worker();
      return w.evaluate((a) => (globalThis as unknown as { chrome: any }).chrome.storage[a].get(null), area);
    },
    close: async () => {
      await context.close();
      if (!opts.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  return api;
}


/** Runs `expression` in the extension's isolated world of `page` (where its content script lives). */
export async function inContentScript(page: Page, expression: string): Promise<unknown> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const contexts: Array<{ id: number; name: string; auxData?: { type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const ours = () => contexts.find((c) => c.auxData?.type === 'isolated' && c.name.includes('Livegang'));
  await expect.poll(() => ours()?.id, { message: 'an isolated world of the extension in this page', timeout: 5_000 }).toBeDefined();
  const ctx = ours()!;
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId: ctx.id, awaitPromise: true, returnByValue: true });
  await cdp.detach();
  if (exceptionDetails) throw new Error(exceptionDetails.text);
  return result.value;
}

