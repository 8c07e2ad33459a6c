// What the benchmarks (bench.mjs, bench-trace.mjs) share: the overview pages they load, the
// fixture pages served at the real OTTO URLs, Chromium launched with a profile of its own, with or
// without an extension, under the same flags for every side, and the statistics.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';

export const root = resolve(import.meta.dirname, '../..');
export const outDir = resolve(root, process.env.LGA_OUT_DIR || '.output');
export const extDir = join(outDir, 'chrome-mv3');
const fixtures = resolve(root, 'test/fixtures');

/** The 100-row overview (first visit, new tab, reload) and the 2,000-row one with 5 s of the page's updates. */
export const OVERVIEW_100 = 'https://portal.otto.market/products/?rows=100#productoverview';
export const OVERVIEW_2000_UPDATES = 'https://portal.otto.market/products/?rows=2000&updates=1#productoverview';

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
/** Linear-interpolated quantile `q` (0…1) of `xs`. */
export const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (pos - lo);
};

const SERVED = {
  'portal.otto.market': { '/products/': 'portal/products-2000.html', '/': 'portal/dashboard.html' },
  'account.otto.market': {},
  'www.otto.de': {},
  // Not OTTO: must get nothing from us (served the same OPC page, so only the host differs).
  'example.org': { '/': 'portal/products-overview.html' },
  'portal.otto.market.evil.example': { '/products/': 'portal/products-overview.html' },
};
function fulfil(route) {
  const u = new URL(route.request().url());
  if (u.protocol === 'chrome-extension:' || u.protocol === 'data:') return route.continue();
  const table = SERVED[u.host];
  if (!table) return route.abort('blockedbyclient');
  const file = table[u.pathname] ?? (u.host === 'www.otto.de' ? 'shop/product.html' : null);
  if (!file) return route.fulfill({ status: 404, contentType: 'text/html', body: '<!doctype html><title>404</title>' });
  return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(join(fixtures, file), 'utf8') });
}

export function chromiumPath() {
  return [process.env.LGA_CHROMIUM, '/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
}

export async function launch(withExtension, ext = extDir) {
  const dir = mkdtempSync(join(tmpdir(), 'lga-bench-'));
  const args = [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-features=DialMediaRouteProvider,HttpsUpgrades,HttpsFirstBalancedModeAutoEnable',
    // Same conditions for both browsers: no throttling of timers in background renderers.
    '--disable-renderer-backgrounding',
    '--disable-background-timer-throttling',
  ];
  if (withExtension) args.push(`--disable-extensions-except=${ext}`, `--load-extension=${ext}`);
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    headless: true,
    locale: 'de-DE',
    viewport: { width: 1280, height: 900 },
    args,
  });
  await context.route('**/*', fulfil);
  // Long tasks (> 50 ms) of the page's main thread, collected in the page. Which of them ran
  // our code comes from a CPU profile (attribute()): long-animation-frame entries do not list
  // content scripts (isolated worlds), so they cannot tell.
  await context.addInitScript(() => {
    const w = window;
    w.__lgaBench = { long: [] };
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__lgaBench.long.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    } catch {}
  });
  let worker = null;
  let extensionId = null;
  if (withExtension) {
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    extensionId = new URL(worker.url()).host;
  }
  return {
    context,
    worker,
    extensionId,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

