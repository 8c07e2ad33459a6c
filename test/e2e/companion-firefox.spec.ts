import { expect, test } from '../support/test';
import type { Page } from 'puppeteer-core';
import { pollUntil, type FirefoxWithExtension } from '../support/firefox';
import { OTTO_NEEDLES, OTTO_PAGES, OTTO_ROUTES } from '../support/companion';

/**
 * The otto.de companion in real Firefox ESR, consent included: with
 * `extensions.webextOptionalPermissionPrompts=false` Firefox grants an optional permission that is
 * requested from a real click without showing its prompt, so the options' switch is clicked as
 * the merchant would (puppeteer's click is trusted input). Before consent nothing runs on otto.de;
 * after it the walk ticks the three steps; switched off, the permission and the script are gone.
 * (puppeteer intercepts requests per page, so the deeplink's own new tab cannot be served: after
 * the real click on our deeplink the product page is opened in a served tab within the click's
 * time window, which is what the companion relates it by.)
 */
type Steps = Record<string, { done: boolean; evidence?: { code: string } | null }>;
const stepsIn = (ext: Page) =>
  ext.evaluate(async () => ((await (globalThis as any).browser.storage.local.get('onboarding')).onboarding?.steps ?? {}) as Steps);
const evidence = async (ext: Page, id: string) => {
  const s = (await stepsIn(ext))[id];
  return s?.done ? (s.evidence?.code ?? 'manual') : null;
};
const hasGuide = (page: Page) => page.evaluate(() => !!document.querySelector('lga-otto-guide')?.shadowRoot?.querySelector('aside'));
const granted = (ext: Page) => ext.evaluate(() => (globalThis as any).browser.permissions.contains({ origins: ['https://www.otto.de/*'] }) as Promise<boolean>);
/** A fixed wait, used only to prove that something does NOT happen (no guide, no evidence) within it. */
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A real click on our deeplink in Partner Connect, then the product page in a served tab. */
async function openThroughDeeplink(f: FirefoxWithExtension): Promise<Page> {
  const portal = await f.openOtto('https://portal.otto.market/products/#productoverview');
  await portal.waitForSelector('lga-deeplink >>> a.open');
  // Middle click: the link's own new tab stays out of the way (it cannot be served, see above).
  await portal.click('lga-deeplink >>> a.open', { button: 'middle' });
  await pause(500); // the click's new tab cannot be served (see above): nothing to wait on but time for its report
  return f.openOtto(OTTO_PAGES.product);
}

test('Firefox: consent from the options switch, the walk ticks the three steps, switching off gives the permission back', async ({ firefox }) => {
  test.setTimeout(120_000);
  const ff = await firefox({ fixtures: OTTO_ROUTES, prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
  const options = await ff.openExtensionPage('options.html#otto-companion');
  await pollUntil(() => options.evaluate(() => document.querySelector('[data-companion]')?.getAttribute('data-companion') ?? ''), (v) => v === 'off', 'companion off');
  expect(await granted(options)).toBe(false);

  // Without consent: the deeplinked product page and a confirmation get nothing from us.
  const before = await openThroughDeeplink(ff);
  await pause(1500);
  expect(await hasGuide(before)).toBe(false);
  await before.goto(OTTO_PAGES.confirmation);
  await pause(1500);
  expect(await evidence(options, 'test-order')).toBeNull();
  expect(await evidence(options, 'customer-account')).toBeNull();
  expect(await evidence(options, 'deeplink-opened')).toBe('deeplink-control');
  await before.close();

  // Consent: the merchant's click on the switch named "… otto.de …".
  const label = await options.evaluate(() => document.querySelector('label[for="otto-companion-switch"]')?.textContent ?? '');
  expect(label).toContain('otto.de');
  await options.click('#otto-companion-switch');
  await pollUntil(() => options.evaluate(() => document.querySelector('[data-companion]')?.getAttribute('data-companion') ?? ''), (v) => v === 'on', 'companion on');
  expect(await granted(options)).toBe(true);
  const popup = await ff.openExtensionPage('popup.html');
  await pollUntil(() => popup.evaluate(() => document.querySelector('[data-companion]')?.textContent ?? ''), (t) => t === 'Begleitung auf otto.de: an', 'popup line');

  // The walk.
  const shop = await openThroughDeeplink(ff);
  await pollUntil(() => hasGuide(shop), Boolean, 'guide on the deeplinked product page');
  await pollUntil(() => evidence(options, 'deeplink-opened'), (e) => e === 'otto-product-page', 'deeplink-opened confirmed');
  expect(await evidence(options, 'customer-account')).toBeNull();
  await shop.goto(OTTO_PAGES.account);
  await pollUntil(() => evidence(options, 'customer-account'), (e) => e === 'otto-customer-logged-in', 'customer-account');
  for (const negative of [OTTO_PAGES.cart, OTTO_PAGES.address, OTTO_PAGES.review, OTTO_PAGES.failed]) {
    await shop.goto(negative);
    await pause(1500);
    expect(await evidence(options, 'test-order'), negative).toBeNull();
  }
  await shop.goto(OTTO_PAGES.confirmationJsonLd);
  await pollUntil(() => evidence(options, 'test-order'), (e) => e === 'otto-order-confirmed', 'test-order');
  const kept = await options.evaluate(async () => JSON.stringify([await (globalThis as any).browser.storage.local.get(null), await (globalThis as any).browser.storage.session.get(null)]));
  for (const needle of OTTO_NEEDLES) expect(kept, needle).not.toContain(needle);

  // Switched off: the permission goes, and with it the script (a new deeplinked page gets nothing).
  await options.click('#otto-companion-switch');
  await pollUntil(() => options.evaluate(() => document.querySelector('[data-companion]')?.getAttribute('data-companion') ?? ''), (v) => v === 'off', 'companion off again');
  expect(await granted(options)).toBe(false);
  await pollUntil(() => popup.evaluate(() => document.querySelector('[data-companion]')?.textContent ?? ''), (t) => t === 'Begleitung auf otto.de: aus', 'popup line off');
  const after = await openThroughDeeplink(ff);
  await pause(1500);
  expect(await hasGuide(after)).toBe(false);
});
