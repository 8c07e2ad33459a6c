import { expect, test } from '../support/test';
import type { Page } from 'puppeteer-core';
import { pollUntil, type FirefoxWithExtension } from '../support/firefox';
import { SITE_URLS, siteUi, type SiteUi } from '../support/sites';

/**
 * Opt-in sites (issue #19) in real Firefox: the switch in the options asks for the permission
 * with the real `permissions.request` in the merchant's click (puppeteer's click is trusted input;
 * the prompt is accepted by Firefox's own pref `extensions.webextOptionalPermissionPrompts=false`),
 * the script is registered and warns; switching off gives the permission back and clears the open
 * tab; a permission taken back outside the options turns the site off too.
 */
const REGISTERED = 'merchant@shop.example';
type Api = { permissions: { contains: (p: { origins: string[] }) => Promise<boolean>; remove: (p: { origins: string[] }) => Promise<boolean> } };
const EMPTY: SiteUi = { warnings: [], senders: [], rules: 0, senderText: '' };

async function options(f: FirefoxWithExtension): Promise<Page> {
  const page = await f.openExtensionPage('options.html');
  await pollUntil(() => page.evaluate(() => !!document.getElementById('opt-site-gmail')), Boolean, 'the sites section');
  return page;
}
const granted = (page: Page, origin: string) => page.evaluate((o) => (globalThis as unknown as { browser: Api }).browser.permissions.contains({ origins: [o] }), origin);
const checked = (page: Page, id: string) => page.evaluate((i) => (document.getElementById(i) as HTMLInputElement).checked, id);
const ui = (page: Page) => page.evaluate(siteUi);

async function setRegistered(page: Page, address: string) {
  await page.evaluate((a) => {
    const field = document.getElementById('opt-sender') as HTMLInputElement;
    field.value = a;
    field.dispatchEvent(new Event('input', { bubbles: true }));
    field.dispatchEvent(new Event('change', { bubbles: true }));
  }, address);
  await pollUntil(
    () => page.evaluate(() => `${document.querySelector('.status')?.textContent ?? ''}|${(document.getElementById('opt-sender') as HTMLInputElement).value}|${document.getElementById('opt-sender-hint')?.textContent}`),
    (t) => t.includes('Gespeichert'),
    'saved',
  );
}

test('Firefox: the Gmail switch asks for mail.google.com in the click, the replica warns (relay chip, wrong sender), switching off gives the permission back and clears the open tab', async ({ firefox }) => {
  const ff = await firefox({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
  const opts = await options(ff);
  expect(await granted(opts, 'https://mail.google.com/*')).toBe(false);
  await setRegistered(opts, REGISTERED);
  const mail = await ff.openOtto(SITE_URLS.gmail);
  await new Promise((r) => setTimeout(r, 1500)); // nothing to wait for: no script runs there yet
  expect(await ui(mail)).toEqual(EMPTY);

  await opts.bringToFront();
  await opts.click('#opt-site-gmail');
  await pollUntil(() => checked(opts, 'opt-site-gmail'), Boolean, 'the switch on');
  expect(await granted(opts, 'https://mail.google.com/*')).toBe(true);
  // Nothing broader than the site was granted.
  expect(await granted(opts, 'https://outlook.office.com/*')).toBe(false);

  const fresh = await ff.openOtto(SITE_URLS.gmail);
  for (const page of [mail, fresh]) {
    const seen = await pollUntil(() => ui(page), (u) => u.warnings.length === 1 && u.senders.length === 1 && u.rules === 1, 'warnings on Gmail');
    expect(seen.warnings).toEqual([{ kind: 'relay', after: 'div' }]);
    expect(seen.senders).toEqual(['mismatch']);
    expect(seen.senderText).toContain(REGISTERED);
  }
  await fresh.select('select#from', REGISTERED);
  expect((await pollUntil(() => ui(fresh), (u) => u.senders.length === 0, 'the sender warning gone')).warnings).toHaveLength(1);

  await opts.bringToFront();
  await opts.click('#opt-site-gmail');
  await pollUntil(() => checked(opts, 'opt-site-gmail'), (v) => !v, 'the switch off');
  for (const page of [mail, fresh]) expect(await pollUntil(() => ui(page), (u) => u.warnings.length === 0 && u.rules === 0, 'all gone')).toEqual(EMPTY);
  expect(await pollUntil(() => granted(opts, 'https://mail.google.com/*'), (g) => !g, 'permission given back')).toBe(false);
});

test('Firefox: another site added through "Weitere Seite" (shop backend) warns about the placeholder; its permission taken back elsewhere turns it off', async ({ firefox }) => {
  const ff = await firefox({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
  const opts = await options(ff);
  await opts.bringToFront();
  await opts.click('#opt-site-other');
  await opts.keyboard.type('shop-backend.example');
  await opts.keyboard.press('Enter');
  await pollUntil(() => opts.evaluate(() => document.querySelector('[data-list="sites"]')?.textContent ?? ''), (t) => t.includes('https://shop-backend.example'), 'the site listed');
  expect(await granted(opts, 'https://shop-backend.example/*')).toBe(true);

  const shop = await ff.openOtto(SITE_URLS.shop);
  const seen = await pollUntil(() => ui(shop), (u) => u.warnings.length === 2, 'warnings on the shop backend');
  expect(seen.warnings.map((w) => w.kind).sort()).toEqual(['placeholder', 'relay']);

  // As if the merchant removed the permission in about:addons: the site is turned off, the tab cleared.
  await opts.evaluate(() => (globalThis as unknown as { browser: Api }).browser.permissions.remove({ origins: ['https://shop-backend.example/*'] }));
  await pollUntil(() => ui(shop), (u) => u.warnings.length === 0, 'warnings gone');
  await pollUntil(() => opts.evaluate(() => document.querySelector('[data-list="sites"]')?.textContent ?? ''), (t) => !t.includes('shop-backend'), 'the site unlisted');
});
