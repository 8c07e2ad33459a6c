import { expect, test } from '../support/test';
import type { Page } from 'puppeteer-core';
import { pollUntil } from '../support/firefox';
import { SITE_URLS } from '../support/sites';
import { ffGranted as granted, ffSetRegistered as setRegistered, ffSiteOptions as options, ffUi as ui, NO_UI as EMPTY, REGISTERED } from '../support/site-steps';

/**
 * Opt-in sites (issue #19) in real Firefox: the switch in the options asks for the permission
 * with the real `permissions.request` in the merchant's click (puppeteer's click is trusted input;
 * the prompt is accepted by Firefox's own pref `extensions.webextOptionalPermissionPrompts=false`),
 * the script is registered and warns; switching off gives the permission back and clears the open
 * tab; a permission taken back outside the options turns the site off too.
 */
type Api = { permissions: { remove: (p: { origins: string[] }) => Promise<boolean> } };
const checked = (page: Page, id: string) => page.evaluate((i) => (document.getElementById(i) as HTMLInputElement).checked, id);

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
