import { expect, test } from '../support/test';
import { pollUntil } from '../support/firefox';

/**
 * The Firefox build in real Firefox ESR (puppeteer-core over WebDriver BiDi): the content script
 * injects its UI, messages make the round trip through the background, the popup works.
 */
const OVERVIEW = 'https://portal.otto.market/products/#productoverview';


const stepState = (page: import('puppeteer-core').Page, step: string) =>
  page.evaluate((s) => {
    const host = document.querySelector('lga-checklist');
    return host?.shadowRoot?.querySelector(`[data-step="${s}"]`)?.getAttribute('aria-checked') ?? null;
  }, step);

test('Firefox: checklist injected into OPC, message round trip, popup toggles reach the page', async ({ firefox }) => {
  const ff = await firefox();
  const page = await ff.openOtto(OVERVIEW);
  // Injection + round trip: the content script reports `registered`, the background stores
  // it, and the panel shows the stored state.
  expect(await pollUntil(() => stepState(page, 'registered'), (v) => v === 'true')).toBe('true');
  expect(await page.evaluate(() => document.querySelectorAll('lga-checklist').length)).toBe(1);

  const popup = await ff.openExtensionPage('popup.html');
  await pollUntil(() => popup.evaluate(() => document.querySelectorAll('[data-step]').length), (n) => n === 8);
  expect(await popup.evaluate(() => document.querySelector('[data-step="registered"]')?.getAttribute('aria-checked'))).toBe('true');
  await popup.evaluate(() => (document.querySelector('[data-step="customer-account"]') as HTMLElement).click());
  expect(await pollUntil(() => stepState(page, 'customer-account'), (v) => v === 'true')).toBe('true');
});

test('Firefox: the content script does not run on lookalike hosts or plain http', async ({ firefox }) => {
  const ff = await firefox();
  for (const url of [
    'https://portal.otto.market.evil.example/products/#productoverview',
    'https://evil.example/portal.otto.market/products/',
    'http://portal.otto.market/products/#productoverview',
  ]) {
    const page = await ff.openOtto(url);
    await page.waitForSelector('table');
    await new Promise((r) => setTimeout(r, 1200)); // proves absence: no panel on lookalike hosts or http
    expect(await page.evaluate(() => document.querySelectorAll('lga-checklist').length), url).toBe(0);
  }
  // Positive control: the real host in the same browser does get the panel.
  const real = await ff.openOtto(OVERVIEW);
  await real.waitForSelector('lga-checklist', { timeout: 10_000 });
});
