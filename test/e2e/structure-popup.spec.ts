import { readFileSync } from 'node:fs';
import { expect, test } from '../support/test';
import { pollUntil } from '../support/firefox';

/**
 * "Seitenstruktur speichern" in the popup's "this page" section: Chromium writes the file
 * (Playwright's download event), by keyboard; Firefox's content script answers the request.
 */
test('popup saves the page structure of the current tab as a JSON file (keyboard)', async ({ chromium }) => {
  const b = await chromium({ fixtures: { 'portal.otto.market': { '/orders': 'portal/orders-details-freight.html' } } });
  const tab = await b.openOtto('https://portal.otto.market/orders#/details/fr7dx20k5m/articles');
  await expect(tab.locator('lga-contact-warning').first()).toBeAttached();
  const w = await b.worker();
  const tabId = await w.evaluate(async () => (await (globalThis as unknown as { chrome: any }).chrome.tabs.query({ active: true }))[0].id);
  const popup = await b.context.newPage();
  await popup.goto(`chrome-extension://${b.extensionId}/popup.html?tab=${tabId}`);
  const button = popup.getByRole('button', { name: 'Seitenstruktur speichern' });
  await expect(button).toHaveAccessibleDescription(/nur den Aufbau dieser Seite/);
  await button.focus();
  const download = popup.waitForEvent('download');
  await popup.keyboard.press('Enter');
  const file = await download;
  expect(file.suggestedFilename()).toBe('livegang-seitenstruktur-opc-order-details.json');
  const text = readFileSync(await file.path(), 'utf8');
  const report = JSON.parse(text);
  expect(report).toMatchObject({ format: 'livegang-page-structure/1', pageKind: 'opc-order-details', cut: { nodes: false, depth: false } });
  expect(report.browser).toMatch(/^Chrome \d+$/);
  expect(report.counts.shadowRoots).toBeGreaterThan(0);
  expect(report.counts.ownHosts).toBeGreaterThan(0);
  // Buyer data of the fixture is not in the file (the full check runs in structure.spec.ts).
  for (const value of ['Probst', 'q2w8e4r6', 'jonas', '1234 5678', 'fr7dx20k5m', 'Lindenallee']) expect(text).not.toContain(value);
  await expect(popup.locator('.structure-status')).toHaveText('Seitenstruktur gespeichert: livegang-seitenstruktur-opc-order-details.json');
});

test('popup says so when the page cannot give its structure', async ({ chromium }) => {
  const b = await chromium();
  await b.openOtto('https://portal.otto.market/products/#productoverview');
  const w = await b.worker();
  const tabId = await w.evaluate(async () => (await (globalThis as unknown as { chrome: any }).chrome.tabs.query({ active: true }))[0].id);
  const popup = await b.context.newPage();
  await popup.goto(`chrome-extension://${b.extensionId}/popup.html?tab=${tabId}`);
  const button = popup.getByRole('button', { name: 'Seitenstruktur speichern' });
  await expect(button).toBeVisible();
  // The tab goes away after the popup read it: the request fails, the popup says so.
  await w.evaluate(async (id) => (globalThis as unknown as { chrome: any }).chrome.tabs.remove(id), tabId);
  await button.click();
  await expect(popup.locator('.structure-status')).toHaveText('Seitenstruktur konnte nicht gelesen werden. Bitte Seite neu laden.');
});

test('Firefox: the content script answers the page-structure request (top frame, from the UI chunk)', async ({ firefox }) => {
  const ff = await firefox({ fixtures: { 'portal.otto.market': { '/products/': 'portal/products-shadow.html' } } });
  const page = await ff.openOtto('https://portal.otto.market/products/#productoverview');
  // The checklist docks in the page (an own host the report marks without entering it).
  await pollUntil(() => page.evaluate(() => document.querySelectorAll('lga-checklist').length), (n) => n === 1, 'checklist');
  const popup = await ff.openExtensionPage('popup.html');
  const reply = await pollUntil(
    () =>
      popup.evaluate(async () => {
        const api = (globalThis as unknown as { browser: any }).browser;
        for (const t of await api.tabs.query({})) {
          const r = await api.tabs.sendMessage(t.id, { type: 'diagnostics/structure' }, { frameId: 0 }).catch(() => null);
          if (r?.data?.pageKind === 'opc-product-overview') return JSON.stringify(r);
        }
        return null;
      }),
    (r) => r !== null,
  );
  const parsed = JSON.parse(reply!);
  expect(parsed.ok).toBe(true);
  expect(parsed.data).toMatchObject({ format: 'livegang-page-structure/1', pageKind: 'opc-product-overview', cut: { nodes: false, depth: false } });
  expect(parsed.data.browser).toMatch(/^Firefox \d+$/);
  expect(parsed.data.counts.shadowRoots).toBe(1);
  expect(parsed.data.counts.ownHosts).toBeGreaterThanOrEqual(1);
  expect(reply).toContain('"own":true');
  expect(reply).toContain('{=https:}//{=www.otto.de}/{=p}/{masked}');
  for (const value of ['Gartenstuhl', 'Sonnenschirm', 'SKU-2001', 'Feuerschale', 'M1A2B3C4D5']) expect(reply).not.toContain(value);
});
