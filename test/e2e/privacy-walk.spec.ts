import type { BrowserContext, Page, Request } from '@playwright/test';
import { expect, test } from '../support/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_DIR, type FixtureMap } from '../support/fixtures';
import { CHROME_BUILD } from '../support/browsers';
import { grantedChromeCopy, OTTO_NEEDLES, OTTO_PAGES, ottoPage } from '../support/companion';
import { chromeBuildWithGranted, siteBuyerData, SITE_URLS } from '../support/sites';
import { addSite, REGISTERED, setRegistered, siteOptions, SITES_GRANTED, switchService, untilUi } from '../support/site-steps';

/**
 * Privacy at rest and on the wire: a walk through every committed OTTO fixture, the popup and the
 * options page. Afterwards no buyer data (e-mail addresses, phone numbers, order numbers found in
 * the fixtures) is in any storage area, in any message the background received, or in the
 * console; and neither the service worker nor an extension page made a network request.
 * The same over otto.de with the companion on (its script and guide see an order confirmation),
 * and over the opt-in sites' replicas (webmail compose views, a shop backend, a help desk).
 * Requests from content scripts cannot be told apart from the page's here: that the bundles hold
 * no network API at all is checked statically in build.spec.ts.
 */
/** Where each fixture is served: the URL decides the page kind, so each family gets its route. */
function routeFor(file: string): { host: string; path: string; url: string } | null {
  const name = file.replace(/\.html$/, '');
  const portal = (path: string, hash = '') => ({ host: 'portal.otto.market', path, url: `https://portal.otto.market${path}${hash}` });
  const help = (path: string) => ({ host: 'account.otto.market', path, url: `https://account.otto.market${path}` });
  if (name === 'products-page') return portal('/products/productMaintenance/0b6c2c1e-5b5e-4d43-9a57-1f3e8b1d2c3a');
  if (name.startsWith('products-') || name.startsWith('hostile-') || name === 'nav-app') return portal('/products/', '#productoverview');
  if (name.startsWith('orders-details')) return portal('/orders', '#/details/ab12cd34ef/articles');
  if (name.startsWith('orders-')) return portal('/orders', '#/list');
  if (name === 'dashboard') return portal('/');
  if (name.startsWith('ticket-')) return help('/s/ticketanlegen');
  if (name === 'livegang-article') return help('/s/article/Vorbereitungen-Livegang');
  return null;
}

/** Buyer data as it appears in the fixtures: e-mail addresses, phone numbers and order numbers. */
function buyerData(files: string[]): string[] {
  const found = new Set<string>();
  for (const f of files) {
    if (!f.startsWith('portal/orders-')) continue;
    const text = readFileSync(join(FIXTURE_DIR, f), 'utf8').replace(/<[^>]+>/g, ' ');
    for (const m of text.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g) ?? []) found.add(m.toLowerCase());
    for (const m of text.match(/\+?\d[\d ()/-]{7,}\d/g) ?? []) {
      if (m.replace(/\D/g, '').length < 9) continue;
      found.add(m.trim()); // as written on the page
      found.add(m.replace(/\D/g, '')); // digits only
    }
    const raw = readFileSync(join(FIXTURE_DIR, f), 'utf8');
    for (const m of raw.matchAll(/details\/([a-z0-9]{10})\b/gi)) found.add(m[1]!.toLowerCase());
    for (const m of text.matchAll(/(?:Bestellnummer|Bestell-Nr\.?|Order number|Order no\.?)\s*:?\s*([a-z0-9]{10})\b/gi)) found.add(m[1]!.toLowerCase());
  }
  return [...found].filter((v) => !v.endsWith('otto.market') && !v.endsWith('otto.de'));
}

test('a walk through every fixture leaves no buyer data anywhere and makes no request of our own', async ({ chromium }) => {
  test.setTimeout(180_000);
  const files = ['portal', 'account'].flatMap((dir) => readdirSync(join(FIXTURE_DIR, dir)).filter((f) => f.endsWith('.html')).map((f) => `${dir}/${f}`));
  const secrets = buyerData(files);
  expect(secrets.length, 'the order fixtures contain buyer data to look for').toBeGreaterThan(5);

  const overrides: Record<string, FixtureMap> = { 'portal.otto.market': {}, 'account.otto.market': {} };
  const b = await chromium({ fixtures: overrides });
  const ours: Array<{ url: string; from: string }> = [];
  const fromExtension = (r: Request) => {
    if (r.serviceWorker()) return 'service worker';
    const frameUrl = (() => {
      try {
        return r.frame().url();
      } catch {
        return '';
      }
    })();
    return frameUrl.startsWith('chrome-extension://') ? 'extension page' : null;
  };
  b.context.on('request', (r) => {
    const from = fromExtension(r);
    if (from && !r.url().startsWith('chrome-extension://')) ours.push({ url: r.url(), from });
  });

  const w = await b.worker();
  // Positive control of the request recorder: a fetch made from the worker and from an extension
  // page is seen (then forgotten); the extension's own code never does this.
  await w.evaluate(() => fetch('https://www.otto.de/recorder-probe-sw').catch(() => undefined));
  const probePage = await b.popup();
  await probePage.evaluate(() => fetch('https://www.otto.de/recorder-probe-page').catch(() => undefined));
  await probePage.close();
  await expect.poll(() => ours.map((r) => r.from).sort()).toEqual(['extension page', 'service worker']);
  ours.length = 0;
  await w.evaluate(() => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const g = globalThis as any;
    g.__lgaSeen = [];
    g.chrome.runtime.onMessage.addListener((m: unknown) => void g.__lgaSeen.push(JSON.stringify(m)));
  });
  const consoleLines: string[] = [];

  let visited = 0;
  for (const file of files) {
    const route = routeFor(file.split('/')[1]!);
    if (!route) continue;
    overrides[route.host]![route.path] = file;
    const page = await b.context.newPage();
    page.on('console', (m) => consoleLines.push(m.text()));
    await page.goto(route.url);
    await page.waitForTimeout(1200); // many pages get none of our UI: time for the scripts to run (and leak, if they would)
    // Touch what a merchant would: open every contact rule and copy the page's text.
    for (const pill of await page.locator('lga-contact-warning button').all()) await pill.click({ timeout: 2000 }).catch(() => undefined);
    await page.evaluate(() => {
      const sel = getSelection();
      sel?.selectAllChildren(document.body);
      document.execCommand('copy');
    });
    await page.waitForTimeout(200); // proves absence: a copy handler that logged or stored would have done so
    await page.close();
    visited++;
  }
  expect(visited).toBeGreaterThan(15);

  const popup = await b.popup();
  await popup.waitForTimeout(300); // proves absence: time for the popup to write or log anything it would
  const options = await b.context.newPage();
  await options.goto(`chrome-extension://${b.extensionId}/options.html`);
  await options.getByLabel('Ihr Name').waitFor();

  const seen = (await (await b.worker()).evaluate(() => (globalThis as unknown as { __lgaSeen?: string[] }).__lgaSeen ?? [])) as string[];
  expect(seen.length, 'the message recorder saw the content scripts').toBeGreaterThan(visited);
  const dump = JSON.stringify({
    local: await b.storage('local'),
    session: await b.storage('session'),
    sync: await b.storage('sync'),
    messages: seen,
    console: consoleLines,
  }).toLowerCase();
  for (const secret of secrets) expect(dump.includes(secret), `buyer data ${secret}`).toBe(false);
  expect(ours, 'requests made by the service worker or extension pages').toEqual([]);
});

test('otto.de with the companion on: the walk deeplink → product page → account → checkout → confirmation leaves no buyer data anywhere and makes no request of our own', async ({ chromium }) => {
  test.setTimeout(120_000);
  // The state after the merchant's consent (headless Chromium cannot answer the prompt; see test/support/companion.ts).
  const b = await chromium({ extensionDir: grantedChromeCopy(CHROME_BUILD) });
  const ours: string[] = [];
  b.context.on('request', (r) => {
    const frameUrl = (() => {
      try {
        return r.frame().url();
      } catch {
        return '';
      }
    })();
    if ((r.serviceWorker() || frameUrl.startsWith('chrome-extension://')) && !r.url().startsWith('chrome-extension://')) ours.push(r.url());
  });
  const consoleLines: string[] = [];
  b.context.on('console', (m) => consoleLines.push(m.text()));
  await b.context.route(/^https:\/\/www\.otto\.de\//, (route) => {
    const body = ottoPage(route.request().url());
    return body ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }) : route.fallback();
  });
  const w = await b.worker();
  await expect
    .poll(() => w.evaluate(() => (globalThis as any).chrome.scripting.getRegisteredContentScripts().then((s: Array<{ id: string }>) => s.length)))
    .toBe(1);
  await w.evaluate(() => {
    const g = globalThis as any;
    g.__lgaSeen = [];
    g.chrome.runtime.onMessage.addListener((m: unknown) => void g.__lgaSeen.push(JSON.stringify(m)));
  });

  const portal = await b.openOtto('https://portal.otto.market/products/#productoverview');
  const [shop] = await Promise.all([b.context.waitForEvent('page'), portal.locator('lga-deeplink a.open').first().click()]);
  await expect.poll(() => shop.evaluate(() => !!document.querySelector('lga-otto-guide'))).toBe(true);
  for (const url of [OTTO_PAGES.account, OTTO_PAGES.cart, OTTO_PAGES.address, OTTO_PAGES.review, OTTO_PAGES.failed, OTTO_PAGES.confirmation, OTTO_PAGES.confirmationJsonLd]) {
    await shop.goto(url);
    // Copy the page's text as a merchant might; then give the scripts time to leak, if they would (proves absence).
    await shop.evaluate(() => {
      getSelection()?.selectAllChildren(document.body);
      document.execCommand('copy');
    });
    await shop.waitForTimeout(1200);
  }
  const popup = await b.popup();
  await expect(popup.locator('[data-step="test-order"]')).toHaveAttribute('aria-checked', 'true');

  const seen = (await w.evaluate(() => (globalThis as any).__lgaSeen as string[])) ?? [];
  expect(seen.filter((m) => m.includes('companion/page')).length, 'the recorder saw the otto.de script').toBeGreaterThan(3);
  const dump = JSON.stringify({ local: await b.storage('local'), session: await b.storage('session'), sync: await b.storage('sync'), messages: seen, console: consoleLines });
  for (const needle of OTTO_NEEDLES) expect(dump.includes(needle), `buyer data ${needle}`).toBe(false);
  expect(ours, 'requests made by the service worker or extension pages').toEqual([]);
});

test('the opt-in sites: with every replica on, composing to buyer relay and placeholder addresses in Gmail, Outlook, GMX and WEB.DE, the shop backend\'s order page and the help desk leave no buyer data anywhere and make no request of our own', async ({ chromium }) => {
  test.setTimeout(180_000);
  // The state after the merchant's consent (headless Chromium cannot answer the prompt; see chromeBuildWithGranted).
  const b = await chromium({ extensionDir: chromeBuildWithGranted(CHROME_BUILD, SITES_GRANTED) });
  const ours = ownRequests(b.context);
  const consoleLines: string[] = [];
  b.context.on('console', (m) => consoleLines.push(m.text()));
  const w = await b.worker();
  w.on('console', (m) => consoleLines.push(m.text()));
  // Positive control of the request recorder (as in the first walk): the worker's own fetch is seen, then forgotten.
  await w.evaluate(() => fetch('https://www.otto.de/recorder-probe-sw').catch(() => undefined));
  await expect.poll(() => ours.length).toBe(1);
  ours.length = 0;
  await w.evaluate(() => {
    const g = globalThis as any;
    g.__lgaSeen = [];
    g.chrome.runtime.onMessage.addListener((m: unknown) => void g.__lgaSeen.push(JSON.stringify(m)));
  });

  const opts = await siteOptions(b);
  await setRegistered(opts, REGISTERED);
  for (const name of ['Gmail', 'Outlook', 'GMX', 'WEB.DE']) await switchService(opts, name);
  for (const site of ['shop-backend.example', 'support.helpdesk.example']) await addSite(opts, site);

  // Buyer data typed by the merchant on top of what the replicas show.
  const typed = {
    relay: 'm5n4b3v2@customer.otto.market',
    placeholder: 'Hans.Beispiel.9876543210@otto.magnalister.com',
    subject: 'Rückfrage zu Bestellung 9876543210',
    body: 'Sehr geehrter Herr Beispiel, Ihre Lieferung an die Gartenstraße 5',
  };
  const secrets = [...siteBuyerData(), ...Object.values(typed), 'm5n4b3v2', 'Hans.Beispiel.9876543210', '9876543210', 'Gartenstraße'].map((s) => s.toLowerCase());
  const walk: Array<{ url: string; compose?: (page: Page) => Promise<void>; warnings: number }> = [
    {
      url: SITE_URLS.gmail,
      warnings: 3, // the chip, then the two typed recipients as chips
      compose: async (page) => {
        for (const address of [typed.relay, typed.placeholder]) {
          await page.getByLabel('An-Empfänger').fill(address);
          await page.getByLabel('An-Empfänger').press('Enter');
        }
        await page.getByLabel('Betreff').fill(typed.subject);
        await page.getByLabel('Nachrichtentext').pressSequentially(typed.body);
      },
    },
    { url: SITE_URLS.outlook, warnings: 1, compose: (page) => page.getByLabel('Betreff hinzufügen').fill(typed.subject) },
    { url: SITE_URLS.gmx, warnings: 1, compose: (page) => page.getByLabel('An:').pressSequentially(typed.relay, { delay: 5 }) },
    { url: SITE_URLS.webde, warnings: 1, compose: (page) => page.getByLabel('An:').pressSequentially(typed.placeholder, { delay: 5 }) },
    { url: SITE_URLS.shop, warnings: 2 },
    { url: SITE_URLS.helpdesk, warnings: 2, compose: (page) => page.getByLabel('Antwort').fill(typed.body) },
  ];
  for (const step of walk) {
    const page = await b.openOtto(step.url);
    await step.compose?.(page);
    await untilUi(page, (u) => expect(u.warnings).toHaveLength(step.warnings));
    // Touch what a merchant would: open every note of ours, copy the page's text.
    for (const button of await page.locator('lga-contact-warning button, lga-sender-warning button, lga-contact-rules button').all()) {
      await button.click({ timeout: 2000 }).catch(() => undefined);
    }
    await page.evaluate(() => {
      getSelection()?.selectAllChildren(document.body);
      document.execCommand('copy');
    });
    await page.waitForTimeout(1200); // proves absence: a script that stored, logged or messaged would have done so
    await page.close();
  }

  const seen = (await w.evaluate(() => (globalThis as any).__lgaSeen as string[])) ?? [];
  const stored = { local: await b.storage('local'), session: await b.storage('session'), sync: await b.storage('sync') };
  // Positive controls: the options' saves went through the recorder and into storage (the merchant's own address is no buyer data).
  expect(seen.length, 'the message recorder saw the options page').toBeGreaterThan(0);
  expect(JSON.stringify(stored.local)).toContain(REGISTERED);
  const dump = JSON.stringify({ ...stored, messages: seen, console: consoleLines }).toLowerCase();
  for (const secret of secrets) expect(dump.includes(secret), `buyer data ${secret}`).toBe(false);
  expect(ours, 'requests made by the service worker or extension pages').toEqual([]);
});

/** Records requests the service worker or an extension page makes to anything but the extension itself. */
function ownRequests(context: BrowserContext): string[] {
  const out: string[] = [];
  context.on('request', (r) => {
    const frameUrl = (() => {
      try {
        return r.frame().url();
      } catch {
        return '';
      }
    })();
    if ((r.serviceWorker() || frameUrl.startsWith('chrome-extension://')) && !r.url().startsWith('chrome-extension://')) out.push(r.url());
  });
  return out;
}
