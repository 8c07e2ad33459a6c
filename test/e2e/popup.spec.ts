import { expect, test } from '../support/test';
import type { ExtensionBrowser } from '../support/chromium';

/** The id of the active tab, read in the service worker (before the popup tab takes focus). */
async function activeTabId(b: ExtensionBrowser): Promise<number> {
  const w = await b.worker();
  return w.evaluate(async () => (await (globalThis as unknown as { chrome: any }).chrome.tabs.query({ active: true }))[0].id);
}

async function popupFor(b: ExtensionBrowser, tabId: number) {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/popup.html?tab=${tabId}`);
  await page.locator('[data-step]').first().waitFor();
  return page;
}

test('popup shows what ran on the current OTTO tab', async ({ chromium }) => {
  const b = await chromium();
  const tab = await b.openOtto('https://portal.otto.market/products/#productoverview');
  await expect(tab.locator('lga-checklist')).toHaveCount(1);
  const popup = await popupFor(b, await activeTabId(b));
  await expect(popup.locator('[data-page]')).toHaveAttribute('data-page', 'opc-product-overview');
  await expect(popup.locator('[data-feature="checklist"]')).toHaveAttribute('data-status', 'running');
  await expect(popup.locator('[data-feature="autosteps"]')).toHaveAttribute('data-status', 'running');
  await expect(popup.locator('.needs-update')).toHaveCount(0);
  // What the page shows, counted: three products, no stock column.
  await expect(popup.locator('[data-recognised="items"]')).toHaveAttribute('data-count', '3');
  await expect(popup.locator('[data-recognised="items"]')).toContainText('Produkte erkannt: 3 (mit Bestand: nicht angezeigt)');
});

test('popup reports missing anchors as "needs update" and copies diagnostics without page content', async ({ chromium }) => {
  // The product overview URL, but a page without any product list: the checklist's anchor is missing.
  const b = await chromium({ fixtures: { 'portal.otto.market': { '/products/': 'portal/dashboard.html' } } });
  const tab = await b.openOtto('https://portal.otto.market/products/#productoverview');
  const tabId = await activeTabId(b);
  await tab.waitForTimeout(11_000); // the runner reports anchors missing after 10 s (and keeps waiting)
  const popup = await popupFor(b, tabId);
  await expect(popup.locator('.needs-update[role="alert"]')).toContainText('productList');
  // And in plain words: the product list was not recognised; no products were.
  await expect(popup.locator('[data-missing="productList"]')).toContainText('Produktliste wurde auf dieser Seite nicht erkannt');
  await expect(popup.locator('[data-recognised="items"]')).toHaveAttribute('data-count', '0');
  // The checklist still runs: on the overview route it docks above the content without a list.
  await expect(tab.locator('lga-checklist')).toHaveCount(1);
  await expect(popup.locator('[data-feature="checklist"]')).toHaveAttribute('data-status', 'running');
  // Headless Chromium has no clipboard for extension pages: record what the popup writes.
  await popup.evaluate(() => {
    const w = window as unknown as { __copied?: string };
    navigator.clipboard.writeText = async (text: string) => void (w.__copied = text);
  });
  await popup.getByRole('button', { name: 'Diagnose kopieren' }).click();
  await expect(popup.locator('.copy-status')).toHaveText('Diagnose kopiert.');
  const text = await popup.evaluate(() => (window as unknown as { __copied?: string }).__copied ?? '');
  expect(text).toMatch(/^Livegang-Assistent \d+\.\d+\.\d+\nBrowser: Chrome \d+\nPage: opc-product-overview\n/);
  expect(text).toContain('Missing anchors: productList');
  expect(text).not.toContain('otto.market');
  expect(text).not.toContain('Willkommen');
});

test('popup on a page that is not OTTO says so', async ({ chromium }) => {
  const b = await chromium();
  await b.openOtto('https://www.otto.de/p/x/');
  const popup = await popupFor(b, await activeTabId(b));
  await expect(popup.locator('.tab-status')).toContainText('Keine OTTO-Seite');
});
