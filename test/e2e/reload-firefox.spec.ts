import { expect, test } from '../support/test';
import { resolve } from 'node:path';
import { FIREFOX_BUILD } from '../support/browsers';
import { GECKO_ID, pollUntil } from '../support/firefox';

/**
 * An extension update or reload in Firefox while OPC is open (the Chromium case is in
 * hardening.spec.ts). Firefox ends the old content script at once (it cannot clean up) and injects
 * the new one into the open tab: the new copy must replace the old UI, not add a second one.
 */
const OVERVIEW = 'https://portal.otto.market/products/#productoverview';

test('Firefox: extension reload with OPC open: the new copy replaces the old UI (one panel, one control per row) and it works', async ({ firefox }) => {
  const ff = await firefox();
  const page = await ff.openOtto(OVERVIEW);
  const count = (sel: string) => page.evaluate((s) => document.querySelectorAll(s).length, sel);
  const step = (id: string) => page.evaluate((s) => document.querySelector('lga-checklist')?.shadowRoot?.querySelector(`[data-step="${s}"]`)?.getAttribute('aria-checked') ?? null, id);
  await pollUntil(() => step('registered'), (v) => v === 'true', 'registered');
  const controls = await pollUntil(() => count('lga-deeplink'), (n) => n >= 3, 'controls');
  const rows = await page.evaluate(() => document.querySelectorAll('table a.obc_link').length);
  expect(controls).toBe(rows);

  await ff.browser.uninstallExtension(GECKO_ID);
  await ff.browser.installExtension(resolve(FIREFOX_BUILD));
  // The new copy is injected into the open tab and draws its UI. Firefox's uninstall removed the
  // extension's storage, so for the new copy this is a first visit again: the full panel, no
  // compact line to expand.
  await pollUntil(() => page.evaluate(() => !!document.querySelector('lga-checklist')?.shadowRoot?.querySelector('[role="region"]')), Boolean, 'new copy drew');
  expect(await page.evaluate(() => document.querySelector('lga-checklist')!.shadowRoot!.querySelectorAll('button[aria-expanded="false"]').length)).toBe(0);
  await pollUntil(() => step('registered'), (v) => v === 'true', 'new copy: steps shown');
  await new Promise((r) => setTimeout(r, 1500)); // proves absence: the old copy must not add a second UI
  expect(await count('lga-checklist')).toBe(1);
  expect(await count('lga-deeplink')).toBe(rows);
  // The UI on the page is the live copy's: a real click ticks.
  const box = await page.evaluateHandle(() => document.querySelector('lga-checklist')!.shadowRoot!.querySelector('[data-step="customer-account"]')!);
  await (box.asElement() as import('puppeteer-core').ElementHandle<Element>).click();
  expect(await pollUntil(() => step('customer-account'), (v) => v === 'true', 'tick after reload')).toBe('true');
});
